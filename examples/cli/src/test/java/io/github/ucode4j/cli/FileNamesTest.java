package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.cache.input.PathNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names as the bytes they are: built from bytes, given as arguments, found in folders, shown to people. */
class FileNamesTest {
    private static final byte[] CAFE_LATIN1 = {'c', 'a', 'f', (byte) 0xe9};

    @TempDir
    Path directory;

    @Test
    void aNameThatIsNotUtf8IsCreatedFoundAndShownWithItsByteEscaped() throws Exception {
        Path file = directory.resolve(FileNames.of(CAFE_LATIN1));
        Files.writeString(file, "x");

        List<Path> listed;
        try (Stream<Path> entries = Files.list(directory)) {
            listed = entries.toList();
        }

        assertThat(listed).containsExactly(file);
        assertThat(PathNames.display(listed.get(0))).isEqualTo(directory + "/caf\\xe9");
        assertThat(PathNames.display(FileNames.of(CAFE_LATIN1))).isEqualTo("caf\\xe9");
    }

    @Test
    void anArgumentCarryingTheByteNamesThatFile() throws Exception {
        Path file = Files.writeString(directory.resolve(FileNames.of(CAFE_LATIN1)), "x");

        Path argument = FileNames.fromArgument(directory + "/caf\udce9");

        assertThat(argument).isEqualTo(file);
        assertThat(Files.readString(argument)).isEqualTo("x");
    }

    @Test
    void ordinaryNamesAreJavasOwnPathsAndShownAsTheyAre() {
        for (String name : List.of("/lib/firmware/intel-ucode/06-55-04", "relative/./../café ☕", "a\nb", "", "/")) {
            assertThat(FileNames.fromArgument(name)).isEqualTo(Path.of(name));
            assertThat(PathNames.display(Path.of(name))).isEqualTo(Path.of(name).toString());
        }
    }

    @Test
    void bytesRoundTripThroughTheCarriedForm() {
        byte[] mixed = "d\u00e9j\u00e0/\u00ff-".getBytes(StandardCharsets.ISO_8859_1);

        String carried = FileNames.carried(mixed);
        Path path = FileNames.fromArgument(carried);

        assertThat(carried).isEqualTo("d\udce9j\udce0/\udcff-");
        assertThat(path).isEqualTo(FileNames.of(mixed));
        assertThat(PathNames.display(path)).isEqualTo("d\\xe9j\\xe0/\\xff-");
    }

    @Test
    void aNulCannotBeInAName() {
        assertThatThrownBy(() -> FileNames.of(new byte[] {'a', 0, (byte) 0xe9})).isInstanceOf(IllegalArgumentException.class);
    }
}
