package io.github.ucode4j.cli.option;

import io.github.ucode4j.cli.state.StateDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --state-dir} option: where {@code apply} records its last load and the metrics read it. */
public final class StateDirectoryOption {
    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${env:" + StateDirectory.ENVIRONMENT + ":-" + StateDirectory.DEFAULT + "}",
            description = "The folder of the record of the last load (" + StateDirectory.LAST_APPLY + "). Default: the "
                + "environment variable " + StateDirectory.ENVIRONMENT + ", else " + StateDirectory.DEFAULT + ".")
    Path directory;

    /**
     * The state folder this option names.
     *
     * @return the folder {@code --state-dir} names, else the environment variable's, else the default
     */
    public StateDirectory stateDirectory() {
        return new StateDirectory(directory);
    }
}
