package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void writesAndLeavesNoTemporaryFileBehind() throws Exception {
        Path target = dir.resolve("GenuineIntel.bin");
        ByteBuffer content = text("microcode");
        OutputFiles.write(target, content, false);
        assertThat(target).hasContent("microcode");
        assertThat(content.remaining()).isEqualTo(9);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void refusesToReplaceAFileUnlessAsked() throws Exception {
        Path target = dir.resolve("early.cpio");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> OutputFiles.write(target, text("new"), false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("old");
        OutputFiles.write(target, text("new"), true);
        assertThat(target).hasContent("new");
    }

    @Test
    void neverWritesThroughASymbolicLink() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("out"), victim);
        assertThatThrownBy(() -> OutputFiles.write(link, text("x"), true)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a symbolic link");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> OutputFiles.write(dangling, text("x"), false)).isInstanceOf(FileSystemException.class);
        Path linkedDir = Files.createSymbolicLink(dir.resolve("linked"), Files.createDirectory(dir.resolve("real")));
        assertThatThrownBy(() -> OutputFiles.write(linkedDir.resolve("f"), text("x"), false)).hasMessageContaining("is a symbolic link");
        assertThat(victim).hasContent("precious");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void refusesToReplaceADirectory() throws Exception {
        Path target = Files.createDirectory(dir.resolve("intel-ucode"));
        assertThatThrownBy(() -> OutputFiles.write(target, text("x"), true)).hasMessageContaining("not a regular file");
    }

    @Test
    void aSetOfFilesIsCheckedWhollyBeforeAnyIsWritten() throws Exception {
        Files.createDirectories(dir.resolve("intel-ucode"));
        Files.writeString(dir.resolve("intel-ucode/06-55-07"), "old");
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        files.put("intel-ucode/06-55-04", text("a"));
        files.put("intel-ucode/06-55-07", text("b"));
        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(dir, files, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(dir.resolve("intel-ucode/06-55-04")).doesNotExist();
        MicrocodeWriter.writeFiles(dir, files, true);
        assertThat(dir.resolve("intel-ucode/06-55-07")).hasContent("b");
        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(dir, Map.of("../escape", text("x")), true))
                .hasMessageContaining("escapes the output directory");
        Path linked = Files.createSymbolicLink(dir.resolve("firmware-link"), dir);
        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(linked, files, true)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a symbolic link");
    }
}
