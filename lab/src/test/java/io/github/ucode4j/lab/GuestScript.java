package io.github.ucode4j.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell script a guest runs: named steps, each bracketed by markers that {@link BootResult} splits the output
 * on, so that one boot can run several scenarios. A step's own failure never stops the script.
 */
final class GuestScript {
    static final String STEP_MARKER = "@@lab-step ";
    static final String EXIT_MARKER = "@@lab-exit ";

    private final List<String> lines = new ArrayList<>();

    GuestScript(String description) {
        lines.add("# " + description);
        // Every step: its name, its output (stderr included), then its exit status and how long it took in ms.
        lines.add("step() { name=$1; shift; echo '" + STEP_MARKER + "'\"$name\"; start=$(date +%s%N); \"$@\" 2>&1; status=$?;"
                + " echo '" + EXIT_MARKER + "'\"$name $status $(( ($(date +%s%N) - start) / 1000000 ))\"; }");
    }

    /** Sets an environment variable for every later step. */
    GuestScript export(String name, String value) {
        lines.add("export " + name + "=" + quote(value));
        return this;
    }

    /** A step that runs one program with its arguments, each passed as is. */
    GuestScript step(String name, List<String> argv) {
        lines.add("step " + quote(name) + " " + argv.stream().map(GuestScript::quote).collect(Collectors.joining(" ")));
        return this;
    }

    /** A step that runs a line of shell (redirections, several commands). */
    GuestScript shellStep(String name, String shell) {
        return step(name, List.of("sh", "-c", shell));
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
