package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writers on real file systems, which need root to mount: a small tmpfs that is too full, or fills up while
 * writing, and vfat (an EFI system partition), which has no hard links and no modes of its own. Each test is
 * skipped, saying why, where it cannot mount.
 */
class MountedFileSystemsTest {
    private static final String INTEL = "intel-ucode/06-55-04";
    private static final String AMD = "amd-ucode/microcode_amd_fam19h.bin";

    @TempDir
    Path dir;

    private final Mounts mounts = new Mounts();

    @AfterEach
    void unmount() throws Exception {
        mounts.close();
    }

    private static ByteBuffer bytes(int size) {
        return ByteBuffer.allocate(size);
    }

    private static List<String> namesBelow(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void filesThatDoNotFitAreRefusedBeforeAnyIsWrittenNamingTheFirstThatDoesNot() throws Exception {
        Path small = mounts.tmpfs(dir.resolve("small"), "64k");
        Path out = small.resolve("out");
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        files.put(INTEL, bytes(40 * 1024));
        files.put(AMD, bytes(40 * 1024));

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files, false))
                .isInstanceOf(FileSystemException.class)
                .hasMessageStartingWith(out.resolve(AMD) + ": No space left on device: the files to write on ")
                .hasMessageContaining("need 81920 bytes up to this one, 65536 are free")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(namesBelow(small)).isEmpty();
    }

    @Test
    void aFileSystemThatFillsUpWhileWritingIsNamedAndLeftAsItWas() throws Exception {
        Path small = mounts.tmpfs(dir.resolve("small"), "256k");
        Path out = small.resolve("out");
        Path ballast = small.resolve("ballast");
        FileOperations fillingUp = new FileOperations() {
            @Override
            public int write(FileChannel channel, ByteBuffer content) throws IOException {
                if (!Files.exists(ballast)) {
                    fill(ballast);
                }
                return FileOperations.super.write(channel, content);
            }
        };
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        files.put(INTEL, bytes(16 * 1024));
        files.put(AMD, bytes(16 * 1024));

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files, false, fillingUp))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(out.resolve(INTEL) + ": writing failed: No space left on device");

        assertThat(namesBelow(small)).containsExactly("ballast");
    }

    @Test
    void onVfatNewFilesAreCreatedExclusivelyAndReplacedFilesKeptAsideUntilTheEnd() throws Exception {
        Path esp = mounts.vfat(dir.resolve("esp"), 8);
        Path out = esp.resolve("firmware");
        Map<String, ByteBuffer> first = Map.of(INTEL, text("first"));

        MicrocodeWriter.writeFiles(out, first, false);
        assertThat(out.resolve(INTEL)).hasContent("first");
        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, first, false)).isInstanceOf(FileAlreadyExistsException.class);

        MicrocodeWriter.writeFiles(out, Map.of(INTEL, text("second"), AMD, text("amd")), true);
        assertThat(out.resolve(INTEL)).hasContent("second");
        assertThat(out.resolve(AMD)).hasContent("amd");
        assertThat(namesBelow(out)).containsExactly("amd-ucode", AMD, "intel-ucode", INTEL);
        OutputFiles.write(esp.resolve("early.cpio"), text("cpio"), false);
        assertThat(esp.resolve("early.cpio")).hasContent("cpio");
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    // Writes zeros to file until the file system is full.
    private static void fill(Path file) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                channel.write(block.clear());
            }
        } catch (IOException full) {
            if (!"No space left on device".equals(full.getMessage())) {
                throw full;
            }
        }
    }
}
