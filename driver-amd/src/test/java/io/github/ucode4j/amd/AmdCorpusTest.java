package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debian's amd64-microcode files: every patch parses, matches its table and, on Zen, is on the allow-list. */
class AmdCorpusTest {
    /** Per file, the number of patches formats.md states. */
    private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("microcode_amd.bin", 12);
        EXPECTED.put("microcode_amd_fam15h.bin", 3);
        EXPECTED.put("microcode_amd_fam16h.bin", 1);
        EXPECTED.put("microcode_amd_fam17h.bin", 7);
        EXPECTED.put("microcode_amd_fam19h.bin", 18);
    }

    private static final Map<String, byte[]> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        Path directory = Corpus.amdFirmware();
        for (String name : EXPECTED.keySet()) {
            FILES.put(name, Files.readAllBytes(directory.resolve(name)));
        }
    }

    private static List<ParsedContainers> parseAll() throws MicrocodeFormatException {
        List<ParsedContainers> parsed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : FILES.entrySet()) {
            parsed.add(Parsing.OPS.parseContainers(ByteBuffer.wrap(file.getValue()), file.getKey(), ParseMode.STRICT));
        }
        return parsed;
    }

    @Test
    void everyFileHoldsOneContainerWithTheStatedNumberOfPatchesAndNoFindings() throws MicrocodeFormatException {
        for (ParsedContainers file : parseAll()) {
            assertThat(file.containers()).as(file.source()).hasSize(1);
            assertThat(file.patches()).as(file.source()).hasSize(EXPECTED.get(file.source()));
            assertThat(file.findings()).as(file.source()).isEmpty();
        }
        assertThat(parseAll().stream().mapToInt(file -> file.patches().size()).sum()).isEqualTo(41);
    }

    @Test
    void everyPatchsEquivalenceIdIsInItsTableAndMatchesItsCpus() throws MicrocodeFormatException {
        for (ParsedContainers file : parseAll()) {
            for (MicrocodePatch patch : file.patches()) {
                AmdPatchDetails details = (AmdPatchDetails) patch.details();
                assertThat(details.installedCpus()).as(patch.toString()).isNotEmpty();
                assertThat(details.header().isChipsetSpecific()).isFalse();
                for (var cpu : details.installedCpus()) {
                    CpuState state = CpuState.of(Vendor.AMD, cpu, PlatformFlags.NONE, Revision.of(0));
                    assertThat(Parsing.OPS.match(patch, state).matches()).as(patch + " on " + cpu).isTrue();
                }
            }
        }
    }

    @Test
    void everyZenPatchIdEncodesItsTableEntryAndIsOnTheAllowList() throws MicrocodeFormatException {
        DigestAllowList allowList = DigestAllowList.builtIn();
        int zen = 0;
        for (ParsedContainers file : parseAll()) {
            for (MicrocodePatch patch : file.patches()) {
                AmdPatchDetails details = (AmdPatchDetails) patch.details();
                if (!details.header().isZen()) {
                    continue;
                }
                zen++;
                assertThat(details.installedCpus()).as(patch.toString()).contains(details.header().encodedSignature());
                assertThat(allowList.digestOf(patch.revision())).as(patch.toString()).contains(patch.sha256());
                CpuState lowest = CpuState.of(Vendor.AMD, patch.primaryTarget().signature(), PlatformFlags.NONE, Revision.of(0));
                assertThat(Parsing.OPS.digestCheck(patch, lowest).verdict()).as(patch.toString()).isEqualTo(DigestVerdict.ALLOWED);
            }
        }
        assertThat(zen).isEqualTo(25);
    }

    @Test
    void thePublishedTableForRawPatchesIsDebiansPreZenTables() throws MicrocodeFormatException {
        List<EquivalenceEntry> preZen = new ArrayList<>();
        for (ParsedContainers file : parseAll()) {
            if (List.of("microcode_amd.bin", "microcode_amd_fam15h.bin", "microcode_amd_fam16h.bin").contains(file.source())) {
                file.containers().forEach(container -> container.table().entries().stream()
                        .filter(entry -> !entry.isTerminator()).forEach(preZen::add));
            }
        }
        assertThat(PublishedEquivalenceTable.builtIn().entries()).containsExactlyElementsOf(preZen).hasSize(21);
    }

    @Test
    void everyPatchCutOutOfItsContainerParsesAsARawPatchWithTheSameTargets() throws MicrocodeFormatException {
        for (ParsedContainers file : parseAll()) {
            for (MicrocodePatch patch : file.patches()) {
                MicrocodePatch raw = Parsing.OPS.parse(patch.bytes(), "raw").patches().get(0);
                assertThat(raw.sameBytes(patch)).isTrue();
                assertThat(raw.targets()).as(patch.toString()).containsExactlyInAnyOrderElementsOf(patch.targets());
            }
        }
    }

    @Test
    void onlyTheFamily12hPatchHasNoValidDate() throws MicrocodeFormatException {
        List<String> undated = parseAll().stream().flatMap(file -> file.patches().stream())
                .filter(patch -> patch.date().isEmpty()).map(patch -> patch.revision().toString()).toList();
        assertThat(undated).containsExactly("0x3000027");
    }

    @Test
    void theEarlyLoadConcatenationParsesToTheSamePatches() throws MicrocodeFormatException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        FILES.values().forEach(all::writeBytes);
        ParsedContainers early = Parsing.OPS.parseContainers(ByteBuffer.wrap(all.toByteArray()), "AuthenticAMD.bin", ParseMode.STRICT);
        List<MicrocodePatch> separately = parseAll().stream().flatMap(file -> file.patches().stream()).toList();
        assertThat(early.containers()).hasSize(5);
        assertThat(early.findings()).isEmpty();
        assertThat(early.patches()).hasSize(41);
        for (int i = 0; i < separately.size(); i++) {
            assertThat(early.patches().get(i).bytes()).isEqualTo(separately.get(i).bytes());
            assertThat(early.patches().get(i).details()).isEqualTo(separately.get(i).details());
        }
    }

    @Test
    void mergingAndSplittingTheRealPatchesKeepsEveryByte() throws MicrocodeFormatException {
        for (ParsedContainers file : parseAll()) {
            ParsedContainers merged = Parsing.parse(AmdContainerWriter.merge(file.patches()));
            assertThat(merged.patches()).extracting(MicrocodePatch::bytes)
                    .containsExactlyElementsOf(file.patches().stream().map(MicrocodePatch::bytes).toList());
            assertThat(merged.patches()).extracting(MicrocodePatch::details)
                    .containsExactlyElementsOf(file.patches().stream().map(MicrocodePatch::details).toList());
            for (ByteBuffer single : AmdContainerWriter.split(file.patches())) {
                assertThat(Parsing.parse(single).patches()).hasSize(1);
            }
        }
        byte[] original = FILES.get("microcode_amd_fam17h.bin");
        ParsedContainers fam17 = Parsing.parse(ByteBuffer.wrap(original));
        assertThat(SyntheticInputs.toArray(AmdContainerWriter.write(fam17.containers().get(0).table(),
                fam17.patches().stream().map(MicrocodePatch::bytes).toList()))).isEqualTo(original);
    }
}
