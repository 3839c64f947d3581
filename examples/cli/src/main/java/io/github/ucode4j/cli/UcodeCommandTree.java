package io.github.ucode4j.cli;

import io.github.ucode4j.cli.command.ApplyCommand;
import io.github.ucode4j.cli.command.DemoCommand;
import io.github.ucode4j.cli.command.DiffCommand;
import io.github.ucode4j.cli.command.ExplainCommand;
import io.github.ucode4j.cli.command.ListCommand;
import io.github.ucode4j.cli.command.StatusCommand;
import io.github.ucode4j.cli.command.VerifyCommand;
import io.github.ucode4j.cli.command.WriteEarlyCpioCommand;
import io.github.ucode4j.cli.command.WriteFirmwareDirCommand;
import io.github.ucode4j.cli.iucode.IucodeToolCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code ucode} with every subcommand, in the order help lists them: what {@code ucode --help}, {@code ucode help},
 * a mistyped command, the man pages and bash completion are built from. Picocli merges this annotation with
 * {@link UcodeCommand}'s.
 */
@Command(subcommands = {ListCommand.class, VerifyCommand.class, StatusCommand.class, ExplainCommand.class, ApplyCommand.class,
    WriteEarlyCpioCommand.class, WriteFirmwareDirCommand.class, DiffCommand.class, DemoCommand.class,
    IucodeToolCommand.class, HelpCommand.class})
public final class UcodeCommandTree extends UcodeCommand {
    /** The whole command; public because the man page and completion generators create it by its class name. */
    public UcodeCommandTree() {
        // Picocli fills the options in when it parses a command line.
    }
}
