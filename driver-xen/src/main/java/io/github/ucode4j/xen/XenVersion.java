package io.github.ucode4j.xen;

/**
 * The hypervisor's major and minor version, as {@code xen_version(XENVER_version)} returns it. The patch level
 * (4.17.<b>5</b>) is not part of that answer.
 *
 * @param major the major version
 * @param minor the minor version
 */
record XenVersion(int major, int minor) implements Comparable<XenVersion> {
    /** The first Xen with {@code XENPF_get_ucode_revision}. */
    static final XenVersion REVISION_HYPERCALL = new XenVersion(4, 18);
    /** The first Xen with {@code XENPF_microcode_update2} and its FORCE flag. */
    static final XenVersion FORCED_LOAD = new XenVersion(4, 20);

    XenVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version: " + major + "." + minor);
        }
    }

    /** Decodes {@code major << 16 | minor}. */
    static XenVersion decode(long answer) {
        return new XenVersion((int) (answer >>> 16 & 0xffff), (int) (answer & 0xffff));
    }

    /** Whether this Xen is {@code other} or later. */
    boolean atLeast(XenVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(XenVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** {@code 4.17}. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
