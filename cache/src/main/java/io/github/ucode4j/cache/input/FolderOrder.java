package io.github.ucode4j.cache.input;

/**
 * The order a folder's files are read in. It matters where inputs conflict (two patches with the same signature and
 * revision but other bytes): the first one read is kept.
 */
public enum FolderOrder {
    /** By name: the same order on every file system. The default. */
    SORTED,
    /**
     * The folder's own order, as the file system lists it (readdir's order), unsorted: the order iucode_tool reads a
     * folder in, so that the result is iucode_tool's own on the same folder. It may differ between two copies of one
     * folder.
     */
    DIRECTORY
}
