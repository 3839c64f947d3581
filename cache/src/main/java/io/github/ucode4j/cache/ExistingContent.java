package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Whether a target already holds what is to be written, so that writing it would change nothing. */
final class ExistingContent {
    private ExistingContent() {
    }

    /**
     * Whether {@code target} is a regular file holding exactly {@code content} (from its position; not moved). A
     * symbolic link is never read through: it holds nothing.
     */
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
