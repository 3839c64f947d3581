package io.github.ucode4j.cli;

import io.github.ucode4j.cli.logging.Verbosity;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code -v}/{@code --verbose}, a global option: the library's decisions on standard error while the command runs,
 * one line each; given twice, their detail too. Standard output is untouched, so JSON stays clean.
 */
final class VerboseOption {
    static final String NAME = "--verbose";

    private VerboseOption() {
    }

    /** {@code strategy}, run with the library's logging as verbose as the command line asks. */
    static IExecutionStrategy around(IExecutionStrategy strategy) {
        return new Verbose(strategy);
    }

    // A class, not a lambda, as every implementation of a picocli interface here: see Main.PathConverter.
    private static final class Verbose implements IExecutionStrategy {
        private final IExecutionStrategy strategy;

        Verbose(IExecutionStrategy strategy) {
            this.strategy = strategy;
        }

        @Override
        public int execute(ParseResult parseResult) {
            int times = timesGiven(parseResult);
            if (times == 0) {
                return strategy.execute(parseResult);
            }
            CommandLine command = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
            try {
                return Verbosity.during(Verbosity.forCount(times), command.getErr(), () -> strategy.execute(parseResult));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(command, e.getMessage(), e);
            }
        }
    }

    // Given before the command's name or after it: the inherited option of every level keeps its flags in one array
    // (one element a flag, -vv being two).
    private static int timesGiven(ParseResult parseResult) {
        int times = 0;
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            OptionSpec option = level.matchedOption(NAME);
            boolean[] flags = option == null ? null : option.getValue();
            times = Math.max(times, flags == null ? 0 : flags.length);
        }
        return times;
    }
}
