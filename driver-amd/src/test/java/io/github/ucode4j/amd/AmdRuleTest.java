package io.github.ucode4j.amd;

import static io.github.ucode4j.amd.Parsing.assertRejects;
import static io.github.ucode4j.amd.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.RuleKind;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule, broken on purpose in a crafted container: the rule's code and the offset of the field at fault. */
class AmdRuleTest {
    // A one-patch container: 12-byte header, a table of two entries, then the section.
    private static final int TABLE_TYPE = 4;
    private static final int TABLE_LENGTH = 8;
    private static final int FIRST_ENTRY = 12;
    private static final int TERMINATOR = 28;
    private static final int SECTION = 44;
    private static final int SIZE = 48;
    private static final int PATCH = 52;

    private static final CpuSignature FAM10 = CpuSignature.of(0x00100f22);

    private static byte[] container(SyntheticPatch patch) {
        return SyntheticInputs.toArray(patch.container());
    }

    private static byte[] fam10() {
        return container(AmdPatchBuilder.forCpu(FAM10).revision(0x010000db).build());
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    @Test
    void theCraftedContainerIsValid() throws MicrocodeFormatException {
        ParsedContainers parsed = parse(fam10(), ParseMode.STRICT);
        assertThat(parsed.patches()).hasSize(1);
        assertThat(parsed.patches().get(0).origin().offset()).isEqualTo(PATCH);
        assertThat(parsed.findings()).isEmpty();
    }

    @Test
    void emptyInput() {
        Throwable error = catchThrowable(() -> parse(new byte[0], ParseMode.STRICT));
        assertThat(((MicrocodeFormatException) error).rule()).isEqualTo(InputRule.EMPTY);
    }

    @Test
    void containerTruncated() {
        assertRejects(Arrays.copyOf(fam10(), 3), AmdRule.CONTAINER_TRUNCATED, 0);
        assertRejects(Arrays.copyOf(fam10(), 11), AmdRule.CONTAINER_TRUNCATED, 0);
    }

    @Test
    void magic() {
        assertRejects(withInt(fam10(), 0, 0x414d4400), AmdRule.MAGIC, 0);
    }

    @Test
    void equivalenceTableType() {
        assertRejects(withInt(fam10(), TABLE_TYPE, 1), AmdRule.EQUIVALENCE_TYPE, TABLE_TYPE);
    }

    @Test
    void equivalenceTableLength() {
        assertRejects(withInt(fam10(), TABLE_LENGTH, 0), AmdRule.EQUIVALENCE_LENGTH, TABLE_LENGTH);
        assertRejects(withInt(fam10(), TABLE_LENGTH, 8), AmdRule.EQUIVALENCE_LENGTH, TABLE_LENGTH);
        assertRejects(withInt(fam10(), TABLE_LENGTH, 33), AmdRule.EQUIVALENCE_LENGTH, TABLE_LENGTH);
    }

    @Test
    void equivalenceTableTruncated() {
        assertRejects(withInt(fam10(), TABLE_LENGTH, 0xfffffff0), AmdRule.EQUIVALENCE_TRUNCATED, TABLE_LENGTH);
        assertRejects(Arrays.copyOf(fam10(), 20), AmdRule.EQUIVALENCE_TRUNCATED, TABLE_LENGTH);
    }

    @Test
    void aTableWithoutTheAllZeroEntryIsReadByItsLengthWithAWarning() throws MicrocodeFormatException {
        byte[] lengthOnly = withInt(fam10(), TERMINATOR, 0x00100f23);
        for (ParseMode mode : ParseMode.values()) {
            ParsedContainers parsed = parse(lengthOnly, mode);
            assertThat(parsed.patches()).hasSize(1);
            assertThat(parsed.containers().get(0).table().entries()).extracting(EquivalenceEntry::installedCpu)
                    .containsExactly(FAM10, CpuSignature.of(0x00100f23));
            assertThat(parsed.findings()).extracting(Finding::code, Finding::severity, Finding::offset)
                    .containsExactly(tuple("AMD_EQUIVALENCE_NO_END_ENTRY", Severity.WARNING, (long) TERMINATOR));
            assertThat(parsed.findings().get(0).message()).contains("0x00100f23", "Linux", "Xen 4.18.4");
        }
    }

    @Test
    void anEntryWithInstalledCpuZeroBeforeTheEndIsStrictOnly() throws MicrocodeFormatException {
        byte[] early = withInt(fam10(), FIRST_ENTRY, 0);
        assertRejects(early, AmdRule.EQUIVALENCE_EARLY_END, FIRST_ENTRY);
        assertThat(parse(early, ParseMode.LENIENT).findings()).extracting(Finding::code, Finding::offset)
                .contains(tuple("AMD_EQUIVALENCE_EARLY_END", (long) FIRST_ENTRY));
    }

    @Test
    void equivalenceIdMissingIsStrictOnlyAndDropsThePatchOtherwise() throws MicrocodeFormatException {
        byte[] otherId = withInt(fam10(), PATCH + 24, 0x1023);
        assertRejects(otherId, AmdRule.EQUIVALENCE_MISSING, PATCH + 24);
        ParsedContainers lenient = parse(otherId, ParseMode.LENIENT);
        assertThat(lenient.patches()).isEmpty();
        assertThat(lenient.findings()).extracting(Finding::code).containsExactly("AMD_EQUIVALENCE_MISSING");
    }

    @Test
    void sectionTruncated() {
        byte[] bytes = fam10();
        assertRejects(Arrays.copyOf(bytes, SECTION + 7), AmdRule.SECTION_TRUNCATED, SECTION);
    }

    @Test
    void sectionType() {
        assertRejects(withInt(fam10(), SECTION, 2), AmdRule.SECTION_TYPE, SECTION);
        byte[] trailing = Arrays.copyOf(fam10(), fam10().length + 8);
        assertRejects(trailing, AmdRule.SECTION_TYPE, fam10().length);
    }

    @Test
    void patchTooShort() {
        assertRejects(withInt(fam10(), SIZE, 63), AmdRule.PATCH_TOO_SHORT, SIZE);
    }

    @Test
    void patchTruncated() {
        assertRejects(withInt(fam10(), SIZE, -1), AmdRule.PATCH_TRUNCATED, SIZE);
        assertRejects(Arrays.copyOf(fam10(), PATCH + 63), AmdRule.PATCH_TRUNCATED, SIZE);
    }

    @Test
    void patchTooLargeForItsFamily() {
        int family14 = AmdPatchBuilder.maximumBodySize(0x14) + 64;
        SyntheticPatch fitsFam15 = AmdPatchBuilder.forCpu(0x15, 0x02, 0).bodySize(family14 + 1 - 64).build();
        byte[] relabelled = withInt(container(fitsFam15), PATCH + 24, 0x5020);
        assertRejects(relabelled, AmdRule.PATCH_TOO_LARGE, SIZE);
    }

    @Test
    void sizeLimitsAreTheLoaders() {
        assertThat(List.of(0x10, 0x11, 0x12, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1a, 0x18).stream()
                .map(PatchSizeLimits::maximumSize).toList())
                .containsExactly(2048, 2048, 2048, 1824, 4096, 3458, 3200, 5568, 15296, 2048);
    }

    @Test
    void chipsetSpecificPatchesAreRefused() {
        assertRejects(withInt(fam10(), PATCH + 16, 0x1022), AmdRule.CHIPSET_SPECIFIC, PATCH + 16);
        assertRejects(withInt(fam10(), PATCH + 20, 0x1022), AmdRule.CHIPSET_SPECIFIC, PATCH + 20);
    }

    @Test
    void aContainerWrappedInAPatchSectionIsRefusedInStrictMode() throws MicrocodeFormatException {
        byte[] inner = fam10();
        ByteBuffer outer = ByteBuffer.allocate(SECTION + 8 + inner.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(Arrays.copyOf(inner, SECTION)).putInt(1).putInt(inner.length).put(inner);
        byte[] nested = outer.array();
        assertRejects(nested, AmdRule.NESTED_CONTAINER, PATCH);
        for (ParseMode mode : new ParseMode[] {ParseMode.LENIENT, ParseMode.RECOVER}) {
            ParsedContainers kept = parse(nested, mode);
            assertThat(kept.patches()).as(mode.name()).hasSize(1);
            assertThat(kept.findings()).as(mode.name()).extracting(Finding::code, Finding::severity, Finding::offset)
                    .containsExactly(tuple("AMD_NESTED_CONTAINER", Severity.ERROR, (long) PATCH));
        }
    }

    @Test
    void duplicateAndConflictingEquivalenceEntriesAreFindings() throws MicrocodeFormatException {
        EquivalenceEntry first = EquivalenceEntry.of(FAM10, 0x1022);
        EquivalenceTable table = new EquivalenceTable(List.of(first, first,
                EquivalenceEntry.of(FAM10, 0x1020), EquivalenceEntry.TERMINATOR));
        SyntheticPatch patch = AmdPatchBuilder.forCpu(FAM10).build();
        byte[] bytes = SyntheticInputs.toArray(AmdContainerWriter.write(table, List.of(patch.image())));
        ParsedContainers parsed = parse(bytes, ParseMode.STRICT);
        assertThat(parsed.patches()).hasSize(1);
        assertThat(parsed.findings()).extracting(Finding::code, Finding::severity, Finding::offset).containsExactly(
                tuple("AMD_EQUIVALENCE_DUPLICATE", Severity.WARNING, 28L),
                tuple("AMD_EQUIVALENCE_CONFLICT", Severity.WARNING, 44L));
    }

    @Test
    void conflictsAcrossConcatenatedContainersAreFindings() throws MicrocodeFormatException {
        SyntheticPatch first = AmdPatchBuilder.forCpu(FAM10).build();
        SyntheticPatch other = AmdPatchBuilder.forCpu(FAM10).equivalenceId(0x1020).build();
        byte[] bytes = SyntheticInputs.toArray(AmdContainerWriter.concatenate(List.of(first.container(), other.container())));
        ParsedContainers parsed = parse(bytes, ParseMode.STRICT);
        assertThat(parsed.findings()).extracting(Finding::code, Finding::offset)
                .containsExactly(tuple("AMD_EQUIVALENCE_CONFLICT", (long) bytes.length / 2 + 12));
    }

    @Test
    void zenPatchIdThatDisagreesWithTheTableIsAFinding() throws MicrocodeFormatException {
        SyntheticPatch patch = AmdPatchBuilder.forCpu(CpuSignature.of(0x00a00f10)).revision(0x0a00107a).build();
        SyntheticPatch misfiled = new SyntheticPatch(patch.header(), patch.image(),
                EquivalenceEntry.of(CpuSignature.of(0x00a00f11), 0xa010));
        ParsedContainers parsed = parse(container(misfiled), ParseMode.STRICT);
        assertThat(parsed.patches()).singleElement()
                .satisfies(p -> assertThat(p.primaryTarget().signature()).isEqualTo(CpuSignature.of(0x00a00f10)));
        assertThat(parsed.findings()).extracting(Finding::code, Finding::offset)
                .containsExactly(tuple("AMD_ZEN_ID_MISMATCH", (long) PATCH + 4));
    }

    @Test
    void recoverModeReportsABrokenContainerAndResumesAtTheNextMagic() throws MicrocodeFormatException {
        byte[] good = fam10();
        byte[] broken = withInt(good, SIZE, -1);
        byte[] both = Arrays.copyOf(broken, broken.length * 2);
        System.arraycopy(good, 0, both, broken.length, good.length);
        ParsedContainers recovered = parse(both, ParseMode.RECOVER);
        assertThat(recovered.patches()).singleElement()
                .satisfies(p -> assertThat(p.origin().offset()).isEqualTo(broken.length + PATCH));
        assertThat(recovered.findings()).extracting(Finding::code, Finding::severity, Finding::offset).containsExactly(
                tuple("AMD_PATCH_TRUNCATED", Severity.ERROR, (long) SIZE),
                tuple(InputRule.SKIPPED_BYTES.code(), Severity.WARNING, (long) SECTION));
        assertThat(recovered.findings().get(1).message())
                .contains((broken.length - SECTION) + " byte(s)", "AMD_PATCH_TRUNCATED");
        assertRejects(both, ParseMode.LENIENT, AmdRule.PATCH_TRUNCATED, SIZE);
    }

    @Test
    void recoverModeFindsAContainerBehindUnrelatedBytes() throws MicrocodeFormatException {
        byte[] good = fam10();
        byte[] prefixed = new byte[100 + good.length];
        Arrays.fill(prefixed, 0, 100, (byte) 0x5a);
        System.arraycopy(good, 0, prefixed, 100, good.length);
        ParsedContainers recovered = parse(prefixed, ParseMode.RECOVER);
        assertThat(recovered.patches()).singleElement()
                .satisfies(p -> assertThat(p.origin().offset()).isEqualTo(100 + PATCH));
        assertThat(recovered.findings()).extracting(Finding::code, Finding::offset)
                .containsExactly(tuple(InputRule.SKIPPED_BYTES.code(), 0L));
        assertThat(recovered.findings().get(0).message()).contains("100 byte(s)", "at 0x0", "AMD_MAGIC");
        assertRejects(prefixed, AmdRule.MAGIC, 0);
    }

    @Test
    void onlyRulesTheLoadersDoNotEnforceAreStrictOnlyOrFindings() {
        assertThat(Arrays.stream(AmdRule.values()).filter(rule -> rule.kind() == RuleKind.STRICT_ONLY)).containsExactly(
                AmdRule.EQUIVALENCE_EARLY_END, AmdRule.EQUIVALENCE_MISSING, AmdRule.NESTED_CONTAINER);
        assertThat(Arrays.stream(AmdRule.values()).filter(rule -> rule.kind().neverRejects())).containsExactly(
                AmdRule.EQUIVALENCE_NO_END_ENTRY, AmdRule.EQUIVALENCE_DUPLICATE, AmdRule.EQUIVALENCE_CONFLICT,
                AmdRule.ZEN_ID_MISMATCH, AmdRule.RAW_PATCH);
    }

    @Test
    void everyCodeStartsWithAmd() {
        assertThat(AmdRule.values()).allSatisfy(rule -> {
            assertThat(rule.code()).isEqualTo("AMD_" + rule.name());
            assertThat(rule.rule()).isNotBlank();
        });
    }
}
