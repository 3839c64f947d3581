package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.intel.IntelPatchDetails;
import io.github.ucode4j.intel.IucodeToolListing;
import io.github.ucode4j.testing.Corpus;
import io.github.ucode4j.testing.IucodeTool;
import io.github.ucode4j.testing.Properties;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache's selection, merged in iucode_tool's signed revision order, lists exactly what {@code iucode_tool -l}
 * lists: on Debian's whole Intel directory, and (with the Intel driver's {@code -L} listing) on generated inputs
 * whose signatures, masks and revisions collide.
 */
class IucodeToolSelectionTest {
    private static final MicrocodeOps INTEL = MicrocodeDrivers.load().forVendor(Vendor.INTEL).orElseThrow();
    private static final int[] SIGNATURES = {0x906ea, 0x906eb, 0x80000000};
    private static final int[] MASKS = {0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x10, 0x12, 0x80, 0xff};
    private static final int[] REVISIONS = {1, 2, 3, 0x7fffffff, 0x80000000, 0xfffffffb};

    @TempDir
    Path directory;

    @Test
    void theWholeDirectorySelectsAsIucodeToolSelects() throws Exception {
        Path firmware = Corpus.intelFirmware();
        List<String> names;
        try (Stream<Path> files = Files.list(firmware)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(listing(firmware, names, false)).containsExactlyElementsOf(iucodeTool(firmware, names, "-l"));
    }

    @Test
    void generatedBundlesListAndSelectAsIucodeToolDoes() {
        Properties.forAll("listing and selection vs iucode_tool -L -l", random -> random.nextLong(), seed -> {
            List<String> names = writeBundles(new SplittableRandom(seed));
            assertThat(listing(directory, names, true)).containsExactlyElementsOf(iucodeTool(directory, names, "-L", "-l"));
        });
    }

    @Test
    void iucodeToolsOrderTakesAPreProductionRevisionForOlder() throws Exception {
        MicrocodePatch production = IntelPatchBuilder.patch().revision(0x7fffffff).buildPatch("b");
        MicrocodePatch preProduction = IntelPatchBuilder.patch().revision(0x80000001).buildPatch("b");
        Bundle both = new Bundle("b", Vendor.INTEL, List.of(preProduction, production), List.of());
        assertThat(MicrocodeCache.builder().revisionOrder(Revision.SIGNED).add(both).build().entries())
                .singleElement().satisfies(e -> assertThat(e.revision()).isEqualTo(Revision.of(0x7fffffff)));
        assertThat(MicrocodeCache.builder().add(both).build().entries())
                .singleElement().satisfies(e -> assertThat(e.revision()).isEqualTo(Revision.of(0x80000001)));
    }

    // What iucode_tool -l prints: a line per input with patches, then one per kept signature and mask; with -L, each
    // input's line is followed by every patch it holds.
    private static List<String> listing(Path directory, List<String> names, boolean all) throws Exception {
        // Not strict: iucode_tool stops only when the data differ, and these patches share their data.
        MicrocodeCache.Builder cache = MicrocodeCache.builder().revisionOrder(Revision.SIGNED).strict(false);
        List<String> lines = new ArrayList<>();
        int bundles = 0;
        for (String name : names) {
            Bundle bundle = INTEL.parse(ByteBuffer.wrap(Files.readAllBytes(directory.resolve(name))), name);
            if (!bundle.patches().isEmpty()) {
                cache.add(bundle);
                bundles++;
                lines.addAll(all ? IucodeToolListing.listAll(bundles, bundle) : List.of(IucodeToolListing.bundleLine(bundles, bundle)));
            }
        }
        lines.add("selected microcodes:");
        for (CacheEntry entry : cache.build().entries()) {
            lines.add(IucodeToolListing.signatureLine(entry.cached().bundleNumber(), entry.cached().entryNumber(),
                    entry.signature().eax(), entry.platformFlags().mask(), (IntelPatchDetails) entry.cached().patch().details()));
        }
        return lines;
    }

    private static List<String> iucodeTool(Path directory, List<String> names, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(names);
        IucodeTool.Run run = IucodeTool.run(directory, arguments);
        assertThat(run.exitCode()).as("%s", run.stderr()).isZero();
        return run.stdout();
    }

    /**
     * One to three files of one to four patches over few signatures, masks and revisions, so that they collide;
     * all with the same data, so that iucode_tool never stops on a conflict.
     */
    private List<String> writeBundles(SplittableRandom random) throws Exception {
        List<String> names = new ArrayList<>();
        for (int file = random.nextInt(1, 4); file > 0; file--) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int patch = random.nextInt(1, 5); patch > 0; patch--) {
                IntelPatchBuilder builder = IntelPatchBuilder.patch().signature(pick(SIGNATURES, random))
                        .platformFlags(pick(MASKS, random)).revision(pick(REVISIONS, random)).dataSize(16, 0);
                if (random.nextInt(10) == 0) {
                    builder.defaultSizes(0);
                } else {
                    for (int entry = random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0; entry > 0; entry--) {
                        builder.extendedSignature(pick(SIGNATURES, random), pick(MASKS, random));
                    }
                }
                bytes.writeBytes(builder.build());
            }
            String name = "bundle" + names.size();
            Files.write(directory.resolve(name), bytes.toByteArray());
            names.add(name);
        }
        return names;
    }

    private static int pick(int[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
