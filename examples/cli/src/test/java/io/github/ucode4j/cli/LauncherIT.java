package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.ucode4j.cli.LauncherProcess.Run;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher, {@code bin/ucode}, on the packaged jar: runs, keeps a CDS archive, and falls back without one. */
class LauncherIT {
    @TempDir
    Path directory;

    @Test
    void eachCommandsFirstRunLeavesAnArchiveThatLaterRunsUse() throws Exception {
        Path cds = directory.resolve("cds");

        Run version = launch(cds, "--version");
        Run firstDemo = launch(cds, "demo", "--topology=1x2x2");
        Run secondDemo = launch(cds, "demo", "--topology=1x2x2");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ucode ");
        assertThat(archives(cds)).singleElement().satisfies(archive -> assertThat(archive.toString()).endsWith("-demo.jsa"));
        for (Run demo : new Run[] {firstDemo, secondDemo}) {
            assertThat(demo.exitCode()).as(demo.err()).isZero();
            assertThat(demo.out()).contains("result: success").doesNotContain("[warning]");
            assertThat(demo.err()).isEmpty();
        }
    }

    @Test
    void aVerboseRunKeepsTheArchiveOfTheCommandItNames() throws Exception {
        Path cds = directory.resolve("cds");

        Run verbose = launch(cds, "--verbose", "demo", "--topology=1x1x2");

        assertThat(verbose.exitCode()).as(verbose.err()).isZero();
        assertThat(archives(cds)).singleElement().satisfies(archive -> assertThat(archive.toString()).endsWith("-demo.jsa"));
    }

    @Test
    void aCommandsSecondRunMapsItsClassesFromTheArchive() throws Exception {
        Path cds = directory.resolve("cds");
        Path classes = directory.resolve("classes.log");
        launch(cds, "demo", "--topology=1x1x2");

        Run second = launch(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), cds, "demo", "--topology=1x1x2");

        assertThat(second.exitCode()).as(second.err()).isZero();
        // ITypeConverter stays in the archive only while no lambda implements it; java.sql is loaded only for the
        // reflective converters Main excludes.
        assertThat(Files.readAllLines(classes))
                .anySatisfy(line -> assertThat(line).contains("io.github.ucode4j.cli.Main source: shared objects file"))
                .anySatisfy(line -> assertThat(line).contains("picocli.CommandLine source: shared objects file"))
                .anySatisfy(line -> assertThat(line).contains("picocli.CommandLine$ITypeConverter source: shared objects file"))
                .noneSatisfy(line -> assertThat(line).contains(" java.sql."));
    }

    @Test
    void theVersionAloneIsPrintedWithoutBuildingTheCommandLine() throws Exception {
        Path classes = directory.resolve("classes.log");

        Run version = launch(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), directory.resolve("cds"), "--version");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("ucode ");
        assertThat(Files.readAllLines(classes)).noneSatisfy(line -> assertThat(line).contains("ucode4j.cli.command."));
    }

    // Under Xen the privcmd device is opened through the C library: dom0 is the lab's to test.
    @Test
    void readingTheMachineLoadsNoNativeCodeAndLeavesNoFile() throws Exception {
        assumeFalse(Files.exists(Path.of("/dev/xen/privcmd")) || Files.exists(Path.of("/proc/xen/privcmd")), "a Xen dom0");
        Path classes = directory.resolve("classes.log");
        Path home = Files.createDirectory(directory.resolve("home"));
        Path tmp = Files.createDirectory(directory.resolve("tmp"));

        Run status = launch(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes + " -Djava.io.tmpdir=" + tmp,
                "HOME", home.toString()), directory.resolve("cds"), "status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        // Any class of JNA's package: ".jna." rather than its full name, which only native/ and driver-xen/ may write.
        assertThat(Files.readAllLines(classes)).noneSatisfy(line -> assertThat(line).contains(".jna."));
        assertThat(home).as("JNA unpacks its library into ~/.cache/JNA").isEmptyDirectory();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void theHeapIsOnHugePagesWhereTheKernelGivesThemOnRequest() throws Exception {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean onRequest = Files.isReadable(mode) && Files.readString(mode).contains("[madvise]");

        Run run = launch(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), directory.resolve("cds"), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("UseTransparentHugePages +:?= " + onRequest);
    }

    @Test
    void theLauncherStartsNoToolButReadlinkAndStatAndMkdirMvAndRmOnAFirstRun() throws Exception {
        Path tools = Files.createDirectory(directory.resolve("tools"));
        for (String tool : List.of("readlink", "stat", "mkdir", "mv", "rm")) {
            Files.createSymbolicLink(tools.resolve(tool), onThePath(tool));
        }
        LauncherProcess launcher = new LauncherProcess(directory).environment("PATH", tools.toString())
                .environment("JAVA_HOME", System.getProperty("java.home"));

        Run first = launcher.run("demo", "--topology=1x1x2");
        Run second = launcher.run("demo", "--topology=1x1x2");
        Run version = launcher.run("--version");

        for (Run run : new Run[] {first, second, version}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
        }
        assertThat(archives(directory.resolve("cds"))).singleElement();
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsTheArchive() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("file"), "");

        Run run = launch(notADirectory.resolve("cds"), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void failuresKeepTheirExitCodeAndTheirOneLine() throws Exception {
        Run run = launch(directory.resolve("cds"), "list", directory.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().contains("missing");
    }

    @Test
    void runningOutOfMemoryIsExitCode70AndOneLineAndDebugAddsTheTrace() throws Exception {
        Path large = directory.resolve("large");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(48L << 20); // under the size limit, over the heap
        }
        Map<String, String> smallHeap = Map.of("JAVA_OPTS", "-Xmx24m");

        Run quiet = launch(smallHeap, directory.resolve("cds"), "list", large.toString());
        Run debug = launch(smallHeap, directory.resolve("cds"), "list", "--debug", large.toString());

        assertThat(quiet.exitCode()).as(quiet.err()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(quiet.err().lines()).singleElement().asString().startsWith("ucode list: out of memory (Java heap space): ");
        assertThat(debug.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(debug.err()).contains("java.lang.OutOfMemoryError", "\tat ");
    }

    private static Path onThePath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).map(folder -> Path.of(folder, tool)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError(tool + " is not on the PATH"));
    }

    static List<Path> archives(Path cds) throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
    }

    private Run launch(Path cds, String... args) throws IOException, InterruptedException {
        return launch(Map.of(), cds, args);
    }

    private Run launch(Map<String, String> environment, Path cds, String... args) throws IOException, InterruptedException {
        LauncherProcess launcher = new LauncherProcess(directory).environment("UCODE_CDS_DIR", cds.toString());
        environment.forEach(launcher::environment);
        return launcher.run(args);
    }
}
