package io.github.ucode4j.cli.command;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether writing a file would leave it as it is, for {@code "changed"} and {@code --detailed-exitcode}: the
 * writers give a new file mode 0644 and a replaced one keeps its mode, so only a new file or new bytes change
 * anything. Asked before writing; a symbolic link is never read through (the writer refuses or replaces it).
 */
final class UnchangedFile {
    private UnchangedFile() {
    }

    /** Whether {@code target} is a regular file that holds exactly {@code content} (from its position; not moved). */
    static boolean holds(Path target, ByteBuffer content) throws IOException {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() != content.remaining()) {
                return false;
            }
            ByteBuffer existing = ByteBuffer.allocate(content.remaining());
            while (existing.hasRemaining()) {
                if (channel.read(existing) < 0) {
                    return false; // it shrank while read
                }
            }
            return existing.flip().equals(content);
        } catch (NoSuchFileException removedMeanwhile) {
            return false;
        }
    }
}
