package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set of files is written whole or not at all: every target is checked first, a failure while writing removes
 * every temporary and every directory made, and a failed rename puts back what the earlier ones replaced. Failures
 * the disk would give are injected through {@link FileOperations}.
 */
class AllOrNothingWritesTest {
    private static final String INTEL = "intel-ucode/06-55-04";
    private static final String INTEL_TOO = "intel-ucode/06-9e-0a";
    private static final String AMD = "amd-ucode/microcode_amd_fam19h.bin";

    @TempDir
    Path dir;

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, ByteBuffer> files(String... namesAndContents) {
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            files.put(namesAndContents[i], text(namesAndContents[i + 1]));
        }
        return files;
    }

    // Every path below root, as "directory/", "file=content" or "link->target".
    private static List<String> tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<String> tree = new ArrayList<>();
            for (Path path : paths.filter(p -> !p.equals(root)).sorted().toList()) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    tree.add(name + "->" + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path)) {
                    tree.add(name + "=" + Files.readString(path));
                } else {
                    tree.add(name + "/");
                }
            }
            return tree;
        }
    }

    private static int mode(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    @Test
    void aLinkedDirectoryAfterTheFirstIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("amd-ucode"), elsewhere);
        List<String> before = tree(dir);

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "intel", AMD, "amd"), true))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(out.resolve("amd-ucode") + ": is a symbolic link; refusing to write through it");

        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void aLinkAtTheLastTargetIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Path out = dir.resolve("out");
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createDirectories(out.resolve("intel-ucode"));
        Files.createSymbolicLink(out.resolve(INTEL_TOO), victim);
        List<String> before = tree(dir);

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "a", INTEL_TOO, "b"), true))
                .hasMessageContaining(out.resolve(INTEL_TOO).toString()).hasMessageContaining("symbolic link");

        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void aFileInTheWayOfADirectoryIsRefusedBeforeAnyFileIsWritten() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("amd-ucode"), "not a directory");
        List<String> before = tree(dir);

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "intel", AMD, "amd"), false))
                .hasMessage(out.resolve("amd-ucode") + ": not a directory");

        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void aFullDiskWhileWritingRemovesTheTemporariesAndTheDirectoriesMade() throws Exception {
        Path out = dir.resolve("firmware/out");
        FileOperations fullAtTheSecondFile = new FileOperations() {
            private int files;

            @Override
            public int write(FileChannel channel, ByteBuffer bytes) throws IOException {
                if (channel.position() == 0 && ++files == 2) {
                    throw new IOException("No space left on device");
                }
                return FileOperations.super.write(channel, bytes);
            }
        };

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "intel", AMD, "amd"), false, fullAtTheSecondFile))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(out.resolve(AMD) + ": writing failed: No space left on device");

        assertThat(tree(dir)).isEmpty();
    }

    @Test
    void aRenameThatFailsMidwayPutsBackWhatTheEarlierOnesReplaced() throws Exception {
        Path out = dir.resolve("out");
        MicrocodeWriter.writeFiles(out, files(INTEL, "old intel", INTEL_TOO, "old intel too"), false);
        List<String> before = tree(dir);
        FileOperations failingThirdRename = failingRename(3);

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "new", INTEL_TOO, "new", AMD, "new"), true,
                failingThirdRename))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(out.resolve(AMD) + ": cannot rename the temporary file into place: input/output error");

        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void withoutHardLinksTheReplacedFilesAreRenamedAsideAndStillPutBack() throws Exception {
        Path out = dir.resolve("out");
        MicrocodeWriter.writeFiles(out, files(INTEL, "old intel", INTEL_TOO, "old intel too"), false);
        List<String> before = tree(dir);
        FileOperations fat = withoutHardLinks(failingRename(4));

        assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "new", INTEL_TOO, "new"), true, fat))
                .hasMessageContaining(out.resolve(INTEL_TOO).toString());
        assertThat(tree(dir)).isEqualTo(before);

        MicrocodeWriter.writeFiles(out, files(INTEL, "new", INTEL_TOO, "new too"), true, withoutHardLinks(FileOperations.SYSTEM));
        assertThat(tree(dir)).containsExactly("out/", "out/intel-ucode/", "out/intel-ucode/06-55-04=new",
                "out/intel-ucode/06-9e-0a=new too");
    }

    @Test
    void withoutHardLinksNewFilesAreCreatedExclusively() throws Exception {
        Path out = dir.resolve("out");

        MicrocodeWriter.writeFiles(out, files(INTEL, "intel", AMD, "amd"), false, withoutHardLinks(FileOperations.SYSTEM));

        assertThat(tree(dir)).containsExactly("out/", "out/amd-ucode/", "out/amd-ucode/microcode_amd_fam19h.bin=amd",
                "out/intel-ucode/", "out/intel-ucode/06-55-04=intel");
        assertThat(mode(out.resolve(INTEL))).isEqualTo(0644);
    }

    @Test
    void aTargetThatAppearsMeanwhileIsNeverReplacedWithOrWithoutHardLinks() throws Exception {
        for (boolean hardLinks : new boolean[] {true, false}) {
            Path out = dir.resolve("out-" + hardLinks);
            FileOperations planted = plantingBeforeLink(out.resolve(AMD), hardLinks);

            assertThatThrownBy(() -> MicrocodeWriter.writeFiles(out, files(INTEL, "intel", AMD, "amd"), false, planted))
                    .isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessage(out.resolve(AMD) + ": exists; pass overwrite to replace it");

            assertThat(tree(out)).as("hard links: %s", hardLinks).containsExactly("amd-ucode/",
                    "amd-ucode/microcode_amd_fam19h.bin=planted");
        }
    }

    @Test
    void aNewFileIsWrittenOwnerOnlyAndEndsReadableByAll() throws Exception {
        Path target = dir.resolve("early.cpio");
        List<Integer> modesWhileWriting = new ArrayList<>();
        FileOperations watching = new FileOperations() {
            @Override
            public int write(FileChannel channel, ByteBuffer bytes) throws IOException {
                try (Stream<Path> temporaries = Files.list(dir)) {
                    for (Path temporary : temporaries.toList()) {
                        modesWhileWriting.add(mode(temporary));
                    }
                }
                return FileOperations.super.write(channel, bytes);
            }
        };

        OutputFiles.write(target, text("cpio"), false, watching);

        assertThat(modesWhileWriting).containsOnly(0600).isNotEmpty();
        assertThat(mode(target)).isEqualTo(0644);
    }

    @Test
    void aReplacedFileKeepsItsMode() throws Exception {
        Path target = Files.writeString(dir.resolve("early.cpio"), "old");
        Files.setAttribute(target, "unix:mode", 0640);

        OutputFiles.write(target, text("new"), true);

        assertThat(target).hasContent("new");
        assertThat(mode(target)).isEqualTo(0640);
    }

    @Test
    void aReplacedFileKeepsItsOwnerWhenRootWrites() throws Exception {
        Path target = Files.writeString(dir.resolve("GenuineIntel.bin"), "old");
        assumeTrue(Files.getAttribute(target, "unix:uid").equals(0), "only root may give a file to another owner");
        Files.setAttribute(target, "unix:uid", 4321);
        Files.setAttribute(target, "unix:gid", 8765);

        OutputFiles.write(target, text("new"), true);

        assertThat(target).hasContent("new");
        assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(4321);
        assertThat(Files.getAttribute(target, "unix:gid")).isEqualTo(8765);
    }

    // rename(2) fails with EIO on its n-th call.
    private static FileOperations failingRename(int n) {
        return new FileOperations() {
            private int renames;

            @Override
            public void rename(Path source, Path target) throws IOException {
                if (++renames == n) {
                    throw new FileSystemException(source.toString(), target.toString(), "Input/output error");
                }
                FileOperations.super.rename(source, target);
            }
        };
    }

    // A file system without hard links: link(2) fails with EPERM, as on vfat.
    private static FileOperations withoutHardLinks(FileOperations others) {
        return new FileOperations() {
            @Override
            public void link(Path link, Path existing) throws IOException {
                throw new FileSystemException(link.toString(), existing.toString(), "Operation not permitted");
            }

            @Override
            public void rename(Path source, Path target) throws IOException {
                others.rename(source, target);
            }
        };
    }

    // Someone creates target just before it is linked into place.
    private static FileOperations plantingBeforeLink(Path target, boolean hardLinks) {
        return new FileOperations() {
            @Override
            public void link(Path link, Path existing) throws IOException {
                if (link.equals(target)) {
                    Files.writeString(target, "planted");
                }
                if (!hardLinks) {
                    throw new FileSystemException(link.toString(), existing.toString(), "Operation not permitted");
                }
                FileOperations.super.link(link, existing);
            }
        };
    }
}
