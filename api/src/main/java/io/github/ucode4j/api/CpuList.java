package io.github.ucode4j.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * CPU numbers in the kernel's list format, {@code 0-3,8,10-11}: the format of
 * {@code /sys/devices/system/cpu/online} and {@code thread_siblings_list}, and the one every message and table of
 * this project uses for a set of CPUs. A list is a set: ascending, each number once, and every run of two or more
 * neighbours written as a range ({@code 0-1}, as the kernel writes it, not {@code 0,1}).
 */
public final class CpuList {
    /**
     * The highest CPU number {@link #parse} accepts: the kernel's largest {@code NR_CPUS} (8192, x86
     * {@code MAXSMP}) less one. A bound, so that a hostile list ({@code 0-9999999}) cannot make the parser
     * allocate millions of entries.
     */
    public static final int MAX_CPU = 8191;
    private static final Pattern ITEM = Pattern.compile("(\\d{1,7})(?:-(\\d{1,7}))?");

    private CpuList() {
    }

    /**
     * The CPUs of {@code text}, ascending, each once. Items may come in any order and overlap, as the kernel's
     * parser allows; surrounding white space (a file's trailing newline) is ignored, and an empty text is an
     * empty list.
     *
     * @param text a list in the kernel's format, such as {@code 0-3,8}; not null, may be empty or blank
     * @return the CPU numbers, ascending and without repetition; empty for an empty text
     * @throws IllegalArgumentException naming the text and the bad item, when an item is not {@code N} or
     *     {@code N-M} with {@code N <= M}, or names a CPU above {@link #MAX_CPU}
     */
    public static List<Integer> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        BitSet cpus = new BitSet();
        for (String item : trimmed.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw malformed(trimmed, "item '" + item + "' is not a CPU number or a range N-M");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (last < first) {
                throw malformed(trimmed, "range '" + item + "' runs backwards");
            }
            if (last > MAX_CPU) {
                throw malformed(trimmed, "item '" + item + "' names a CPU above " + MAX_CPU);
            }
            cpus.set(first, last + 1);
        }
        return cpus.stream().boxed().toList();
    }

    /**
     * {@code cpus} as a list: ascending, each number once, neighbours collapsed into ranges, whatever the order
     * and repetitions of {@code cpus}: {@code [8, 0, 1, 2, 3, 3]} is {@code 0-3,8}. The empty set is the empty
     * text.
     *
     * @param cpus CPU numbers in any order, repetitions allowed; none negative, none null
     * @return the list in the kernel's format, such as {@code 0-3,8}; the empty string when {@code cpus} is empty
     * @throws IllegalArgumentException when a number is negative
     */
    public static String format(Iterable<Integer> cpus) {
        int[] sorted = StreamSupport.stream(cpus.spliterator(), false).mapToInt(Integer::intValue).sorted().distinct().toArray();
        if (sorted.length > 0 && sorted[0] < 0) {
            throw new IllegalArgumentException("CPU numbers are never negative: " + sorted[0]);
        }
        List<String> items = new ArrayList<>();
        for (int start = 0; start < sorted.length; ) {
            int end = start;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[end] + 1) {
                end++;
            }
            items.add(end == start ? Integer.toString(sorted[start]) : sorted[start] + "-" + sorted[end]);
            start = end + 1;
        }
        return String.join(",", items);
    }

    private static IllegalArgumentException malformed(String list, String why) {
        return new IllegalArgumentException("malformed CPU list '" + list + "': " + why);
    }
}
