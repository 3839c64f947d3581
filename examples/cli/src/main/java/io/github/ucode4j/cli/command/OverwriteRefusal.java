package io.github.ucode4j.cli.command;

import io.github.ucode4j.cli.CliFailure;
import io.github.ucode4j.cli.ExitCode;
import java.nio.file.FileAlreadyExistsException;

/** The write commands' refusal of a file that exists, naming their {@code --overwrite} option as it is spelled. */
final class OverwriteRefusal {
    private OverwriteRefusal() {
    }

    /** {@code FILE: exists; pass --overwrite to replace it}. */
    static CliFailure of(FileAlreadyExistsException refused) {
        return new CliFailure(ExitCode.BAD_INPUT, refused.getFile() + ": exists; pass --overwrite to replace it");
    }
}
