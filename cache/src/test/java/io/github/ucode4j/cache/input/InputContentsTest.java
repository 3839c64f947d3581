package io.github.ucode4j.cache.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader's files within its budget: a file named many times is read and counted once. */
class InputContentsTest {
    private static final int FILE_BYTES = 40;
    private static final long BUDGET = 100;

    @TempDir
    Path directory;

    private final InputContents contents = new InputContents(FILE_BYTES, BUDGET);

    @Test
    void aFileNamedManyTimesIsReadAndCountedOnce() throws Exception {
        Path file = Files.write(directory.resolve("file"), new byte[FILE_BYTES]);
        List<Path> names = new ArrayList<>(List.of(file, file));
        for (int i = 0; i < 10; i++) {
            // Each new hard link moves the file's status change time: all are made before the first read.
            names.add(i % 2 == 0 ? Files.createLink(directory.resolve("hard-" + i), file)
                    : Files.createSymbolicLink(directory.resolve("symbolic-" + i), file));
        }

        for (Path name : names) {
            assertThat(contents.of(name, name.toString()).remaining()).isEqualTo(FILE_BYTES);
        }
    }

    @Test
    void pastTheBudgetAFileIsRefusedNamingItAndTheBudget() throws Exception {
        contents.of(Files.write(directory.resolve("first"), new byte[FILE_BYTES]), "first");
        contents.of(Files.write(directory.resolve("second"), new byte[FILE_BYTES]), "second");
        Path third = Files.write(directory.resolve("third"), new byte[FILE_BYTES]);

        assertThatThrownBy(() -> contents.of(third, "third")).isInstanceOfSatisfying(MicrocodeFormatException.class, e -> {
            assertThat(e.rule()).isEqualTo(InputRule.TOO_LARGE);
            assertThat(e.source()).isEqualTo("third");
            assertThat(e.detail()).isEqualTo("the inputs read together may hold 100 bytes (0 MiB) in all, and this file of 40 "
                    + "bytes would bring them to 120");
        });
    }

    @Test
    void aFileLargerThanTheLargestIsRefusedBeforeItIsRead() throws Exception {
        Path large = Files.write(directory.resolve("large"), new byte[FILE_BYTES + 1]);

        assertThatThrownBy(() -> contents.of(large, "large")).isInstanceOfSatisfying(MicrocodeFormatException.class,
                e -> assertThat(e.detail()).isEqualTo("41 bytes; files of up to 40 bytes are read"));
    }

    @Test
    void aFileThatChangedIsReadAgain() throws Exception {
        Path file = Files.write(directory.resolve("file"), new byte[] {1});
        assertThat(contents.of(file, "file").get(0)).isEqualTo((byte) 1);
        Files.write(file, new byte[] {2, 2});

        assertThat(contents.of(file, "file").get(0)).isEqualTo((byte) 2);
    }
}
