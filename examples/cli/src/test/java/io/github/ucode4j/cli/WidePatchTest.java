package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.intel.IntelPatchBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An Intel patch with 40,000 extended signatures (the format allows it; released patches have a handful): the
 * commands check, list and write it with work linear in its size, and {@code write-firmware-dir} refuses to copy
 * it into 40,001 files. The timeout is a safety net, not a measurement: the quadratic work took minutes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WidePatchTest {
    private static final int EXTENDED_SIGNATURES = 40_000;

    @TempDir
    static Path directory;
    private static Path wide;

    @BeforeAll
    static void writeTheWidePatch() throws Exception {
        IntelPatchBuilder builder = IntelPatchBuilder.patch().signature(0x50654).platformFlags(0x01).revision(5);
        IntStream.range(0, EXTENDED_SIGNATURES).forEach(i -> builder.extendedSignature(0x10000 + i, 0x01));
        wide = Files.write(directory.resolve("wide.bin"), builder.build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"verify", "list", "list --all", "list --format=iucode", "list --format=json"})
    void isCheckedAndListed(String command) {
        List<String> arguments = new ArrayList<>(List.of(command.split(" ")));
        arguments.add(wide.toString());

        Ucode.Run run = Ucode.run(arguments.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void goesIntoTheEarlyCpioOnce() throws Exception {
        Path cpio = directory.resolve("early.cpio");

        Ucode.Run run = Ucode.run("write-early-cpio", "-o", cpio.toString(), wide.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.size(cpio)).isBetween(Files.size(wide), Files.size(wide) + 2048);
    }

    @Test
    void isNotCopiedIntoAFirmwareFileForEachSignature() {
        Path output = directory.resolve("firmware");

        Ucode.Run run = Ucode.run("write-firmware-dir", "-o", output.toString(), wide.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("ucode write-firmware-dir: " + wide
                + "@0x0: a patch is written into at most 64 files, one for each processor it declares "
                + "(it declares 40001 processors) [WRITER_TOO_MANY_COPIES]");
        assertThat(output).doesNotExist();
    }
}
