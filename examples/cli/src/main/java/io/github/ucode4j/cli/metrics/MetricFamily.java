package io.github.ucode4j.cli.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One gauge and its samples, printed together under its HELP and TYPE lines as the exposition format asks. A label
 * whose value is empty is left out of its sample: Prometheus reads an absent label and an empty one alike, and an
 * unknown fact is not a value.
 */
public final class MetricFamily {
    private final String name;
    private final String help;
    private final List<String> samples = new ArrayList<>();

    private MetricFamily(String name, String help) {
        this.name = name;
        this.help = help;
    }

    /**
     * A gauge named {@code name}, described by {@code help}, without samples yet.
     *
     * @param name the metric's name, {@code ucode4j_} first
     * @param help what it measures, one line
     * @return the family, to add samples to
     */
    public static MetricFamily gauge(String name, String help) {
        return new MetricFamily(name, help);
    }

    /**
     * Adds a sample of {@code value} with the labels {@code namesAndValues} (name, value, name, value, ...).
     *
     * @param value the sample's value
     * @param namesAndValues the labels, each name followed by its value; values are escaped as the format asks
     * @return this family, to add another
     */
    public MetricFamily sample(double value, String... namesAndValues) {
        StringBuilder line = new StringBuilder(name);
        String separator = "{";
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!namesAndValues[i + 1].isEmpty()) {
                line.append(separator).append(namesAndValues[i]).append("=\"").append(escapeLabelValue(namesAndValues[i + 1])).append('"');
                separator = ",";
            }
        }
        if (!separator.equals("{")) {
            line.append('}');
        }
        samples.add(line.append(' ').append(number(value)).toString());
        return this;
    }

    /**
     * Adds a sample of 1 when {@code condition} holds, else 0.
     *
     * @param condition whether the sample is 1
     * @param namesAndValues the labels, each name followed by its value
     * @return this family, to add another
     */
    public MetricFamily sample(boolean condition, String... namesAndValues) {
        return sample(condition ? 1 : 0, namesAndValues);
    }

    /**
     * The family's name.
     *
     * @return the metric's name, as given to {@link #gauge}
     */
    public String name() {
        return name;
    }

    /**
     * The family's lines, HELP and TYPE first; none when it has no sample, which says "not known" in this format.
     *
     * @return the HELP line, the TYPE line and one line per sample; empty when there is no sample
     */
    public List<String> lines() {
        if (samples.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(samples.size() + 2);
        lines.add("# HELP " + name + " " + escapeHelp(help));
        lines.add("# TYPE " + name + " gauge");
        lines.addAll(samples);
        return lines;
    }

    // Integers as integers (a revision, a count, a time in seconds); the rest without an exponent.
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p53 ? Long.toString((long) value) : BigDecimal.valueOf(value).toPlainString();
    }

    // The format escapes a backslash, a double quote and a line feed in a label value; it has no escape for the other
    // control characters, which no terminal should get either, so they become U+FFFD.
    static String escapeLabelValue(String value) {
        return withoutControls(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));
    }

    private static String escapeHelp(String text) {
        return withoutControls(text.replace("\\", "\\\\").replace("\n", "\\n"));
    }

    private static String withoutControls(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '\ufffd' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
