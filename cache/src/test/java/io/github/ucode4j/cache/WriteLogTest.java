package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.testing.LogCapture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file a write stages, places, puts back or removes is logged at DEBUG, so that a user can trace a write. */
class WriteLogTest {
    @TempDir
    Path out;

    private final LogCapture writer = LogCapture.of(FileSetWriter.class);
    private final LogCapture journal = LogCapture.of(WriteJournal.class);

    @AfterEach
    void stopCapturing() {
        writer.close();
        journal.close();
    }

    private static Map<String, ByteBuffer> files(String... names) {
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)));
        }
        return files;
    }

    @Test
    void aWriteLogsEachFileStagedAndPlaced() throws Exception {
        Files.writeString(out.resolve("old"), "before");

        MicrocodeWriter.writeFiles(out, files("old", "new"), true);

        List<String> lines = writer.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("DEBUG staged " + out.resolve("old") + ": 3 bytes in " + out + "/\\.old\\..*\\.tmp");
        assertThat(lines.get(1)).matches("DEBUG staged " + out.resolve("new") + ": 3 bytes in " + out + "/\\.new\\..*\\.tmp");
        assertThat(lines.get(2)).matches("DEBUG placed " + out.resolve("old") + ", the file it replaces kept as \\.old\\..*\\.replaced until the end");
        assertThat(lines.get(3)).isEqualTo("DEBUG placed " + out.resolve("new"));
        assertThat(journal.lines()).containsExactly("DEBUG written: 2 files in place, 3 temporary and replaced files removed");
    }

    @Test
    void aFailedWriteLogsEachFilePutBackOrRemoved() throws Exception {
        Files.writeString(out.resolve("old"), "before");
        FileOperations secondRenameFails = new FileOperations() {
            private int renames;

            @Override
            public void rename(Path source, Path target) throws IOException {
                if (++renames == 2) {
                    throw new IOException("injected");
                }
                FileOperations.super.rename(source, target);
            }
        };

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files("new", "old"), true, secondRenameFails))
                .isInstanceOf(IOException.class);

        assertThat(journal.lines()).hasSize(3);
        assertThat(journal.lines().get(0)).startsWith("DEBUG undoing the write: ").contains("injected");
        assertThat(journal.lines().get(1)).matches("DEBUG put back " + out.resolve("old") + " from .*\\.replaced");
        assertThat(journal.lines().get(2)).isEqualTo("DEBUG removed " + out.resolve("new"));
        assertThat(Files.readString(out.resolve("old"))).isEqualTo("before");
    }
}
