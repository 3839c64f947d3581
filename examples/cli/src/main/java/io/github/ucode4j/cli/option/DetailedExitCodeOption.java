package io.github.ucode4j.cli.option;

import io.github.ucode4j.cli.ExitCode;
import picocli.CommandLine.Option;

/**
 * The {@code --detailed-exitcode} option of the commands that change something: with it, success says whether
 * anything changed ({@link ExitCode#CHANGED}) or not ({@link ExitCode#OK}); failures keep their codes.
 */
public final class DetailedExitCodeOption {
    @Option(names = "--detailed-exitcode",
            description = "Exit with " + ExitCode.CHANGED + " when the command changed something, 0 when there was "
                    + "nothing to change; failures keep their codes.")
    boolean detailed;

    /**
     * The exit code of a successful run that did or did not change something.
     *
     * @param changed whether the run changed something
     * @return {@link ExitCode#CHANGED} when the option was given and something changed, else {@link ExitCode#OK}
     */
    public int success(boolean changed) {
        return detailed && changed ? ExitCode.CHANGED : ExitCode.OK;
    }
}
