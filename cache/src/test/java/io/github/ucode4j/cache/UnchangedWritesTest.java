package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers say whether each target changed, and leave alone a file that already holds the bytes. */
class UnchangedWritesTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    @Test
    void aNewFileIsChanged() throws Exception {
        Path target = dir.resolve("early.cpio");

        WrittenFile written = OutputFiles.write(target, text("cpio"), false);

        assertThat(written).isEqualTo(new WrittenFile(target, 4, true));
        assertThat(target).hasContent("cpio");
    }

    @Test
    void aFileHoldingTheBytesIsNeitherReplacedNorTouched() throws Exception {
        Path target = Files.writeString(dir.resolve("early.cpio"), "cpio");
        Files.setLastModifiedTime(target, LONG_AGO);
        Object inode = Files.getAttribute(target, "unix:ino");
        List<String> renames = new ArrayList<>();

        WrittenFile written = OutputFiles.write(target, text("cpio"), true, renamesInto(renames));

        assertThat(written).isEqualTo(new WrittenFile(target, 4, false));
        assertThat(renames).isEmpty();
        assertThat(Files.getAttribute(target, "unix:ino")).isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(LONG_AGO);
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aFileWithOtherBytesIsReplacedAtOnceByRename() throws Exception {
        Path target = Files.writeString(dir.resolve("early.cpio"), "cpio");
        Object inode = Files.getAttribute(target, "unix:ino");
        List<String> renames = new ArrayList<>();

        WrittenFile written = OutputFiles.write(target, text("cpi0"), true, renamesInto(renames));

        assertThat(written).isEqualTo(new WrittenFile(target, 4, true));
        assertThat(renames).containsExactly("early.cpio");
        assertThat(Files.getAttribute(target, "unix:ino")).isNotEqualTo(inode);
        assertThat(target).hasContent("cpi0");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aLongerOrShorterFileIsChanged() throws Exception {
        Path target = Files.writeString(dir.resolve("early.cpio"), "cpio");

        assertThat(OutputFiles.write(target, text("cpio!"), true).changed()).isTrue();
        assertThat(OutputFiles.write(target, text("cpi"), true).changed()).isTrue();
        assertThat(target).hasContent("cpi");
    }

    @Test
    void aFileHoldingTheBytesIsStillRefusedWithoutOverwrite() throws Exception {
        Path target = Files.writeString(dir.resolve("early.cpio"), "cpio");

        assertThatThrownBy(() -> OutputFiles.write(target, text("cpio"), false)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void aSymbolicLinkToTheSameBytesIsStillRefused() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "cpio");
        Path link = Files.createSymbolicLink(dir.resolve("early.cpio"), victim);

        assertThatThrownBy(() -> OutputFiles.write(link, text("cpio"), true)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aSetOfFilesSaysWhichChangedInTheOrderGiven() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("intel-ucode"));
        Path same = Files.writeString(folder.resolve("06-55-04"), "same");
        Files.setLastModifiedTime(same, LONG_AGO);
        Files.writeString(folder.resolve("06-55-07"), "old");
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        files.put("intel-ucode/06-55-07", text("new"));
        files.put("intel-ucode/06-55-04", text("same"));
        files.put("intel-ucode/06-8e-09", text("added"));

        List<WrittenFile> written = MicrocodeWriter.writeFiles(dir, files, true);

        assertThat(written).containsExactly(new WrittenFile(folder.resolve("06-55-07"), 3, true),
                new WrittenFile(same, 4, false), new WrittenFile(folder.resolve("06-8e-09"), 5, true));
        assertThat(Files.getLastModifiedTime(same)).isEqualTo(LONG_AGO);
        assertThat(folder.resolve("06-55-07")).hasContent("new");
    }

    private static FileOperations renamesInto(List<String> renames) {
        return new FileOperations() {
            @Override
            public void rename(Path source, Path target) throws IOException {
                renames.add(target.getFileName().toString());
                FileOperations.super.rename(source, target);
            }
        };
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }
}
