package io.github.ucode4j.cache.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.LogCapture;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, folders and firmware trees read as iucode_tool reads them; every refusal names the input and the rule. */
class MicrocodeInputsTest {
    private static final byte[] PATCH = IntelPatchBuilder.patch().revision(0x20).build();

    @TempDir
    Path directory;

    private final MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void aFileThatIsNotMicrocodeIsATypedErrorNamingItTheOffsetAndTheRule() throws Exception {
        Path readme = Files.writeString(directory.resolve("README"), "Intel microcode, packaged for Debian\n");

        assertThatThrownBy(() -> inputs.read(readme, ParseMode.STRICT)).isInstanceOfSatisfying(MicrocodeFormatException.class, e -> {
            assertThat(e.rule()).isEqualTo(InputRule.UNRECOGNIZED);
            assertThat(e.source()).isEqualTo(readme.toString());
            assertThat(e.offset()).isZero();
            assertThat(e).hasMessage(readme + "@0x0: the input must be Intel or AMD microcode [INPUT_UNRECOGNIZED]");
        });
    }

    @Test
    void aFileIsParsedByTheDriverItsContentPicks() throws Exception {
        Path file = Files.write(directory.resolve("any-name.txt"), PATCH);

        Bundle bundle = inputs.read(file, ParseMode.STRICT);

        assertThat(bundle.vendor()).isEqualTo(Vendor.INTEL);
        assertThat(bundle.source()).isEqualTo(file.toString());
        assertThat(bundle.patches()).hasSize(1);
    }

    @Test
    void eachFileReadAndEachSkippedIsLoggedWithItsFormatOrWhy() throws Exception {
        Path tree = Files.createDirectories(directory.resolve("firmware/intel-ucode"));
        Path patch = Files.write(tree.resolve("06-8e-09"), PATCH);
        Path readme = Files.writeString(tree.resolve("README"), "not microcode\n");

        try (LogCapture log = LogCapture.of(MicrocodeInputs.class)) {
            inputs.readFirmware(List.of(tree.getParent()), warnings::add);

            assertThat(log.lines()).containsExactly("DEBUG read " + patch + ": " + PATCH.length + " bytes, INTEL microcode, 1 patches",
                    "DEBUG skipped " + readme + ": not microcode");
        }
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path empty = Files.createFile(directory.resolve("empty"));

        assertThatThrownBy(() -> inputs.read(empty, ParseMode.STRICT)).isInstanceOfSatisfying(MicrocodeFormatException.class,
                e -> assertThat(e.rule()).isEqualTo(InputRule.EMPTY));
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpenedAndSkippedInAFolder() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve("patch"), PATCH);
        Path fifo = folder.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> inputs.read(fifo, ParseMode.STRICT)).isInstanceOfSatisfying(MicrocodeFormatException.class, e -> {
            assertThat(e.rule()).isEqualTo(InputRule.UNREADABLE);
            assertThat(e.detail()).isEqualTo("not a regular file");
        });
        assertThat(inputs.readAll(List.of(folder), ParseMode.STRICT, warnings::add)).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedByItsSize() throws Exception {
        Path huge = directory.resolve("huge");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(MicrocodeInputs.MAX_INPUT_BYTES + 1);
        }

        assertThatThrownBy(() -> inputs.read(huge, ParseMode.STRICT)).isInstanceOfSatisfying(MicrocodeFormatException.class, e -> {
            assertThat(e.rule()).isEqualTo(InputRule.TOO_LARGE);
            assertThat(e.detail()).startsWith((MicrocodeInputs.MAX_INPUT_BYTES + 1) + " bytes");
        });
    }

    @Test
    void aFolderEntryThatCannotBeLookedAtIsAWarningOrWithoutAConsumerAnError() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve("patch"), PATCH);
        Files.createSymbolicLink(folder.resolve("dangling"), folder.resolve("nothing"));
        Files.createSymbolicLink(folder.resolve("loop"), Path.of("loop"));

        assertThat(inputs.readAll(List.of(folder), ParseMode.STRICT, warnings::add)).hasSize(1);
        assertThat(warnings).containsExactly("skipped " + folder.resolve("dangling") + ": a symbolic link to nothing",
                "skipped " + folder.resolve("loop") + ": a loop of symbolic links");
        assertThatThrownBy(() -> inputs.readAll(List.of(folder), ParseMode.STRICT))
                .isInstanceOfSatisfying(MicrocodeFormatException.class, e -> assertThat(e.rule()).isEqualTo(InputRule.UNREADABLE))
                .hasMessageContaining(folder.resolve("dangling").toString());
    }

    @Test
    void aMissingPathIsAnErrorNamingIt() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> inputs.readAll(List.of(missing), ParseMode.STRICT, warnings::add))
                .isInstanceOfSatisfying(MicrocodeFormatException.class, e -> {
                    assertThat(e.rule()).isEqualTo(InputRule.UNREADABLE);
                    assertThat(e.source()).isEqualTo(missing.toString());
                    assertThat(e.detail()).isEqualTo("no such file or directory");
                });
    }

    @Test
    void aFirmwareTreeIsReadFromItsVendorFoldersAndWhatIsNotMicrocodeIsSkippedWithAWarning() throws Exception {
        Path intel = Files.createDirectories(directory.resolve("firmware/intel-ucode"));
        Files.write(intel.resolve("06-55-04"), PATCH);
        Files.writeString(intel.resolve("README"), "not microcode\n");
        Files.write(directory.resolve("firmware/outside-the-vendor-folders"), PATCH);

        List<Bundle> bundles = inputs.readFirmware(List.of(directory.resolve("firmware")), warnings::add);

        assertThat(bundles).extracting(Bundle::source).containsExactly(intel.resolve("06-55-04").toString());
        assertThat(warnings).containsExactly("skipped " + intel.resolve("README") + ": not microcode");
    }

    @Test
    void aFirmwareRootWithoutVendorFoldersIsReadItself() throws Exception {
        Path root = Files.createDirectory(directory.resolve("root"));
        Files.write(root.resolve("patch"), PATCH);

        assertThat(inputs.readFirmware(List.of(root), warnings::add)).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aVendorFolderThatCannotBeListedIsSkippedWithAWarning() throws Exception {
        Path firmware = Files.createDirectory(directory.resolve("firmware"));
        Files.createSymbolicLink(firmware.resolve("intel-ucode"), Path.of("intel-ucode"));
        Files.writeString(firmware.resolve("amd-ucode"), "a file where a folder should be\n");

        assertThat(inputs.readFirmware(List.of(firmware), warnings::add)).isEmpty();
        assertThat(warnings).containsExactly("skipped " + firmware + "/intel-ucode: a loop of symbolic links",
                "skipped " + firmware + "/amd-ucode: not a directory");
    }
}
