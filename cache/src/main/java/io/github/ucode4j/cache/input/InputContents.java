package io.github.ucode4j.cache.input;

import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of one reader's input files, within a budget. A file (a device and inode) is read once however often it
 * is named, through hard links, symbolic links, the same path twice or a folder, unless it changed since (its status
 * change time moved); the files read hold at most the budget in all, each at most the largest size a file may have.
 * Not for several threads at once.
 */
final class InputContents {
    private static final int READ_CHUNK = 64 * 1024;

    private record Inode(long device, long number) {
    }

    private record Contents(long size, FileTime changed, ByteBuffer bytes) {
    }

    private final long largestFile;
    private final long budget;
    private final Map<Inode, Contents> read = new HashMap<>();
    private long held;

    /** Contents of files of at most {@code largestFile} bytes each, holding at most {@code budget} bytes in all. */
    InputContents(long largestFile, long budget) {
        this.largestFile = largestFile;
        this.budget = budget;
    }

    /**
     * The bytes of {@code file}, named {@code source} in messages: read-only, shared with every other name of it.
     *
     * @throws MicrocodeFormatException when it is not a readable regular file, is empty, is too large, or reading it
     *     would exceed the budget
     */
    ByteBuffer of(Path file, String source) throws MicrocodeFormatException {
        try {
            // Checked before opening: opening a FIFO waits for a writer, and a device such as /dev/zero never ends.
            Map<String, Object> status = Files.readAttributes(file, "unix:dev,ino,size,ctime,isRegularFile");
            if (!(Boolean) status.get("isRegularFile")) {
                throw FolderWalk.unreadable(file, "not a regular file");
            }
            Inode inode = new Inode((Long) status.get("dev"), (Long) status.get("ino"));
            long size = (Long) status.get("size");
            FileTime changed = (FileTime) status.get("ctime");
            Contents known = read.get(inode);
            if (known == null || known.size() != size || !known.changed().equals(changed)) {
                known = new Contents(size, changed, read(file, source, size));
                read.put(inode, known);
            }
            return known.bytes().asReadOnlyBuffer();
        } catch (IOException e) {
            throw FolderWalk.unreadable(file, FolderWalk.why(file, e));
        }
    }

    private ByteBuffer read(Path file, String source, long size) throws IOException, MicrocodeFormatException {
        if (size > largestFile) {
            throw new MicrocodeFormatException(InputRule.TOO_LARGE, source, 0,
                    size + " bytes; files of up to " + largestFile + " bytes are read");
        }
        if (held + size > budget) {
            throw new MicrocodeFormatException(InputRule.TOO_LARGE, source, 0, "the inputs read together may hold " + budget
                    + " bytes (" + (budget >> 20) + " MiB) in all, and this file of " + size + " bytes would bring them to "
                    + (held + size));
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            // At most the size seen: a file that grows while it is read cannot make the buffer grow with it.
            ByteBuffer data = ByteBuffer.allocate((int) size);
            while (data.hasRemaining()) {
                // A chunk at a time: a read into the heap goes through a temporary native buffer as large as the
                // read, and one as large as each file cost 17 ms of a list of the corpus.
                ByteBuffer chunk = data.slice(data.position(), Math.min(READ_CHUNK, data.remaining()));
                int read = channel.read(chunk);
                if (read < 0) {
                    break; // the file shrank meanwhile
                }
                data.position(data.position() + read);
            }
            if (data.flip().limit() == 0) {
                throw new MicrocodeFormatException(InputRule.EMPTY, source, 0, "");
            }
            held += size;
            return data;
        }
    }
}
