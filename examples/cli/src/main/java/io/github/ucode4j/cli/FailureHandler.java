package io.github.ucode4j.cli;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.BackendUnavailableException;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.cache.InvalidFilterException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and an {@link ExitCode}: expected failures (bad input, no
 * backend, a failed load, a usage error) name what is wrong and where; only {@code --debug} adds the stack trace.
 * The line's control characters are escaped: a message may quote a file name.
 */
final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String DEBUG_OPTION = "--debug";

    private record Failure(int exitCode, String message) {
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        Failure failure = classify(exception);
        PrintWriter err = command.getErr();
        err.println(EscapingWriter.escape(prefix(command) + failure.message()));
        if (debugRequested(parseResult)) {
            exception.printStackTrace(err);
        }
        err.flush();
        return failure.exitCode();
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(EscapingWriter.escape(prefix(command) + exception.getMessage() + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')"));
        if (debugRequested(command.getParseResult())) {
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    private static Failure classify(Exception exception) {
        if (exception instanceof CliFailure failure) {
            return new Failure(failure.exitCode(), failure.getMessage());
        }
        if (exception instanceof MicrocodeFormatException e) {
            return new Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
        if (exception instanceof BackendUnavailableException e) {
            return new Failure(ExitCode.NO_BACKEND, oneLine(e));
        }
        if (exception instanceof ApplyException e) {
            return new Failure(ExitCode.APPLY_FAILED, e.getMessage());
        }
        if (exception instanceof InvalidFilterException e) {
            return new Failure(ExitCode.USAGE, e.getMessage());
        }
        if (exception instanceof NoSuchFileException e) {
            return new Failure(ExitCode.BAD_INPUT, e.getFile() + ": no such file or directory");
        }
        if (exception instanceof IOException e) {
            return new Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
        return new Failure(ExitCode.INTERNAL_ERROR, "internal error: " + exception + "; this is a bug: run again with "
                + DEBUG_OPTION + " and report what it prints");
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

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
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
