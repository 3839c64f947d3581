package io.github.ucode4j.cli.iucode;

/**
 * A command line iucode_tool refuses, with its message as iucode_tool words it. {@link #fromOptionParser()} tells
 * who words it: the option parser (prefixed with the program as it was called, as getopt does), or iucode_tool's
 * own check of an option's value (prefixed with its short name, as argp_error does).
 */
final class IucodeToolUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean fromOptionParser;

    private IucodeToolUsageException(String message, boolean fromOptionParser) {
        super(message);
        this.fromOptionParser = fromOptionParser;
    }

    /** An option that is unknown, or lacks its argument or has one it takes none of. */
    static IucodeToolUsageException optionParser(String message) {
        return new IucodeToolUsageException(message, true);
    }

    /** An option's value that iucode_tool refuses (a filter, a date, a file type). */
    static IucodeToolUsageException badValue(String message) {
        return new IucodeToolUsageException(message, false);
    }

    boolean fromOptionParser() {
        return fromOptionParser;
    }
}
