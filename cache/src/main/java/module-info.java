/** The global microcode cache, selection, the planner, the writers, and the reading of inputs. */
module io.github.ucode4j.cache {
    requires transitive io.github.ucode4j.api;

    exports io.github.ucode4j.cache;
    exports io.github.ucode4j.cache.input;
}
