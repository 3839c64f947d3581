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
import java.util.Map;
import java.util.Optional;

/**
 * The command a run's arguments name, so that only that one is built: picocli reads each command's annotations by
 * reflection, and for every command of {@link UcodeCommandTree} that costs more than {@code list}'s whole work.
 * {@code help}, which shows the others, is not one of them.
 */
final class NamedCommand {
    /** Every command of {@link UcodeCommandTree} but {@code help}, by name (a test holds the two together). */
    static final Map<String, Class<?>> BY_NAME = Map.of(
            "list", ListCommand.class,
            "verify", VerifyCommand.class,
            "status", StatusCommand.class,
            "explain", ExplainCommand.class,
            "apply", ApplyCommand.class,
            "write-early-cpio", WriteEarlyCpioCommand.class,
            "write-firmware-dir", WriteFirmwareDirCommand.class,
            "diff", DiffCommand.class,
            "demo", DemoCommand.class,
            "iucode-tool", IucodeToolCommand.class);

    private static final String END_OF_OPTIONS = "--";

    private NamedCommand() {
    }

    /**
     * The command {@code args} name where picocli looks for one: their first argument that is not an option of
     * {@code ucode}'s own (none of which takes a value). Empty when that argument names no command of
     * {@link #BY_NAME}, is an {@code @file} of arguments, or follows {@code --}.
     */
    static Optional<Class<?>> of(String[] args) {
        for (String arg : args) {
            if (arg.equals(END_OF_OPTIONS)) {
                return Optional.empty();
            }
            if (!arg.startsWith("-")) {
                return Optional.ofNullable(BY_NAME.get(arg));
            }
        }
        return Optional.empty();
    }
}
