package io.github.ucode4j.lab;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What one boot left: the guest command's output split into its steps, its exit status and the serial console. */
final class BootResult {
    private static final Pattern EXIT = Pattern.compile(Pattern.quote(GuestScript.EXIT_MARKER) + "(\\S+) (\\d+) (\\d+)");

    private final String name;
    private final String output;
    private final int status;
    private final String serial;
    private final Duration elapsed;
    private final Map<String, StepResult> steps;

    BootResult(String name, String output, int status, String serial, Duration elapsed) {
        this.name = name;
        this.output = output;
        this.status = status;
        this.serial = serial;
        this.elapsed = elapsed;
        this.steps = parseSteps(output);
    }

    /** The step called {@code stepName}; fails the test, with everything the guest printed, when it did not finish. */
    StepResult step(String stepName) {
        StepResult step = steps.get(stepName);
        if (step == null) {
            throw new AssertionError("boot " + name + " (exit " + status + ") has no finished step " + stepName
                    + "; the guest printed:\n" + output + "\nthe serial console ends:\n" + tail(serial, 40));
        }
        return step;
    }

    /** Xen's own console lines, "(XEN) ..." (empty for a Linux boot). */
    List<String> xenLines() {
        return serial.lines().filter(line -> line.startsWith("(XEN)")).collect(Collectors.toList());
    }

    /**
     * Xen's console lines printed while step {@code stepName} ran: the guest's output goes to the same serial console,
     * markers included.
     */
    List<String> xenLinesDuring(String stepName) {
        List<String> lines = serial.lines().map(String::strip).collect(Collectors.toList());
        int start = lines.indexOf(GuestScript.STEP_MARKER + stepName);
        int end = start < 0 ? -1 : indexOfPrefix(lines, GuestScript.EXIT_MARKER + stepName + " ", start);
        if (end < 0) {
            throw new AssertionError("the serial console of boot " + name + " has no complete step " + stepName);
        }
        return lines.subList(start, end).stream().filter(line -> line.contains("(XEN)")).collect(Collectors.toList());
    }

    private static int indexOfPrefix(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    int status() {
        return status;
    }

    String serial() {
        return serial;
    }

    Duration elapsed() {
        return elapsed;
    }

    String summary() {
        return "boot " + name + ": " + elapsed.toMillis() / 1000.0 + " s, exit " + status + steps.values().stream()
                .map(s -> "\n  " + s.name() + ": exit " + s.status() + ", " + s.elapsed().toMillis() / 1000.0 + " s")
                .collect(Collectors.joining());
    }

    private static Map<String, StepResult> parseSteps(String output) {
        Map<String, StepResult> steps = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : output.split("\n", -1)) {
            Matcher exit = EXIT.matcher(line);
            if (line.startsWith(GuestScript.STEP_MARKER)) {
                current = new StringBuilder();
            } else if (exit.matches() && current != null) {
                steps.put(exit.group(1), new StepResult(exit.group(1), current.toString(), Integer.parseInt(exit.group(2)),
                        Duration.ofMillis(Long.parseLong(exit.group(3)))));
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return steps;
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
