package io.github.ucode4j.cache.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names shown as the bytes they are: UTF-8 where they are, each other byte escaped. */
class PathNamesTest {
    @TempDir
    Path directory;

    @Test
    void aNameThatIsNotUtf8IsShownWithItsByteEscaped() throws Exception {
        Path file = Path.of(URI.create(directory.toUri() + "caf%E9"));
        Files.writeString(file, "x");

        List<Path> listed;
        try (Stream<Path> entries = Files.list(directory)) {
            listed = entries.toList();
        }

        assertThat(listed).singleElement().extracting(PathNames::display).isEqualTo(directory + "/caf\\xe9");
    }

    @Test
    void ordinaryNamesAreShownAsJavaSpellsThem() {
        for (String name : List.of("/lib/firmware/intel-ucode/06-55-04", "relative/./../café ☕", "a\nb", "", "/")) {
            assertThat(PathNames.display(Path.of(name))).isEqualTo(Path.of(name).toString());
        }
    }

    @Test
    void textSpellsEachByteThatIsNotUtf8AsAsked() {
        byte[] bytes = {'d', (byte) 0xe9, 'j', (byte) 0xc3, (byte) 0xa0};

        assertThat(PathNames.text(bytes, b -> "<" + Integer.toHexString(b) + ">")).isEqualTo("d<e9>jà");
    }
}
