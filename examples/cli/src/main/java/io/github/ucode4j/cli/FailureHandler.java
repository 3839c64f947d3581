package io.github.ucode4j.cli;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.BackendUnavailableException;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.cache.InvalidFilterException;
import io.github.ucode4j.cache.IoMessages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and an {@link ExitCode}: expected failures (bad input, no
 * backend, a failed load, a usage error) name what is wrong and where; a bug, or an {@link Error} such as running out
 * of memory, says so in words. Only {@code --debug} adds the stack trace. The line's control characters are escaped:
 * a message may quote a file name.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String DEBUG_OPTION = "--debug";
    private static final String REPORT = "run again with " + DEBUG_OPTION + " and report what it prints";

    private record Failure(int exitCode, String message) {
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        return handle(exception, command, parseResult);
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        String usage = exception.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        int exitCode = print(new Failure(ExitCode.USAGE, usage), exception, command, command.getParseResult());
        // A mistyped command or option: name the nearest ones ("Did you mean: ucode list?").
        MistypedCommand.printSuggestions(exception, command.getErr());
        command.getErr().flush();
        return exitCode;
    }

    /** {@code strategy}, with an {@link Error} it throws handled as a failure: picocli hands its handler Exceptions only. */
    IExecutionStrategy catchingErrors(IExecutionStrategy strategy) {
        return new CatchingErrors(strategy);
    }

    // A class, not a lambda, as every implementation of a picocli interface here: see Main.PathConverter.
    private static final class CatchingErrors implements IExecutionStrategy {
        private final IExecutionStrategy strategy;

        CatchingErrors(IExecutionStrategy strategy) {
            this.strategy = strategy;
        }

        @Override
        public int execute(ParseResult parseResult) {
            try {
                return strategy.execute(parseResult);
            } catch (Error e) {
                List<CommandLine> commands = parseResult.asCommandLineList();
                return handle(e, commands.get(commands.size() - 1), parseResult);
            }
        }
    }

    /** The one line for a failure no command line was left to report: {@code ucode: ...}. */
    static String lastResortLine(Throwable failure) {
        return EscapingWriter.escape("ucode: " + classify(failure).message());
    }

    private static int handle(Throwable failure, CommandLine command, ParseResult parseResult) {
        return print(classify(failure), failure, command, parseResult);
    }

    private static int print(Failure failure, Throwable cause, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println(EscapingWriter.escape(command.getCommandSpec().qualifiedName() + ": " + failure.message()));
        if (debugRequested(parseResult)) {
            cause.printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }

    private static Failure classify(Throwable failure) {
        if (failure instanceof CliFailure e) {
            return new Failure(e.exitCode(), e.getMessage());
        }
        if (failure instanceof MicrocodeFormatException e) {
            return new Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
        if (failure instanceof BackendUnavailableException e) {
            return new Failure(ExitCode.NO_BACKEND, oneLine(e));
        }
        if (failure instanceof ApplyException e) {
            return new Failure(ExitCode.APPLY_FAILED, e.getMessage());
        }
        if (failure instanceof InvalidFilterException e) {
            return new Failure(ExitCode.USAGE, e.getMessage());
        }
        if (failure instanceof IOException e) {
            return new Failure(ExitCode.BAD_INPUT, IoMessages.describe(e));
        }
        if (failure instanceof UncheckedIOException e) {
            return new Failure(ExitCode.BAD_INPUT, IoMessages.describe(e.getCause()));
        }
        if (failure instanceof OutOfMemoryError e) {
            return new Failure(ExitCode.INTERNAL_ERROR, "out of memory (" + detail(e) + "): give Java more, as with "
                    + "JAVA_OPTS=-Xmx2g, or " + REPORT);
        }
        return new Failure(ExitCode.INTERNAL_ERROR, "internal error: " + bug(failure) + "; this is a bug: " + REPORT);
    }

    // What went wrong in words: the class names of Errors and bugs mean nothing to the person running ucode.
    private static String bug(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "the stack overflowed";
        }
        if (failure instanceof ExceptionInInitializerError e && e.getCause() != null) {
            return "a class could not be initialised: " + detail(e.getCause());
        }
        return detail(failure);
    }

    private static String detail(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank() ? "no detail given" : failure.getMessage();
    }

    // The exception lists every backend on its own line; one line reads better in a terminal and in a log.
    private static String oneLine(BackendUnavailableException e) {
        String summary = e.getMessage().lines().findFirst().orElse("");
        StringBuilder line = new StringBuilder(summary);
        String separator = " (";
        for (var reason : e.reasons().entrySet()) {
            line.append(separator).append(reason.getKey()).append(": ").append(reason.getValue());
            separator = "; ";
        }
        return e.reasons().isEmpty() ? summary : line.append(')').toString();
    }

    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
