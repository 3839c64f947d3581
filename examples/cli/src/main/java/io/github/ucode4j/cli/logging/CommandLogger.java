package io.github.ucode4j.cli.logging;

import io.github.ucode4j.cli.EscapingWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One logger of the command: a record it shows is one line on standard error, {@code ucode: [Planner] CPUs 0-3:
 * UPDATE: ...}, named after the class that logged it, the level written out unless it is DEBUG, with no timestamp
 * (the lines belong to one short run). Control characters are escaped, as a message may quote a file name.
 */
final class CommandLogger implements System.Logger {
    private final String name;
    private final String shortName;

    CommandLogger(String name) {
        this.name = name;
        this.shortName = name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return Verbosity.shows(name, level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        if (isLoggable(level)) {
            print(level, message + (thrown == null ? "" : ": " + thrown));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
        if (isLoggable(level)) {
            print(level, parameters == null || parameters.length == 0 ? format : MessageFormat.format(format, parameters));
        }
    }

    private void print(Level level, String message) {
        String severity = level == Level.DEBUG ? "" : level.getName().toLowerCase(Locale.ROOT) + ": ";
        Verbosity.sink().println(EscapingWriter.escape("ucode: [" + shortName + "] " + severity + message));
    }
}
