package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.testing.Corpus;
import io.github.ucode4j.testing.IucodeTool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writers against iucode_tool itself, over every Intel file of Debian's package: the early initramfs, the
 * firmware directory, the named files and the concatenated binary must be byte-identical, for the whole corpus and
 * for filtered subsets.
 */
class IucodeToolWritersTest {
    private static final MicrocodeDrivers DRIVERS = MicrocodeDrivers.load();
    private static List<Path> files;
    private static List<Bundle> bundles;

    @TempDir
    Path out;

    /** A selection given to both tools: iucode_tool's arguments and ours. */
    record Case(String name, List<String> arguments, Consumer<Selection.Builder> selection) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("all", List.of(), s -> { }),
                new Case("two signatures", List.of("-s", "0x50654", "-s", "0x806ec"), s -> s.signature("0x50654").signature("0x806ec")),
                new Case("all but one", List.of("-s", "!0x50654"), s -> s.signature("!0x50654")),
                new Case("older revisions", List.of("-s", "0x50654,,lt:0x2007006"), s -> s.signature("0x50654,,lt:0x2007006")),
                new Case("one platform", List.of("-s", "0x106a5,0x02"), s -> s.signature("0x106a5,0x02")),
                new Case("dated after 2020", List.of("--date-after=2020-01-01"), s -> s.dateAfter("2020-01-01")),
                new Case("dated before 2012", List.of("--date-before=2012-01-01"), s -> s.dateBefore("2012-01-01")));
    }

    @BeforeAll
    static void parseTheCorpus() throws Exception {
        Path directory = Corpus.intelFirmware();
        try (Stream<Path> list = Files.list(directory)) {
            files = list.sorted().toList();
        }
        MicrocodeOps intel = DRIVERS.forVendor(Vendor.INTEL).orElseThrow();
        bundles = new ArrayList<>();
        for (Path file : files) {
            bundles.add(intel.parse(ByteBuffer.wrap(Files.readAllBytes(file)), file.toString()));
        }
    }

    private static MicrocodeCache cache(Case c) throws Exception {
        Selection.Builder selection = Selection.builder();
        c.selection().accept(selection);
        return MicrocodeCache.builder().addAll(bundles).selection(selection.build()).build();
    }

    @Test
    void namesANamedFileAsIucodeToolNamesIt() throws Exception {
        MicrocodeCache cache = cache(cases().filter(c -> c.name().equals("two signatures")).findFirst().orElseThrow());

        assertThat(MicrocodeWriter.namedFile(0x806ec, 0x94, 0x100)).isEqualTo("s000806EC_m00000094_r00000100.fw");
        assertThat(new MicrocodeWriter(DRIVERS).namedFiles(cache).keySet()).containsExactlyElementsOf(cache.entries().stream()
                .map(e -> MicrocodeWriter.namedFile(e.signature().eax(), e.platformFlags().mask(), e.revision().value())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void earlyInitramfsIsByteIdentical(Case c) throws Exception {
        MicrocodeCache cache = cache(c);
        if (cache.isEmpty()) {
            return;
        }
        Path theirs = out.resolve("theirs.cpio");
        iucodeTool(c.arguments(), "--write-earlyfw=" + theirs);
        assertSameBytes("early initramfs", bytes(new MicrocodeWriter(DRIVERS).earlyInitramfs(cache)), Files.readAllBytes(theirs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minimalEarlyInitramfsIsByteIdentical(Case c) throws Exception {
        MicrocodeCache cache = cache(c);
        if (cache.isEmpty()) {
            return;
        }
        Path theirs = out.resolve("theirs.cpio");
        iucodeTool(c.arguments(), "--mini-earlyfw", "--write-earlyfw=" + theirs);
        assertSameBytes("minimal early initramfs", bytes(new MicrocodeWriter(DRIVERS).minimalEarlyInitramfs(cache)),
                Files.readAllBytes(theirs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firmwareDirectoryNamedFilesAndBinaryAreByteIdentical(Case c) throws Exception {
        MicrocodeCache cache = cache(c);
        MicrocodeWriter writer = new MicrocodeWriter(DRIVERS);
        Path firmware = Files.createDirectory(out.resolve("firmware"));
        Path named = Files.createDirectory(out.resolve("named"));
        Path binary = out.resolve("all.bin");
        iucodeTool(c.arguments(), "-K" + firmware, "-W" + named, "-w" + binary);

        Map<String, byte[]> ours = new TreeMap<>();
        writer.firmwareFiles(cache).forEach((name, content) -> ours.put(name.substring("intel-ucode/".length()), bytes(content)));
        assertSameFiles(ours, contents(firmware));

        Map<String, byte[]> ourNamed = new TreeMap<>();
        writer.namedFiles(cache).forEach((name, content) -> ourNamed.put(name, bytes(content)));
        assertSameFiles(ourNamed, contents(named));

        byte[] expected = Files.exists(binary) ? Files.readAllBytes(binary) : new byte[0];
        assertSameBytes("concatenated binary", bytes(writer.concatenated(cache, Vendor.INTEL)), expected);
    }

    @org.junit.jupiter.api.Test
    void countsWhatIucodeToolCounts() throws Exception {
        // iucode_tool -v: processed 166 valid microcode(s), 278 signature(s), 167 unique signature(s);
        //                 selected 147 microcode(s), 167 signature(s)
        // It counts 278 because each of the 27 extended tables repeats its header's pair; a patch's targets do not.
        assertThat(cache(cases().findFirst().orElseThrow()).statistics()).isEqualTo(new CacheStatistics(166, 147, 251, 167, 147, 167));
    }

    private void iucodeTool(List<String> selection, String... outputs) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-q"));
        arguments.addAll(selection);
        arguments.addAll(List.of(outputs));
        files.forEach(f -> arguments.add(f.toString()));
        IucodeTool.Run run = IucodeTool.run(out, arguments);
        assertThat(run.exitCode()).as("iucode_tool: %s", run.stderr()).isZero();
    }

    private static void assertSameFiles(Map<String, byte[]> ours, Map<String, byte[]> theirs) {
        assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
        ours.forEach((name, content) -> assertSameBytes(name, content, theirs.get(name)));
    }

    // Names the first differing offset instead of printing megabytes of both arrays.
    private static void assertSameBytes(String what, byte[] ours, byte[] theirs) {
        int differs = Arrays.mismatch(ours, theirs);
        assertThat(differs).as("%s: first difference at offset %d (ours %d bytes, iucode_tool's %d)", what, differs,
                ours.length, theirs.length).isEqualTo(-1);
    }

    private static Map<String, byte[]> contents(Path directory) throws IOException {
        Map<String, byte[]> map = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.toList()) {
                map.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return map;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
