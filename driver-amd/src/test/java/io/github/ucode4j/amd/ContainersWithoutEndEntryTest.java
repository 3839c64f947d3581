package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.amd.SyntheticInputs.Input;
import io.github.ucode4j.amd.SyntheticInputs.Shape;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Containers whose equivalence table has no all-zero entry at its end, as AMD's newer tooling writes them
 * (linux-firmware's containers of 2025 for families 15h to 1Ah): the default parse reads every table entry and patch,
 * as amd_ucode_info lists them, with one warning per table.
 */
class ContainersWithoutEndEntryTest {

    private static SyntheticPatch patch(int family, int model, int stepping, int patchId) {
        return AmdPatchBuilder.forCpu(family, model, stepping).revision(patchId).date(LocalDate.of(2025, 6, 12))
                .bodySize(AmdPatchBuilder.maximumBodySize(family)).seed(patchId).build();
    }

    /** Two CPUs of family 0x17, 0x19 and 0x1a each, one container per family, the way linux-firmware splits them. */
    private static final List<List<SyntheticPatch>> BY_FAMILY = List.of(
            List.of(patch(0x17, 0x01, 0x2, 0x0800126f), patch(0x17, 0x31, 0x0, 0x0830107c)),
            List.of(patch(0x19, 0x21, 0x2, 0x0a201213), patch(0x19, 0x01, 0x1, 0x0a0011de)),
            List.of(patch(0x1a, 0x44, 0x0, 0x0b404035), patch(0x1a, 0x70, 0x0, 0x0b700037)));

    /**
     * What amd_ucode_info shows of an input: per container, each table entry, then per patch one line for every CPU
     * the table maps to its equivalence id, with the patch id, the size and where the patch starts.
     */
    private static List<String> listing(ParsedContainers parsed) {
        List<String> lines = new ArrayList<>();
        for (AmdContainer container : parsed.containers()) {
            String at = "container@0x" + Long.toHexString(container.offset());
            container.table().entries().stream().filter(entry -> !entry.isTerminator())
                    .forEach(entry -> lines.add(at + " cpu " + entry.installedCpu().hex() + " equiv " + hex16(entry.equivalenceId())));
            for (MicrocodePatch patch : container.patches()) {
                int id = ((AmdPatchDetails) patch.details()).equivalenceId();
                container.table().entriesFor(id).forEach(entry -> lines.add(patchLine(at, entry, patch.revision().value(),
                        patch.size(), patch.origin().offset())));
            }
        }
        return lines;
    }

    /** The same listing, from what the fixture was built of and where the writer put it. */
    private static List<String> expectedListing(Input input) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < input.containers().size(); c++) {
            List<SyntheticPatch> patches = input.containers().get(c);
            Shape shape = input.shapes().get(c);
            String at = "container@0x" + Integer.toHexString(shape.start());
            patches.forEach(patch -> lines.add(at + " cpu " + patch.equivalenceEntry().installedCpu().hex() + " equiv "
                    + hex16(patch.equivalenceEntry().equivalenceId())));
            for (int p = 0; p < patches.size(); p++) {
                SyntheticPatch patch = patches.get(p);
                lines.add(patchLine(at, patch.equivalenceEntry(), patch.header().patchId(), patch.image().remaining(),
                        shape.sections().get(p).patchStart()));
            }
        }
        return lines;
    }

    private static String patchLine(String container, EquivalenceEntry entry, int patchId, int size, long start) {
        return container + " cpu " + entry.installedCpu().hex() + " equiv " + hex16(entry.equivalenceId())
                + String.format(" patch 0x%08x size %d at 0x%x", patchId, size, start);
    }

    private static String hex16(int value) {
        return String.format("0x%04x", value);
    }

    @Test
    void eachFamilysContainerListsEveryPatchAndEquivalenceId() throws MicrocodeFormatException {
        for (List<SyntheticPatch> family : BY_FAMILY) {
            Input input = SyntheticInputs.input(List.of(family), TableEnd.LENGTH_ONLY);
            ParsedContainers parsed = Parsing.parse(input.buffer());
            assertThat(listing(parsed)).containsExactlyElementsOf(expectedListing(input)).hasSize(4);
            assertThat(parsed.containers()).singleElement()
                    .satisfies(container -> assertThat(container.table().entries()).noneMatch(EquivalenceEntry::isTerminator));
        }
    }

    @Test
    void concatenatedContainersListAsEachAlone() throws MicrocodeFormatException {
        Input input = SyntheticInputs.input(BY_FAMILY, TableEnd.LENGTH_ONLY);
        ParsedContainers parsed = Parsing.parse(input.buffer());
        assertThat(parsed.containers()).hasSize(3);
        assertThat(listing(parsed)).containsExactlyElementsOf(expectedListing(input)).hasSize(12);
        assertThat(parsed.patches()).extracting(patch -> patch.primaryTarget().signature())
                .containsExactlyElementsOf(BY_FAMILY.stream().flatMap(List::stream)
                        .map(patch -> patch.equivalenceEntry().installedCpu()).toList());
    }

    @Test
    void eachTableWithoutTheEntryIsOneWarningAtItsLastEntry() throws MicrocodeFormatException {
        Input input = SyntheticInputs.input(BY_FAMILY, TableEnd.LENGTH_ONLY);
        List<Long> lastEntries = input.shapes().stream().map(shape -> (long) shape.start() + 12 + shape.tableLength() - 16).toList();
        for (ParseMode mode : ParseMode.values()) {
            List<Finding> findings = Parsing.parse(input.bytes(), mode).findings();
            assertThat(findings).extracting(Finding::code).containsOnly("AMD_EQUIVALENCE_NO_END_ENTRY");
            assertThat(findings).extracting(Finding::severity).containsOnly(Severity.WARNING);
            assertThat(findings).extracting(Finding::offset).containsExactlyElementsOf(lastEntries);
        }
    }

    @Test
    void mixedWithTerminatedContainersOnlyTheUnterminatedWarn() throws MicrocodeFormatException {
        byte[] mixed = SyntheticInputs.toArray(AmdContainerWriter.concatenate(List.of(
                SyntheticPatch.container(BY_FAMILY.get(0), TableEnd.ZERO_ENTRY),
                SyntheticPatch.container(BY_FAMILY.get(1), TableEnd.LENGTH_ONLY))));
        ParsedContainers parsed = Parsing.parse(mixed, ParseMode.STRICT);
        assertThat(parsed.patches()).hasSize(4);
        assertThat(parsed.findings()).singleElement().satisfies(finding -> assertThat(finding.offset())
                .isEqualTo(SyntheticPatch.container(BY_FAMILY.get(0)).remaining() + 12 + 16L));
    }

    @Test
    void theWritersAddTheEntryBackUnlessToldNot() throws MicrocodeFormatException {
        Input input = SyntheticInputs.input(BY_FAMILY, TableEnd.LENGTH_ONLY);
        List<MicrocodePatch> patches = Parsing.parse(input.buffer()).patches();
        ParsedContainers rewritten = Parsing.parse(AmdContainerWriter.merge(patches));
        assertThat(rewritten.findings()).isEmpty();
        assertThat(rewritten.containers().get(0).table().entries()).last().isEqualTo(EquivalenceEntry.TERMINATOR);
        assertThat(rewritten.patches()).extracting(MicrocodePatch::bytes)
                .containsExactlyElementsOf(patches.stream().map(MicrocodePatch::bytes).toList());
        ParsedContainers lengthOnly = Parsing.parse(AmdContainerWriter.merge(patches, TableEnd.LENGTH_ONLY));
        assertThat(lengthOnly.containers().get(0).table().entries()).hasSize(6).noneMatch(EquivalenceEntry::isTerminator);
    }
}
