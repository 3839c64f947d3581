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
    /**
     * The file is compared a chunk at a time through one native buffer: reading a whole early initramfs (15 MB) into
     * the heap cost a fresh array and a copy through a temporary native buffer, 90 ms of a write-early-cpio.
     */
    private static final int CHUNK = 256 * 1024;

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
            return sameBytes(channel, content);
        } catch (NoSuchFileException removedMeanwhile) {
            return false;
        }
    }

    // The channel's bytes from its position against content's; false at the first difference, or when the file
    // shrank or grew while read.
    private static boolean sameBytes(SeekableByteChannel channel, ByteBuffer content) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
        int compared = content.position();
        while (compared < content.limit()) {
            chunk.clear().limit(Math.min(CHUNK, content.limit() - compared));
            while (chunk.hasRemaining()) {
                if (channel.read(chunk) < 0) {
                    return false;
                }
            }
            chunk.flip();
            if (!chunk.equals(content.slice(compared, chunk.remaining()))) {
                return false;
            }
            compared += chunk.remaining();
        }
        return channel.read(chunk.clear().limit(1)) <= 0;
    }
}
