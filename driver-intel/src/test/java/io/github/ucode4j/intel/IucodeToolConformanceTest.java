package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.testing.Corpus;
import io.github.ucode4j.testing.IucodeTool;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our {@code -L} listing equals the real iucode_tool's, line for line, on every file of the corpus. */
class IucodeToolConformanceTest {

    @Test
    void everyFileListsAsIucodeToolListsIt() throws Exception {
        for (Path file : IntelCorpus.files()) {
            String name = file.getFileName().toString();
            IucodeTool.Run real = IucodeTool.run(Corpus.intelFirmware(), List.of("-L", name));
            Bundle ours = new IntelMicrocodeOps().parse(ByteBuffer.wrap(IntelCorpus.read(file)), name);

            assertThat(real.exitCode()).as(name).isZero();
            assertThat(IucodeToolListing.listAll(1, ours)).as(name).containsExactlyElementsOf(real.stdout());
        }
    }

    @Test
    void theCorpusHoldsTheMeasuredFacts() throws Exception {
        List<Bundle> bundles = IntelCorpus.bundles();
        List<MicrocodePatch> patches = bundles.stream().flatMap(b -> b.patches().stream()).toList();
        List<IntelPatchDetails> details = patches.stream().map(p -> (IntelPatchDetails) p.details()).toList();

        assertThat(bundles).hasSize(126);
        assertThat(bundles.stream().filter(b -> b.source().endsWith(".initramfs"))).hasSize(21);
        assertThat(bundles.stream().mapToLong(b -> b.patches().stream().mapToLong(MicrocodePatch::size).sum()).sum())
                .isEqualTo(21_319_680L);
        assertThat(bundles.stream().filter(b -> b.patches().size() > 1)).hasSize(23);
        assertThat(bundles.stream().mapToInt(b -> b.patches().size()).max()).hasValue(7);
        assertThat(bundles).allSatisfy(b -> assertThat(b.findings()).isEmpty());
        assertThat(patches).hasSize(166);
        assertThat(patches.stream().map(MicrocodePatch::bytes).distinct()).hasSize(147);
        assertThat(details.stream().filter(IntelPatchDetails::usesDefaultSizes)).hasSize(6);
        assertThat(details.stream().filter(d -> d.extendedTable().isPresent())).hasSize(27);
        List<ExtendedSignatureTable> uniqueTables = details.stream().flatMap(d -> d.extendedTable().stream())
                .distinct().toList();
        assertThat(uniqueTables).hasSize(8);
        assertThat(details.stream().mapToInt(d -> d.extendedSignatures().size()).sum()).isEqualTo(112);
        assertThat(uniqueTables.stream().mapToInt(t -> t.entries().size()).max()).hasValue(6);
        assertThat(details.stream().filter(d -> d.minimumRequiredRevision() != 0)).hasSize(57);
        assertThat(details.stream().filter(d -> d.metadataSize() != 0)).hasSize(21);
        assertThat(details.stream().filter(d -> d.metadataSize() != 0))
                .allSatisfy(d -> assertThat(d.metadata()).isNotEmpty().last().extracting(MetadataEntry::type).isEqualTo(0));
        assertThat(details.stream().mapToInt(IntelPatchDetails::effectiveTotalSize).max()).hasValue(1_670_144);
        assertThat(details).allSatisfy(d -> assertThat(d.reserved()).isZero());
    }
}
