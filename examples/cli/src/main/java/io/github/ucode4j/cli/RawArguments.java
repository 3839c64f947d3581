package io.github.ucode4j.cli;

import io.github.ucode4j.cache.input.PathNames;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command-line arguments as the bytes they were. Java 17 decodes them through the locale's charset before
 * {@code main} and replaces what does not decode (the byte 0xE9 under UTF-8, any byte above 0x7F under the C
 * locale), so a file named so could not be given. Linux keeps the process's arguments in
 * {@code /proc/self/cmdline}; the program's are its last ones, as the launcher expands nothing after the main class
 * or jar.
 */
final class RawArguments {
    private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

    private RawArguments() {
    }

    /**
     * {@code args} as their bytes spell them in UTF-8 ({@link FileNames#carried}); {@code args} themselves where the
     * process's command line is not at hand (not Linux) or does not end with them (a program that calls
     * {@code main} itself).
     */
    static String[] recover(String[] args) {
        if (allAscii(args)) {
            return args; // a byte above 0x7F never decodes to ASCII: these were their bytes already
        }
        byte[] commandLine;
        try {
            commandLine = Files.readAllBytes(COMMAND_LINE);
        } catch (IOException e) {
            return args; // no /proc: the arguments as Java decoded them are all there is
        }
        return recover(args, commandLine, PathNames.charsetOfNames());
    }

    /** {@code args} recovered from {@code commandLine} (NUL-terminated arguments) that Java decoded with {@code decoded}. */
    static String[] recover(String[] args, byte[] commandLine, Charset decoded) {
        List<byte[]> all = split(commandLine);
        if (all.size() < args.length) {
            return args;
        }
        List<byte[]> own = all.subList(all.size() - args.length, all.size());
        String[] recovered = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!new String(own.get(i), decoded).equals(args[i])) {
                return args;
            }
            recovered[i] = FileNames.carried(own.get(i));
        }
        return recovered;
    }

    private static boolean allAscii(String[] args) {
        for (String arg : args) {
            for (int i = 0; i < arg.length(); i++) {
                if (arg.charAt(i) > 0x7F) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<byte[]> split(byte[] commandLine) {
        List<byte[]> arguments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < commandLine.length; i++) {
            if (commandLine[i] == 0) {
                arguments.add(Arrays.copyOfRange(commandLine, start, i));
                start = i + 1;
            }
        }
        return arguments;
    }
}
