package io.github.ucode4j.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.TypeConversionException;

/** Starts the {@code ucode} command. */
public final class Main {
    private static final Set<String> VERSION_OPTIONS = Set.of("--version", "-V");

    static {
        // Picocli registers converters for the java.sql and java.time types, and for Path, through reflection each
        // time it starts (12 ms of `ucode status`); no option here has such a type, and Path has its own converter.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*,java\\.nio\\.file\\.Path");
        }
    }

    private Main() {
    }

    /**
     * Runs {@code ucode} with {@code args} and exits with its {@link ExitCode}. The arguments are taken as the bytes
     * they were ({@link RawArguments}), so that a file name that is not valid in the locale can still be given; the
     * output is UTF-8 whatever the locale.
     *
     * @param args the command line's arguments, as the JVM decoded them
     */
    public static void main(String[] args) {
        if (args.length == 1 && VERSION_OPTIONS.contains(args[0]) && printedVersion()) {
            System.exit(ExitCode.OK);
        }
        System.exit(run(RawArguments.recover(args)));
    }

    /**
     * The {@code ucode} command line with every command, with its failure handling and its reading of paths as bytes
     * ({@link FileNames#fromArgument}); set its output streams before executing it.
     *
     * @return a new command line for {@code ucode} and all its subcommands
     */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new UcodeCommandTree()));
    }

    /**
     * The command line a run with {@code args} needs: the top level with only the command they name
     * ({@link NamedCommand}), else with every command; configured as {@link #commandLine()} is.
     */
    static CommandLine commandLine(String[] args) {
        return NamedCommand.of(args)
                .map(command -> configured(new CommandLine(new UcodeCommand()).addSubcommand(command)))
                .orElseGet(Main::commandLine);
    }

    // After the commands are added: picocli gives a converter and the enum setting to the commands it already has.
    private static CommandLine configured(CommandLine commandLine) {
        FailureHandler failures = new FailureHandler();
        return commandLine
                .registerConverter(Path.class, new PathConverter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(failures.catchingErrors(VerboseOption.around(new RunLast())))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    // Whatever escapes the command line (an Error while parsing) still ends as one line and exit code 70.
    private static int run(String[] args) {
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        try {
            return commandLine(args).setOut(out).setErr(err).execute(args);
        } catch (Throwable failure) {
            err.println(FailureHandler.lastResortLine(failure));
            if (List.of(args).contains(FailureHandler.DEBUG_OPTION)) {
                failure.printStackTrace(err);
            }
            return ExitCode.INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    // The version alone is printed without building the command line, which costs several times the JVM's own
    // start. When the version cannot be read, the command line runs instead and reports why as it reports failures.
    private static boolean printedVersion() {
        String[] lines;
        try {
            lines = new UcodeCommand.Version().getVersion();
        } catch (Exception unreadable) {
            return false;
        }
        PrintWriter out = utf8(System.out);
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
        return true;
    }

    /**
     * A path argument as {@link FileNames#fromArgument} reads it.
     *
     * <p>A class, not a lambda, as every implementation of a picocli interface in the command: picocli's class files
     * are of Java 5, and on Java 17 class-data sharing leaves out such a class once the archiving run links it, which
     * a lambda's call site does, and every class that implements or extends it (34 of picocli's, loaded and verified
     * again at each run).
     */
    private static final class PathConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String argument) {
            try {
                return FileNames.fromArgument(argument);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + argument + "' is not a file name: " + e.getMessage());
            }
        }
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
    }
}
