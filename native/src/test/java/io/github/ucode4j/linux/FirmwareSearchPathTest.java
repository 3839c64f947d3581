package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The firmware loader's search path, written and read by the kernel's rules, against a regular file. */
class FirmwareSearchPathTest {
    @TempDir
    Path root;

    private FirmwareSearchPath showing(String shown) throws IOException {
        return new FirmwareSearchPath(Files.writeString(root.resolve("path"), shown, StandardCharsets.ISO_8859_1));
    }

    private String written() throws IOException {
        return Files.readString(root.resolve("path"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void theValueIsWhatTheKernelShowsWithoutItsNewline() throws IOException {
        assertThat(showing("\n").read()).isEmpty();
        assertThat(showing("/opt/firmware\n").read()).isEqualTo("/opt/firmware");
        assertThat(showing("/opt/firmware\n\n").read()).as("a newline kept by an older kernel").isEqualTo("/opt/firmware\n");
        assertThat(showing("/opt/\u00e9t\u00e9\n").read()).as("bytes as they are").isEqualTo("/opt/\u00e9t\u00e9");
        assertThat(showing("\0").read()).as("a C string ends at its NUL").isEmpty();
    }

    @Test
    void aValueIsWrittenWithoutANewlineAndTheEmptyOneAsOneNul() throws IOException {
        FirmwareSearchPath path = showing("\n");

        path.write("/run/ucode4j/firmware-42");
        assertThat(written()).isEqualTo("/run/ucode4j/firmware-42");
        path.write("");
        assertThat(written()).isEqualTo("\0");
        path.write("/opt/\u00e9t\u00e9\n");
        assertThat(written()).isEqualTo("/opt/\u00e9t\u00e9\n");
        assertThat(path.read()).isEqualTo("/opt/\u00e9t\u00e9");
    }

    @Test
    void aValueTheKernelCannotHoldIsRefusedBeforeAnythingIsWritten() throws IOException {
        FirmwareSearchPath path = showing("\n");

        assertThat(FirmwareSearchPath.MAX_LENGTH).isEqualTo(255);
        path.write("/" + "x".repeat(254));
        assertThatThrownBy(() -> path.write("/" + "x".repeat(255))).isInstanceOf(IOException.class)
                .hasMessageContaining("at most 255 characters");
        assertThatThrownBy(() -> path.write("/a\0b")).isInstanceOf(IOException.class).hasMessageContaining("without NUL");
        assertThat(written()).isEqualTo("/" + "x".repeat(254));
    }

    @Test
    void aParameterThatIsALinkIsNeitherReadNorWritten() throws IOException {
        Path real = Files.writeString(root.resolve("real"), "/opt/firmware\n");
        FirmwareSearchPath linked = new FirmwareSearchPath(Files.createSymbolicLink(root.resolve("link"), real));

        assertThat(linked.unusable()).hasValueSatisfying(r -> assertThat(r).contains("is missing"));
        assertThatThrownBy(linked::read).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> linked.write("/elsewhere")).isInstanceOf(IOException.class);
        assertThat(Files.readString(real)).isEqualTo("/opt/firmware\n");
    }

    @Test
    void aFolderIsNamedOnlyInPrintableAsciiWithinTheKernelsLength() {
        assertThat(FirmwareSearchPath.cannotName(Path.of("/run/ucode4j/firmware-42"))).isEmpty();
        assertThat(FirmwareSearchPath.cannotName(Path.of("/" + "d".repeat(254)))).isEmpty();
        assertThat(FirmwareSearchPath.cannotName(Path.of("/" + "d".repeat(255))))
                .hasValueSatisfying(r -> assertThat(r).contains("256 characters long", "holds at most 255"));
        assertThat(FirmwareSearchPath.cannotName(Path.of("/run/\u00e9t\u00e9")))
                .hasValueSatisfying(r -> assertThat(r).contains("printable ASCII"));
        assertThat(FirmwareSearchPath.cannotName(Path.of("/run/a\nb"))).isPresent();
    }
}
