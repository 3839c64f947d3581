/** The global microcode cache, selection, the planner and the writers. */
module io.github.ucode4j.cache {
    requires transitive io.github.ucode4j.api;

    exports io.github.ucode4j.cache;
}
