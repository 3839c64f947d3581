package io.github.ucode4j.cache;

import java.nio.file.Path;

/**
 * What writing one output file did.
 *
 * @param path the target, absolute
 * @param size how many bytes it holds
 * @param changed whether the write changed it: true for a new file or new bytes; false when it already held exactly
 *     these bytes and was left as it was (same inode, mode, owner and modification time)
 */
public record WrittenFile(Path path, int size, boolean changed) {
}
