package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's Debian package, read with {@code dpkg-deb}: its control fields and the files it installs.
 * Installing, running and purging it is {@code .ci/package-check}'s job.
 */
class DebianPackageIT {
    private static final Path TARGET = Path.of("target");
    private static final int TIMEOUT_SECONDS = 60;
    private static Path deb;

    @BeforeAll
    static void findThePackage() throws Exception {
        assumeTrue(System.getenv("CI") != null || dpkgDebOnThePath(), "dpkg-deb is needed to read the package; skipped without it");
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("ucode_.+_all\\.deb")).toList();
            assertThat(debs).as("the package in %s", TARGET).hasSize(1);
            deb = debs.get(0);
        }
    }

    @Test
    void declaresAnArchitectureIndependentUtilityThatNeedsAJava17Runtime() throws Exception {
        String control = dpkgDeb("--field", deb.toString());

        assertThat(control.lines()).contains(
                "Package: ucode",
                "Architecture: all",
                "Section: utils",
                "Priority: optional",
                "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless",
                "Homepage: https://github.com/ucode4j/ucode4j");
        assertThat(control).containsPattern("(?m)^Maintainer: .+ <.+@.+>$").containsPattern("(?m)^Description: \\S.*$");
        assertThat(control).doesNotContain("[[");
    }

    @Test
    void installsTheCommandItsJarManPagesCompletionAndCompatLauncher() throws Exception {
        List<String> files = dpkgDeb("--contents", deb.toString()).lines()
                .filter(line -> !line.startsWith("d"))
                .map(line -> line.substring(line.indexOf("./") + 1))
                .toList();

        assertThat(files).contains(
                "/usr/bin/ucode",
                "/usr/share/ucode4j/ucode.jar",
                "/usr/lib/ucode4j/compat/iucode_tool",
                "/usr/share/man/man1/ucode.1.gz",
                "/usr/share/man/man1/ucode-list.1.gz",
                "/usr/share/man/man1/ucode-write-early-cpio.1.gz",
                "/usr/share/bash-completion/completions/ucode",
                "/usr/share/doc/ucode/copyright",
                "/usr/share/doc/ucode/changelog.gz");
        assertThat(dpkgDeb("--contents", deb.toString()).lines().filter(line -> line.endsWith("/usr/bin/ucode")))
                .singleElement().asString().startsWith("-rwxr-xr-x root/root");
    }

    @Test
    void theLauncherIsTheBuildTreesOwnAndTheManPagesAreTheBuildsGzipped(@TempDir Path unpacked) throws Exception {
        dpkgDeb("--extract", deb.toString(), unpacked.toString());

        assertThat(unpacked.resolve("usr/bin/ucode")).hasSameBinaryContentAs(Path.of("bin/ucode"));
        assertThat(gunzip(unpacked.resolve("usr/share/man/man1/ucode-list.1.gz")))
                .isEqualTo(Files.readString(TARGET.resolve("generated-docs/man1/ucode-list.1")));
    }

    @Test
    void theMetricsUnitsAreTheExamplesOwnAndNothingEnablesThem(@TempDir Path unpacked) throws Exception {
        dpkgDeb("--extract", deb.toString(), unpacked.toString());

        for (String unit : List.of("ucode4j-metrics.service", "ucode4j-metrics.timer")) {
            assertThat(unpacked.resolve("usr/lib/systemd/system/" + unit)).hasSameBinaryContentAs(Path.of("../systemd", unit));
        }
        assertThat(unpacked.resolve("etc")).doesNotExist();
    }

    @Test
    void theChangelogsEntryIsThePackagesVersion(@TempDir Path unpacked) throws Exception {
        String version = dpkgDeb("--field", deb.toString(), "Version").strip();
        dpkgDeb("--extract", deb.toString(), unpacked.toString());

        assertThat(gunzip(unpacked.resolve("usr/share/doc/ucode/changelog.gz")).lines().findFirst())
                .hasValue("ucode (" + version + ") unstable; urgency=medium");
    }

    private static boolean dpkgDebOnThePath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "dpkg-deb")));
    }

    private static String gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String dpkgDeb(String... arguments) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("dpkg-deb");
        builder.command().addAll(List.of(arguments));
        Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("dpkg-deb %s ends", List.of(arguments)).isTrue();
        assertThat(process.exitValue()).as("dpkg-deb %s", List.of(arguments)).isZero();
        return out;
    }
}
