package io.github.ucode4j.cli.option;

import io.github.ucode4j.cache.input.FolderOrder;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import picocli.CommandLine.Option;

/** The {@code --folder-order} option: the order a folder's files are read in, by name unless told otherwise. */
public final class FolderOrderOption {
    @Option(names = "--folder-order", paramLabel = "ORDER", defaultValue = "sorted",
            description = {"The order a directory's files are read in: sorted (by name, the same on every file system) "
                + "or directory (the directory's own order, unsorted, as iucode_tool reads it: where two inputs "
                + "conflict, this gives iucode_tool's result on the same directory). Default: ${DEFAULT-VALUE}."})
    FolderOrder order;

    /**
     * The order asked for.
     *
     * @return the order given, {@link FolderOrder#SORTED} by default
     */
    public FolderOrder order() {
        return order;
    }

    /**
     * Inputs read through the drivers on the class path, folders read in the order asked for.
     *
     * @return a reader of microcode inputs with the installed drivers and this order
     */
    public MicrocodeInputs inputs() {
        return MicrocodeInputs.withInstalledDrivers(order);
    }
}
