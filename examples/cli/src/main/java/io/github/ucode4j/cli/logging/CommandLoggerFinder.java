package io.github.ucode4j.cli.logging;

/**
 * The command's {@link System.LoggerFinder}, registered as a service: every {@link System#getLogger} of the process
 * gets a {@link CommandLogger}. It keeps java.util.logging out of a run: the JDK's default finder would start it at
 * the library's first log call, which costs a command's start-up time whether or not anything is shown.
 */
public final class CommandLoggerFinder extends System.LoggerFinder {
    /** The finder the JDK's service loader makes. */
    public CommandLoggerFinder() {
        // Nothing to set up: the loggers read Verbosity when they are asked.
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new CommandLogger(name);
    }
}
