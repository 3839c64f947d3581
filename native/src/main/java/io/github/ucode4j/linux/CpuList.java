package io.github.ucode4j.linux;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's CPU list format ({@code 0-3,8}), as in {@code /sys/devices/system/cpu/online} and
 * {@code thread_siblings_list}: parsed strictly, and written back the same way.
 */
public final class CpuList {
    /**
     * The highest CPU number accepted: the kernel's largest {@code NR_CPUS} (8192, x86 {@code MAXSMP}) less one. A
     * bound, so that a hostile list ({@code 0-9999999}) cannot make the parser allocate millions of entries.
     */
    public static final int MAX_CPU = 8191;
    private static final Pattern ITEM = Pattern.compile("(\\d{1,7})(?:-(\\d{1,7}))?");

    private CpuList() {
    }

    /**
     * The CPUs of {@code text}, ascending. Surrounding white space (the file's trailing newline) is ignored; an
     * empty text is an empty list.
     *
     * @throws IllegalArgumentException naming the text and the bad item, when an item is not {@code N} or
     *     {@code N-M} with {@code N <= M}, or names a CPU above {@link #MAX_CPU}
     */
    public static List<Integer> parse(String text) {
        String trimmed = text.strip();
        BitSet cpus = new BitSet();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        for (String item : trimmed.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("malformed CPU list '" + trimmed + "': item '" + item
                        + "' is not a CPU number or a range N-M");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (last < first) {
                throw new IllegalArgumentException("malformed CPU list '" + trimmed + "': range '" + item + "' runs backwards");
            }
            if (last > MAX_CPU) {
                throw new IllegalArgumentException("malformed CPU list '" + trimmed + "': item '" + item
                        + "' names a CPU above " + MAX_CPU);
            }
            cpus.set(first, last + 1);
        }
        return cpus.stream().boxed().toList();
    }

    /** {@code cpus} in the kernel's format, ranges collapsed: {@code [0, 1, 2, 3, 8]} is {@code 0-3,8}. */
    public static String format(Iterable<Integer> cpus) {
        BitSet set = new BitSet();
        cpus.forEach(set::set);
        List<String> items = new ArrayList<>();
        for (int first = set.nextSetBit(0); first >= 0; first = set.nextSetBit(set.nextClearBit(first))) {
            int last = set.nextClearBit(first) - 1;
            items.add(first == last ? Integer.toString(first) : first + "-" + last);
        }
        return String.join(",", items);
    }
}
