package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * The mode and owner an output file is given: a new file's mode is 0644 whatever the umask, a replaced file keeps
 * its mode and owner. Only root may give a file to another user or group, so an owner is set only when running as
 * root (as a write to /boot or /lib/firmware does); otherwise the file belongs to the writer, as rename(2) leaves it.
 *
 * @param mode the permission bits
 * @param uid the owner to keep, or -1 for the writer's
 * @param gid the group to keep, or -1 for the writer's
 */
record FileOwnership(int mode, int uid, int gid) {
    private static final int ROOT = 0;
    private static final int PERMISSION_BITS = 07777;

    /** A new file's: 0644, owned by the writer. */
    static final FileOwnership NEW_FILE = new FileOwnership(0644, -1, -1);

    /** What {@code target} has when it exists, else {@link #NEW_FILE}. */
    static FileOwnership of(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return NEW_FILE;
        }
        Map<String, Object> attributes = Files.readAttributes(target, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        return new FileOwnership((Integer) attributes.get("mode") & PERMISSION_BITS, (Integer) attributes.get("uid"),
                (Integer) attributes.get("gid"));
    }

    /** Gives {@code file}, which the writer created, this owner where the writer may, then this mode. */
    void applyTo(Path file) throws IOException {
        Map<String, Object> own = Files.readAttributes(file, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        // chown(2) clears the set-user-ID and set-group-ID bits: the owner comes first.
        if (own.get("uid").equals(ROOT)) {
            if (uid >= 0 && !own.get("uid").equals(uid)) {
                Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            }
            if (gid >= 0 && !own.get("gid").equals(gid)) {
                Files.setAttribute(file, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
        Files.setAttribute(file, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
    }
}
