package io.github.ucode4j.intel;

import static io.github.ucode4j.intel.Crafted.concat;
import static io.github.ucode4j.intel.Crafted.dword;
import static io.github.ucode4j.intel.Crafted.parse;
import static io.github.ucode4j.intel.Crafted.rebalanced;
import static io.github.ucode4j.intel.Crafted.withDword;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.RuleKind;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule, broken by a crafted input, is reported with its own code at the offset of the field that breaks it. */
class IntelRuleTest {
    private static final byte[] VALID = IntelPatchBuilder.patch().build();
    private static final int DATA_SIZE = dword(VALID, 28);

    @Test
    void everyRuleHasItsOwnCodeAndOnlyIucodeToolsStrictChecksAreStrictOnly() {
        assertThat(Arrays.stream(IntelRule.values()).map(IntelRule::code).distinct()).hasSize(IntelRule.values().length)
                .allMatch(code -> code.startsWith("INTEL_"));
        assertThat(Arrays.stream(IntelRule.values()).filter(rule -> rule.kind() == RuleKind.STRICT_ONLY))
                .containsExactly(IntelRule.TOTAL_SIZE_GRANULARITY, IntelRule.ZERO_REVISION, IntelRule.DATE);
        assertThat(Arrays.stream(IntelRule.values()).filter(rule -> rule.kind().neverRejects())).containsExactly(
                IntelRule.PLATFORM_FLAGS_WIDTH, IntelRule.METADATA);
        assertThat(IntelRule.HEADER_CHECKSUM.code()).isEqualTo("INTEL_HEADER_CHECKSUM");
    }

    @Test
    void anEmptyInputIsRejected() {
        assertRejected(new byte[0], InputRule.EMPTY, 0);
    }

    @Test
    void bytesAfterTheLastPatchAreRejectedWhereTheyStart() {
        assertRejected(concat(VALID, new byte[8]), IntelRule.TRAILING_BYTES, 1024);
        assertRejected(Arrays.copyOf(VALID, 47), IntelRule.TRAILING_BYTES, 0);
    }

    @Test
    void anInFieldScanImageIsRejectedByItsOwnRule() {
        assertRejected(withDword(VALID, 0, 2), IntelRule.IN_FIELD_SCAN_IMAGE, 0);
    }

    @Test
    void otherHeaderVersionsAreRejected() {
        assertRejected(withDword(VALID, 0, 3), IntelRule.HEADER_VERSION, 0);
    }

    @Test
    void aLoaderVersionOtherThanOneIsRejected() {
        assertRejected(withDword(VALID, 20, 2), IntelRule.LOADER_VERSION, 20);
    }

    @Test
    void sizesMustBeWholeDwords() {
        assertRejected(withDword(VALID, 28, DATA_SIZE + 2), IntelRule.DATA_SIZE_ALIGNMENT, 28);
        assertRejected(withDword(VALID, 32, 1026), IntelRule.TOTAL_SIZE_ALIGNMENT, 32);
    }

    @Test
    void theDataMustFitInTheTotalSize() {
        assertRejected(withDword(VALID, 28, 2000), IntelRule.DATA_EXCEEDS_TOTAL, 28);
        assertRejected(withDword(VALID, 28, 0xfffffffc), IntelRule.DATA_EXCEEDS_TOTAL, 28);
    }

    @Test
    void theTotalSizeMustNotExceedTheInputInTheSecondPatchEither() {
        assertRejected(withDword(VALID, 32, 2048), IntelRule.TOTAL_SIZE_EXCEEDS_INPUT, 32);
        assertRejected(concat(VALID, Arrays.copyOf(VALID, 1000)), IntelRule.TOTAL_SIZE_EXCEEDS_INPUT, 1024 + 32);
        assertRejected(withDword(VALID, 32, 0xfffffffc), IntelRule.TOTAL_SIZE_EXCEEDS_INPUT, 32);
    }

    @Test
    void aWrongHeaderChecksumIsRejectedAtTheChecksumField() {
        byte[] broken = VALID.clone();
        broken[700] ^= 1;
        assertRejected(broken, IntelRule.HEADER_CHECKSUM, 16);
    }

    @Test
    void anExtendedTableShorterThanItsHeaderIsRejected() {
        byte[] patch = IntelPatchBuilder.patch().dataSize(64, 1).padTotalSizeTo1024(false).build();
        byte[] withStub = concat(rebalanced(withDword(patch, 32, 48 + 64 + 16)), new byte[16]);
        assertRejected(withStub, IntelRule.EXTENDED_TABLE_SIZE, 48 + 64);
    }

    @Test
    void aCountThatWouldWrapIn32BitsIsRejected() {
        byte[] patch = IntelPatchBuilder.patch().dataSize(64, 1).padTotalSizeTo1024(false)
                .extendedSignature(0x906eb, 1).build();
        int table = 48 + 64;
        // 20 + 12 * 0x15555556 is 28 modulo 2^32: a 28-byte table would pass a 32-bit check.
        byte[] crafted = withDword(patch, table, 0x15555556);
        assertThat(20 + 12 * 0x15555556).isEqualTo(28);
        crafted = rebalanced(withDword(Arrays.copyOf(crafted, table + 28), 32, table + 28));
        assertRejected(crafted, IntelRule.EXTENDED_TABLE_SIZE, table);
    }

    @Test
    void aWrongExtendedTableChecksumIsRejectedAtItsField() {
        byte[] patch = IntelPatchBuilder.patch().extendedSignature(0x906eb, 1).build();
        int table = 48 + dword(patch, 28);
        assertRejected(withDword(patch, table + 4, dword(patch, table + 4) + 1), IntelRule.EXTENDED_TABLE_CHECKSUM,
                table + 4);
    }

    @Test
    void anExtendedEntryThatDoesNotBalanceIsRejectedAtItsChecksum() {
        byte[] patch = IntelPatchBuilder.patch().extendedSignature(0x906ea, 1).extendedSignature(0x906eb, 2).build();
        int table = 48 + dword(patch, 28);
        int second = table + 20 + 12;
        // Change the entry's signature and keep the table sum at zero, so only the entry check can see it.
        byte[] crafted = withDword(patch, second, dword(patch, second) + 1);
        crafted = withDword(crafted, table + 4, dword(crafted, table + 4) - 1);
        assertRejected(crafted, IntelRule.EXTENDED_ENTRY_CHECKSUM, second + 8);
    }

    @Test
    void aTotalSizeOffTheKilobyteIsStrictOnly() throws Exception {
        byte[] patch = IntelPatchBuilder.patch().dataSize(64, 1).padTotalSizeTo1024(false).build();
        assertStrictOnly(patch, IntelRule.TOTAL_SIZE_GRANULARITY, 32);
    }

    @Test
    void revisionZeroIsStrictOnly() throws Exception {
        assertStrictOnly(IntelPatchBuilder.patch().revision(0).build(), IntelRule.ZERO_REVISION, 4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x13012020, 0x00012020, 0x01002020, 0x01322020, 0x01011994, 0x0a012020, 0x0101200a})
    void anInvalidDateIsStrictOnly(int date) throws Exception {
        assertStrictOnly(IntelPatchBuilder.patch().date(date).build(), IntelRule.DATE, 8);
    }

    @Test
    void strictOnlyRulesInTheSecondPatchNameItsOffset() throws Exception {
        assertStrictOnly(concat(VALID, IntelPatchBuilder.patch().revision(0).build()), IntelRule.ZERO_REVISION, 1028);
    }

    @Test
    void platformFlagsAboveBit7AreAWarningAndIgnoredForMatching() throws Exception {
        Bundle bundle = parse(IntelPatchBuilder.patch().platformFlags(0x102).build());
        assertThat(bundle.findings()).singleElement().satisfies(f -> assertFinding(f, IntelRule.PLATFORM_FLAGS_WIDTH,
                Severity.WARNING, 0));
        assertThat(bundle.patches().get(0).primaryTarget().platformFlags()).isEqualTo(PlatformFlags.of(2));
    }

    @Test
    void aMetadataBlockFilledByOneEntryWithoutATerminatorIsValid() throws Exception {
        // Intel's 06-aa-04 of release 20240312: one type-2 entry of 116 bytes is the whole block; its last 8 bytes
        // read like an end entry (type 0, size 8), counted into its own size.
        int[] dwords = new int[27];
        dwords[0] = 2;
        dwords[26] = 8;
        byte[] payload = payload(dwords);
        byte[] patch = IntelPatchBuilder.patch().metadataEntry(2, payload).metadataTerminated(false).build();
        int end = 48 + dword(patch, 28);
        Bundle bundle = parse(patch);

        assertThat(bundle.findings()).isEmpty();
        IntelPatchDetails details = (IntelPatchDetails) bundle.patches().get(0).details();
        assertThat(details.metadataSize()).isEqualTo(116);
        assertThat(details.metadata()).containsExactly(new MetadataEntry(2, 116, end - 116, ByteBuffer.wrap(payload)));
        assertThat(details.metadata().get(0).payloadDwords()).hasSize(27).startsWith(2L, 0L).endsWith(0L, 8L);
    }

    @Test
    void aMetadataBlockEndedByAnEntryOfTypeZeroIsValid() throws Exception {
        byte[] patch = IntelPatchBuilder.patch().metadataEntry(3, payload(0x909)).metadataEntry(2, payload(5, 0x10003d0))
                .build();
        int end = 48 + dword(patch, 28);
        Bundle bundle = parse(patch);

        assertThat(bundle.findings()).isEmpty();
        IntelPatchDetails details = (IntelPatchDetails) bundle.patches().get(0).details();
        assertThat(details.metadataSize()).isEqualTo(12 + 16 + 8);
        assertThat(details.metadata()).containsExactly(new MetadataEntry(3, 12, end - 36, ByteBuffer.wrap(payload(0x909))),
                new MetadataEntry(2, 16, end - 24, ByteBuffer.wrap(payload(5, 0x10003d0))),
                new MetadataEntry(0, 8, end - 8, ByteBuffer.allocate(0)));
        assertThat(details.metadata()).extracting(MetadataEntry::meaning)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of("the end of the metadata"));
    }

    @Test
    void aMalformedMetadataBlockIsAWarningNamingWhereItBreaksAndReadsAsEmpty() throws Exception {
        byte[] patch = IntelPatchBuilder.patch().metadataEntry(3, payload(0x909)).build(); // [3, 12, ...] [0, 8]
        int end = 48 + dword(patch, 28);
        int first = end - 20;

        assertMalformedMetadata(rebalanced(withDword(patch, first + 4, 24)), first); // runs past the block
        assertMalformedMetadata(rebalanced(withDword(patch, first + 4, 4)), first); // shorter than its own header
        assertMalformedMetadata(rebalanced(withDword(patch, first + 4, 10)), first); // not whole dwords
        assertMalformedMetadata(rebalanced(withDword(patch, first + 4, 16)), end - 4); // 4 bytes left, no header fits
        assertMalformedMetadata(rebalanced(withDword(patch, 36, dword(patch, 28) + 4)), 36); // larger than the data
        assertMalformedMetadata(rebalanced(withDword(patch, 36, 22)), 36); // not whole dwords
    }

    private static void assertMalformedMetadata(byte[] patch, long offset) throws Exception {
        Bundle bundle = parse(patch);
        assertThat(bundle.findings()).singleElement()
                .satisfies(f -> assertFinding(f, IntelRule.METADATA, Severity.WARNING, offset));
        assertThat(((IntelPatchDetails) bundle.patches().get(0).details()).metadata()).isEmpty();
    }

    /** Little-endian dwords. */
    private static byte[] payload(int... dwords) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * dwords.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int dword : dwords) {
            bytes.putInt(dword);
        }
        return bytes.array();
    }

    private static void assertStrictOnly(byte[] input, IntelRule rule, long offset) throws Exception {
        assertThat(rule.kind()).isEqualTo(RuleKind.STRICT_ONLY);
        assertRejected(input, rule, offset);
        for (ParseMode mode : new ParseMode[] {ParseMode.LENIENT, ParseMode.RECOVER}) {
            Bundle kept = parse(input, mode);
            assertThat(kept.patches()).as(mode.name()).isNotEmpty();
            assertThat(kept.findings()).as(mode.name()).singleElement()
                    .satisfies(f -> assertFinding(f, rule, Severity.ERROR, offset));
        }
    }

    static void assertRejected(byte[] input, FormatRule rule, long offset) {
        MicrocodeFormatException e = catchThrowableOfType(MicrocodeFormatException.class, () -> parse(input));
        assertThat(e).as("expected %s at 0x%s", rule.code(), Long.toHexString(offset)).isNotNull();
        assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
        assertThat(e.source()).isEqualTo("crafted");
        assertThat(e.getMessage()).contains(rule.code(), "crafted@0x" + Long.toHexString(offset));
    }

    private static void assertFinding(Finding finding, IntelRule rule, Severity severity, long offset) {
        assertThat(finding.code()).isEqualTo(rule.code());
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.offset()).as(finding.toString()).isEqualTo(offset);
        assertThat(finding.source()).isEqualTo("crafted");
    }
}
