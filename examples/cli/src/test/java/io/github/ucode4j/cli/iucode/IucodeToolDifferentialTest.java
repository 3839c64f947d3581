package io.github.ucode4j.cli.iucode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.cli.Main;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.Corpus;
import io.github.ucode4j.testing.IucodeTool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ucode iucode-tool} against the real iucode_tool 2.3.1 on Debian's corpus: the same standard output, the
 * same messages on standard error (after the program's name), the same exit code, and byte-identical files written,
 * for each option, error cases included. In the argument lists {@code FW} stands for the corpus' intel-ucode folder
 * and {@code OUT} for a file or folder of the test's own.
 */
class IucodeToolDifferentialTest {
    @TempDir
    Path directory;

    static Stream<String> commandLines() {
        return Stream.of(
                "-l FW", "-L FW/06-55-04 FW/06-8e-09.initramfs", "-q -l FW", "-s 0x50654 -l FW",
                "-s 0x50654,0xb7,lt:0x2007006 -l FW", "-s !0x50654 -l FW/06-55-04 FW/06-55-07", "-s ! -l FW",
                "-s ! -s 0x806ec -lL FW", "--date-before=2020-01-01 -l FW", "--date-after 2023-06-01 -l FW",
                "-S -l FW", "--scan-system -s 0x50654 -l FW",
                // two revisions of one microcode, one of them in the range: loose dates select both, so the newer wins
                "--date-before=2020-01-01 -l REVISIONS", "--loose-date-filtering --date-before=2020-01-01 -l REVISIONS",
                "--loose-date-filtering --date-after=2024-01-01 -l REVISIONS",
                "--loose-date-filtering --strict-date-filtering --date-before=2020-01-01 -l REVISIONS",
                "--loose-date-filtering --date-after=2018-01-01 --date-before=2019-01-01 -L REVISIONS",
                "--loose-date-filtering -l REVISIONS", "--loose-date-filtering --date-before=2020-01-01 -s !0x50654 -l REVISIONS", "--no-strict-checks -l FW", "--strict-checks --list FW",
                "--list-all FW/06-9e-0d.initramfs", "--li FW", "-t r -l FW/06-55-04", "-tr -lq FW/06-55-04 -tb FW/06-8e-09.initramfs",
                "--scan-system=exact -l FW/06-55-04", "--scan-system=bogus -l FW",
                // nothing to do, and command lines iucode_tool refuses
                "", "-q", "FW", "--bogus", "-x -l FW", "--list=yes FW", "-s", "--date-before",
                "-s 06-55-04 -l FW", "--date-before=xx -l FW", "-t z FW", "--write",
                // inputs that cannot be read
                "-l FW/none", "-l MISSING FW/06-55-04", "--ignore-broken -l MISSING FW/06-55-04", "-l NOT_MICROCODE",
                "--ignore-broken -l NOT_MICROCODE FW/06-55-04",
                // -v counts what was read and selected, -vv names each file as it is read
                "-v -l FW", "-v FW/06-55-04", "-v -L FW/06-55-04", "-v -s 0xffffff -l FW/06-55-04", "-v -q -l FW/06-55-04",
                "-vv -l FW/06-55-04 FW/06-8e-09.initramfs", "-vv -l FW", "-vvv -l FW/06-55-04", "-vv",
                "-vv -l FW/06-55-04 MISSING", "-vv -l NOT_MICROCODE",
                // -t: a name ending in .dat is read as text unless told otherwise; text errors name their line
                "-l TEXT", "-vv -l TEXT", "-td -vv -l TEXT_TXT", "-td -l FW/06-55-04", "-l BINARY_DAT", "-vv -l BINARY_DAT",
                "-tb -l FW/06-55-04 -ta -l BINARY_DAT", "-l BROKEN_DAT", "-td -l NOT_MICROCODE", "-ta -l NOT_MICROCODE",
                "-td --ignore-broken -l FW/06-55-04 TEXT",
                // binary mode never reads text: the file loads, then its bundle is of an unknown format
                "-tb -l TEXT", "-tb TEXT", "-tb -L TEXT", "-ta -l TEXT_TXT", "-l TEXT_TXT", "-tb -q -l TEXT", "-tb -v -l TEXT",
                "-tb -vv -l TEXT FW/06-55-04", "-tb -l FW/06-55-04 TEXT", "-tb -lL FW/06-55-04 TEXT",
                "-tb --ignore-broken -l TEXT FW/06-55-04 TEXT", "-tb --ignore-broken -v TEXT", "-tb --ignore-broken -L TEXT",
                "-tb --ignore-broken -vv -l TEXT FW/06-55-04", "--ignore-broken -l NOT_MICROCODE",
                // -t r scans binary data for microcode blocks: text holds none
                "-tr -vv -l FW/06-55-04", "-tr -vv -l TEXT", "-tr -l TEXT", "-tr -vv TEXT FW/06-55-04", "-tr -q -l TEXT",
                "-tr -vv -l FW/06-8e-09.initramfs");
    }

    @ParameterizedTest(name = "iucode_tool {0}")
    @MethodSource("commandLines")
    void printsAndExitsAsIucodeTool(String commandLine) throws Exception {
        List<String> arguments = arguments(commandLine, directory.resolve("out"));

        IucodeTool.Run expected = IucodeTool.run(directory, arguments);
        Run actual = ucode(arguments);

        assertThat(actual.stdout()).as("standard output").isEqualTo(expected.stdout());
        assertThat(actual.messages()).as("standard error").isEqualTo(messages(expected.stderr()));
        assertThat(actual.exitCode()).as("exit code").isEqualTo(expected.exitCode());
    }

    static Stream<String> writingCommandLines() {
        return Stream.of("--write-earlyfw=OUT FW", "--write-earlyfw OUT -s 0x806ec FW", "-q -w OUT FW",
                "--write-to=OUT -s 0x50654 FW", "-S --write-earlyfw=OUT FW", "--date-after=2024-01-01 --write-earlyfw=OUT FW",
                "-s 0xffffff --write-earlyfw=OUT FW", "--mini-earlyfw --write-earlyfw=OUT FW",
                "--mini-earlyfw --write-earlyfw OUT -s 0x806ec -s 0x50654 FW", "--mini-earlyfw --normal-earlyfw --write-earlyfw=OUT FW",
                "--mini-earlyfw -s 0xffffff --write-earlyfw=OUT FW",
                "-vv -w OUT -s 0x50654 FW/06-55-04 FW/06-8e-09.initramfs", "-vv --write-earlyfw=OUT FW/06-55-04 FW/06-55-07",
                "-vv -s 0xffffff -w OUT FW/06-55-04", "-v -w OUT -s 0x50654 FW/06-55-04",
                "-v --write-earlyfw=OUT FW/06-55-04 FW/06-55-07", "-tb --ignore-broken -w OUT TEXT",
                "-tb --ignore-broken -v -w OUT TEXT FW/06-55-04", "--ignore-broken -w OUT NOT_MICROCODE");
    }

    @ParameterizedTest(name = "iucode_tool {0}")
    @MethodSource("writingCommandLines")
    void writesTheFilesIucodeToolWrites(String commandLine) throws Exception {
        Path expectedFile = directory.resolve("expected");
        Path actualFile = directory.resolve("actual");

        IucodeTool.Run expected = IucodeTool.run(directory, arguments(commandLine, expectedFile));
        Run actual = ucode(arguments(commandLine, actualFile));

        assertThat(actual.messages()).isEqualTo(messages(expected.stderr()).stream()
                .map(line -> line.replace(expectedFile.toString(), actualFile.toString())).toList());
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
        assertThat(Files.exists(actualFile)).isEqualTo(Files.exists(expectedFile));
        if (Files.exists(expectedFile)) {
            assertThat(Files.readAllBytes(actualFile)).isEqualTo(Files.readAllBytes(expectedFile));
        }
    }

    @ParameterizedTest(name = "iucode_tool {0}")
    @MethodSource("folderCommandLines")
    void writesTheFoldersIucodeToolWrites(String commandLine) throws Exception {
        Path expectedFolder = Files.createDirectory(directory.resolve("expected"));
        Path actualFolder = Files.createDirectory(directory.resolve("actual"));

        IucodeTool.Run expected = IucodeTool.run(directory, arguments(commandLine, expectedFolder));
        Run actual = ucode(arguments(commandLine, actualFolder));

        assertThat(actual.messages()).isEqualTo(messages(expected.stderr()).stream()
                .map(line -> line.replace(expectedFolder.toString(), actualFolder.toString())).toList());
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
        assertThat(names(actualFolder)).isEqualTo(names(expectedFolder));
        for (String name : names(expectedFolder)) {
            assertThat(Files.readAllBytes(actualFolder.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(expectedFolder.resolve(name)));
        }
    }

    static Stream<String> folderCommandLines() {
        return Stream.of("-W OUT -s 0x50654 FW", "--write-named-to=OUT -s 0x806ec FW", "-KOUT -s 0x806ec FW",
                "--write-firmware=OUT -s 0x50654 -s 0x806ec FW", "--write-all-named-to=OUT FW",
                "--write-all-named-to OUT -s 0x50654 FW/06-55-04 FW/06-55-07", "-q -W OUT FW/06-8e-09.initramfs",
                // -v counts each file written and the files, -vv names each microcode written into each
                "-v -W OUT -s 0x50654 FW", "-vv -W OUT -s 0x50654 -s 0x806ec FW",
                "-vv --write-all-named-to=OUT -s 0x50654 FW/06-55-04 FW/06-55-07",
                "-v --write-all-named-to=OUT FW/06-55-04 FW/06-8e-09.initramfs", "-vv --write-all-named-to=OUT FW/06-8e-09.initramfs",
                "-vv -KOUT -s 0x806ec FW", "-v -KOUT -s 0x806ec -s 0x50654 FW", "-vv -KOUT FW/06-8e-09.initramfs");
    }

    @Test
    void refusesToReplaceAFileWithoutOverwriteAndReplacesItWith() throws Exception {
        Path expectedFile = Files.writeString(directory.resolve("expected"), "old");
        Path actualFile = Files.writeString(directory.resolve("actual"), "old");
        String commandLine = "-s 0x50654 --write-earlyfw OUT FW";

        IucodeTool.Run expected = IucodeTool.run(directory, arguments(commandLine, expectedFile));
        Run actual = ucode(arguments(commandLine, actualFile));
        IucodeTool.Run expectedReplaced = IucodeTool.run(directory, arguments("--overwrite " + commandLine, expectedFile));
        Run actualReplaced = ucode(arguments("--overwrite " + commandLine, actualFile));

        assertThat(actual.exitCode()).isEqualTo(expected.exitCode()).isEqualTo(2);
        assertThat(actual.messages()).isEqualTo(messages(expected.stderr()).stream()
                .map(line -> line.replace(expectedFile.toString(), actualFile.toString())).toList())
                .contains("iucode_tool: " + actualFile + ": cannot write to, or create file: File exists");
        assertThat(actualReplaced.exitCode()).isEqualTo(expectedReplaced.exitCode()).isZero();
        assertThat(Files.readAllBytes(actualFile)).isEqualTo(Files.readAllBytes(expectedFile)).hasSize(45056);
    }

    @Test
    void refusesTheKernelUploadInIucodeToolsWordsForAnUnknownOption() {
        Run shortOption = ucode(List.of("-k", "-l", "FW"));
        Run longOption = ucode(List.of("--kernel=/dev/cpu/microcode"));

        assertThat(shortOption.exitCode()).isEqualTo(longOption.exitCode()).isEqualTo(1);
        assertThat(shortOption.messages()).containsExactly("iucode_tool: invalid option -- 'k'",
                "Try `iucode_tool --help' or `iucode_tool --usage' for more information.");
        assertThat(longOption.messages()).containsExactly("iucode_tool: unrecognized option '--kernel=/dev/cpu/microcode'",
                "Try `iucode_tool --help' or `iucode_tool --usage' for more information.");
    }

    @Test
    void readsStandardInputForADashAsIucodeToolReadsTheSameFileByName() throws Exception {
        Path file = Corpus.intelFirmware().resolve("06-55-04");
        List<String> expected = IucodeTool.run(directory, List.of("-tb", "-l", file.toAbsolutePath().toString())).stdout().stream()
                .map(line -> line.replace(file.toAbsolutePath().toString(), "(stdin)")).toList();

        InputStream previous = System.in;
        Run actual;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(file)));
            actual = ucode(List.of("-tb", "-l", "-"));
        } finally {
            System.setIn(previous);
        }

        assertThat(actual.exitCode()).as(actual.messages().toString()).isZero();
        assertThat(actual.stdout()).isEqualTo(expected).first().isEqualTo("microcode bundle 1: (stdin)");
    }

    private List<String> arguments(String commandLine, Path out) throws IOException {
        Path notMicrocode = Files.writeString(directory.resolve("not-microcode"), "not microcode\n");
        Path revisions = revisionsOfOneMicrocode();
        Path binary = Corpus.intelFirmware().resolve("06-55-04");
        List<String> textLines = textLines(Files.readAllBytes(binary));
        Path text = Files.write(directory.resolve("06-55-04.dat"), textLines);
        Path textNamedOtherwise = Files.write(directory.resolve("06-55-04.txt"), textLines);
        Path binaryNamedText = Files.write(directory.resolve("binary.dat"), Files.readAllBytes(binary));
        textLines.set(3, "0xzz, 0x1,");
        Path brokenText = Files.write(directory.resolve("broken.dat"), textLines);
        List<String> arguments = new ArrayList<>();
        for (String word : commandLine.split(" ")) {
            if (!word.isEmpty()) {
                arguments.add(word.replace("FW", Corpus.intelFirmware().toAbsolutePath().toString())
                        .replace("OUT", out.toString())
                        .replace("MISSING", directory.resolve("missing").toString())
                        .replace("NOT_MICROCODE", notMicrocode.toString())
                        .replace("REVISIONS", revisions.toString())
                        .replace("TEXT_TXT", textNamedOtherwise.toString())
                        .replace("TEXT", text.toString())
                        .replace("BINARY_DAT", binaryNamedText.toString())
                        .replace("BROKEN_DAT", brokenText.toString()));
            }
        }
        return arguments;
    }

    // 06-55-04 pf 0xb7 in 2019 and 2025; in 2025 only, the same signature for a platform in common (0x01) and for
    // others (0x08), and another signature.
    private Path revisionsOfOneMicrocode() throws IOException {
        Path folder = Files.createDirectories(directory.resolve("revisions"));
        writePatch(folder.resolve("a-old"), 0x50654, 0xb7, 0x10, LocalDate.of(2019, 1, 2));
        writePatch(folder.resolve("b-new"), 0x50654, 0xb7, 0x20, LocalDate.of(2025, 1, 2));
        writePatch(folder.resolve("c-shared-platform"), 0x50654, 0x01, 0x30, LocalDate.of(2025, 1, 2));
        writePatch(folder.resolve("e-other-platforms"), 0x50654, 0x08, 0x50, LocalDate.of(2025, 1, 2));
        writePatch(folder.resolve("d-other-signature"), 0x806ec, 0x94, 0x40, LocalDate.of(2025, 1, 2));
        return folder;
    }

    private static void writePatch(Path file, int signature, int platformMask, int revision, LocalDate date) throws IOException {
        Files.write(file, IntelPatchBuilder.patch().signature(signature).platformFlags(platformMask).revision(revision).date(date)
                .dataSize(2000, revision).build());
    }

    // The .dat text of a binary file: a comment line, then four little-endian dwords a line.
    private static List<String> textLines(byte[] binary) {
        ByteBuffer data = ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN);
        List<String> lines = new ArrayList<>(List.of("/* 06-55-04 */"));
        while (data.hasRemaining()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 4 && data.hasRemaining(); i++) {
                line.append(String.format("0x%08x,", data.getInt())).append(i < 3 ? " " : "");
            }
            lines.add(line.toString().strip());
        }
        return lines;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    // iucode_tool starts a message with the name it was called by, or with its short name; ucode here with the latter.
    private static List<String> messages(List<String> stderr) {
        String program = Corpus.iucodeTool().toString() + ": ";
        return stderr.stream().map(line -> line.startsWith(program) ? "iucode_tool: " + line.substring(program.length()) : line)
                .toList();
    }

    private record Run(int exitCode, List<String> stdout, List<String> messages) {
    }

    private static Run ucode(List<String> arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> commandLine = new ArrayList<>(List.of("iucode-tool"));
        commandLine.addAll(arguments);
        int exitCode = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(commandLine.toArray(String[]::new));
        return new Run(exitCode, out.toString().lines().toList(), err.toString().lines().toList());
    }
}
