package io.github.ucode4j.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean" for a mistyped command: the commands within two edits (a letter added, removed, changed, or two
 * neighbours swapped) of the word typed. Picocli's own suggestions compare pairs of letters, which finds nothing
 * like {@code list} in {@code lsit}; they still serve for mistyped options.
 */
final class MistypedCommand {
    private static final int MAX_EDITS = 2;

    private MistypedCommand() {
    }

    /**
     * Prints on {@code err} what {@code failure} may have meant, if anything is near enough: the nearest commands
     * for a word where a command was expected, picocli's suggestions for a mistyped option.
     */
    static void printSuggestions(ParameterException failure, PrintWriter err) {
        CommandLine command = failure.getCommandLine();
        if (!(failure instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return;
        }
        String typed = unmatched.getUnmatched().get(0);
        if (typed.startsWith("-") || command.getSubcommands().isEmpty()) {
            UnmatchedArgumentException.printSuggestions(failure, err);
            return;
        }
        List<String> near = nearest(typed, command.getSubcommands().keySet());
        String name = command.getCommandSpec().qualifiedName();
        if (!near.isEmpty()) {
            err.println("Did you mean: " + String.join(" or ", near.stream().map(c -> name + " " + c).toList()) + "?");
        }
    }

    /** The {@code candidates} within two edits of {@code typed}, nearest first. */
    static List<String> nearest(String typed, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> edits(typed, candidate) <= MAX_EDITS)
                .sorted((a, b) -> Integer.compare(edits(typed, a), edits(typed, b)))
                .toList();
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
