package io.github.ucode4j.cli.logging;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.concurrent.Callable;

/**
 * How much of the library's logging a run of {@code ucode} shows, and where: process-wide, as logging is. By default
 * records at INFO and above (the library logs there only what a user must see); with {@code --verbose} also the
 * library's decisions (DEBUG), and with it twice their detail (TRACE). Other loggers (the JDK's) stay at INFO.
 */
public final class Verbosity {
    /** The prefix of the library's logger names: its classes' packages. */
    static final String LIBRARY = "io.github.ucode4j.";

    private static final Setting QUIET = new Setting(Level.INFO, new PrintWriter(System.err, true));

    private static volatile Setting current = QUIET;

    /** The lowest level shown for the library's loggers, and the writer the lines go to. */
    private record Setting(Level libraryLevel, PrintWriter sink) {
    }

    private Verbosity() {
    }

    /**
     * Runs {@code run} with the library's records from {@code level} up printed to {@code sink}, then puts back the
     * default.
     *
     * @param <T> what {@code run} returns
     * @param level the least severe level printed
     * @param sink where the records are printed, one line each; flushed at the end
     * @param run the work whose records to print
     * @return what {@code run} returned
     * @throws Exception what {@code run} threw, after the default is put back
     */
    public static <T> T during(Level level, PrintWriter sink, Callable<T> run) throws Exception {
        current = new Setting(level, sink);
        try {
            return run.call();
        } finally {
            sink.flush();
            current = QUIET;
        }
    }

    /**
     * The level {@code --verbose} given {@code times} times asks for: INFO, DEBUG, then TRACE.
     *
     * @param times how many times {@code --verbose} (or {@code -v}) was given; 0 or less when it was not
     * @return INFO for none, DEBUG for once, TRACE for twice or more
     */
    public static Level forCount(int times) {
        return times <= 0 ? Level.INFO : times == 1 ? Level.DEBUG : Level.TRACE;
    }

    static boolean shows(String logger, Level level) {
        Level lowest = logger.startsWith(LIBRARY) ? current.libraryLevel() : Level.INFO;
        return level != Level.OFF && level.getSeverity() >= lowest.getSeverity();
    }

    static PrintWriter sink() {
        return current.sink();
    }
}
