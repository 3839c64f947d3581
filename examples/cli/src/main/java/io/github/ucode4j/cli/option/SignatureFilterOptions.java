package io.github.ucode4j.cli.option;

import io.github.ucode4j.cache.Selection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code -s FILTER} options, with iucode_tool's syntax and meaning. */
public final class SignatureFilterOptions {
    @Option(names = {"-s", "--select"}, paramLabel = "FILTER",
            description = {"Select by signature, as iucode_tool -s: [!]SIG[,[PF_MASK][,[eq:|lt:|gt:]REV]]; "
                + "'!' alone selects only what a later filter includes. Later filters override earlier ones."})
    List<String> filters = new ArrayList<>();

    /**
     * A selection builder holding these filters, in order.
     *
     * @return a new builder holding every {@code -s} filter given, to which a command may add others
     * @throws io.github.ucode4j.cache.InvalidFilterException when a filter is not in iucode_tool's syntax, naming it
     */
    public Selection.Builder selection() {
        Selection.Builder builder = Selection.builder();
        filters.forEach(builder::signature);
        return builder;
    }
}
