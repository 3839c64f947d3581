package io.github.ucode4j.cli;

/** The exit status of every {@code ucode} command; the same meaning whatever the command. */
public final class ExitCode {
    /** Success, or nothing to do because everything is up to date. */
    public static final int OK = 0;
    /** The command line is wrong: an unknown option, a missing argument, a filter that does not parse. */
    public static final int USAGE = 1;
    /** An input is broken or unreadable, or an output cannot be written where asked. */
    public static final int BAD_INPUT = 2;
    /** A load failed, was refused, or left some CPUs behind. */
    public static final int APPLY_FAILED = 3;
    /** No apply backend can run here, or the one asked for cannot. */
    public static final int NO_BACKEND = 4;
    /** Success that changed something (a CPU's revision, a file's bytes); only with {@code --detailed-exitcode}. */
    public static final int CHANGED = 10;
    /** SIGINT arrived during a load: held until the load was over and its report printed (128 + 2, as shells count). */
    public static final int INTERRUPTED = 130;
    /** SIGTERM arrived during a load: held until the load was over and its report printed (128 + 15). */
    public static final int TERMINATED = 143;
    /** A bug in ucode: the one-line message asks for a report with {@code --debug}. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCode() {
    }
}
