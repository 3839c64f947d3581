package io.github.ucode4j.cli;

import static io.github.ucode4j.cli.LauncherIT.archives;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.cli.LauncherProcess.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher finds its jar from its own real location in every layout it is shipped in, and keeps its CDS archives
 * in the user's cache folder, only for real commands.
 */
class LauncherLayoutIT {
    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"usr/bin/ucode usr/share/ucode4j/ucode.jar", "ucode-1/ucode ucode-1/ucode.jar",
        "ucode-1/bin/ucode ucode-1/lib/ucode.jar", "examples/cli/bin/ucode examples/cli/target/ucode.jar"})
    void theJarIsFoundBesideTheLauncherInEveryLayout(String layout) throws Exception {
        String[] paths = layout.split(" ");
        Path launcher = install(LauncherProcess.LAUNCHER, directory.resolve(paths[0]));
        install(LauncherProcess.JAR, directory.resolve(paths[1]));

        Run run = process().without("UCODE_JAR").launcher(launcher).run("--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ucode ");
    }

    @Test
    void aLinkToTheLauncherFindsTheJarBesideItsTarget() throws Exception {
        Path launcher = install(LauncherProcess.LAUNCHER, directory.resolve("usr/bin/ucode"));
        install(LauncherProcess.JAR, directory.resolve("usr/share/ucode4j/ucode.jar"));
        Path link = Files.createSymbolicLink(Files.createDirectories(directory.resolve("elsewhere")).resolve("ucode"), launcher);

        Run run = process().without("UCODE_JAR").launcher(link).run("--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void withoutAJarTheLauncherSaysWhereItLooked() throws Exception {
        Path launcher = install(LauncherProcess.LAUNCHER, directory.resolve("usr/bin/ucode"));

        Run run = process().without("UCODE_JAR").launcher(launcher).run("--version");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ucode: ucode.jar not found (looked for ").contains("/share/ucode4j/ucode.jar", "UCODE_JAR");
    }

    @Test
    void archivesGoInTheXdgCacheFolderElseInTheHomeCacheFolder() throws Exception {
        Path xdg = directory.resolve("xdg");
        Path home = directory.resolve("home");

        Run inXdg = process().without("UCODE_CDS_DIR").environment("XDG_CACHE_HOME", xdg.toString()).run("demo", "--topology=1x1x2");
        Run inHome = process().without("UCODE_CDS_DIR").without("XDG_CACHE_HOME").environment("HOME", home.toString())
                .run("demo", "--topology=1x1x2");

        assertThat(inXdg.exitCode()).as(inXdg.err()).isZero();
        assertThat(inHome.exitCode()).as(inHome.err()).isZero();
        assertThat(archives(xdg.resolve("ucode4j"))).singleElement().asString().endsWith("-demo.jsa");
        assertThat(archives(home.resolve(".cache/ucode4j"))).singleElement().asString().endsWith("-demo.jsa");
    }

    @Test
    void helpVersionAndAMistypedCommandLeaveNoArchive() throws Exception {
        Path cds = directory.resolve("cds");
        LauncherProcess launcher = process();

        Run version = launcher.run("--version");
        Run help = launcher.run("--help");
        Run commandHelp = launcher.run("list", "--help");
        Run mistyped = launcher.run("lsit");

        assertThat(version.exitCode()).isZero();
        assertThat(help.exitCode()).isZero();
        assertThat(commandHelp.exitCode()).isZero();
        assertThat(mistyped.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.exists(cds) ? archives(cds) : List.of()).isEmpty();
    }

    @Test
    void aCacheFolderOthersCanWriteIsNotUsed() throws Exception {
        Path cds = Files.createDirectory(directory.resolve("cds"));
        Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwxrwxrwx"));

        Run run = process().run("demo", "--topology=1x1x2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(archives(cds)).isEmpty();
    }

    private LauncherProcess process() {
        return new LauncherProcess(directory);
    }

    private static Path install(Path file, Path at) throws IOException {
        Files.createDirectories(at.getParent());
        return Files.copy(file, at);
    }
}
