package io.github.ucode4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ucode4j.cli.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code ucode} in this JVM, as {@link Main} would, with standard output and error captured. */
final class Ucode {
    private Ucode() {
    }

    /**
     * What one run printed and returned.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }
    }

    /** Runs {@code ucode args}. */
    static Run run(String... args) {
        return run(Main.commandLine(), args);
    }

    /** Runs {@code ucode args} with {@code command} added to the commands, for a failure no real command can cause. */
    static Run runWith(Object command, String... args) {
        return run(Main.commandLine().addSubcommand(command), args);
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
