package io.github.ucode4j.cache;

/** How the cache chooses between two patches for the same processor. */
public enum MergeRule {
    /**
     * Only a newer revision replaces a kept one (Xen's rule, and iucode_tool's default): a patch replaces the kept
     * entries of its signature whose platform mask its own covers and whose revision is not newer; it is not kept
     * when a kept entry's mask covers its own with the same or a newer revision; masks that do not cover each
     * other coexist. An entry without platform flags is replaced by another without them, or goes along when a
     * patch replaces an entry that has them.
     */
    NEWEST,
    /**
     * The patch from the input loaded last wins, older or not (iucode_tool's {@code --downgrade}): for going back
     * to an earlier release on purpose. Within one input the newest still wins.
     */
    LAST_LOADED
}
