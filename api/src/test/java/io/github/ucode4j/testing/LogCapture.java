package io.github.ucode4j.testing;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log records one class's {@link System.Logger} produces while a test runs, at every level. The JDK's default
 * logger finder hands {@code System.getLogger(name)} records to the java.util.logging logger of that name, so a
 * handler attached to it sees them; {@link #close()} detaches it and puts the level back.
 *
 * <p>Each record is kept as one line, {@code LEVEL message}, with the level named as {@link System.Logger.Level}
 * names it ({@code DEBUG}, {@code TRACE}, {@code WARNING}...), so that tests assert on what an embedder's
 * logging would show, not on java.util.logging's names.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(levelName(record.getLevel()) + " " + text(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        previousLevel = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Starts capturing what {@code source}'s logger (named after the class) records. */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** Every record so far, {@code LEVEL message}, oldest first. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The messages recorded at {@code level}, oldest first. */
    public List<String> messages(System.Logger.Level level) {
        String prefix = level.getName() + " ";
        return lines().stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }

    private static String text(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? record.getMessage() : MessageFormat.format(record.getMessage(), parameters);
    }

    // java.util.logging's levels back to System.Logger's, as the JDK maps them.
    private static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return System.Logger.Level.ERROR.getName();
        }
        if (value >= Level.WARNING.intValue()) {
            return System.Logger.Level.WARNING.getName();
        }
        if (value >= Level.INFO.intValue()) {
            return System.Logger.Level.INFO.getName();
        }
        if (value >= Level.FINE.intValue()) {
            return System.Logger.Level.DEBUG.getName();
        }
        return System.Logger.Level.TRACE.getName();
    }
}
