package io.github.ucode4j.cache;

import java.util.Collection;
import java.util.StringJoiner;
import java.util.TreeSet;

/** Writes CPU numbers as the kernel writes CPU lists: {@code 0-3,8,10-11}. */
final class CpuRanges {
    private CpuRanges() {
    }

    static String format(Collection<Integer> cpus) {
        StringJoiner text = new StringJoiner(",");
        Integer start = null;
        Integer previous = null;
        for (int cpu : new TreeSet<>(cpus)) {
            if (previous != null && cpu == previous + 1) {
                previous = cpu;
                continue;
            }
            if (start != null) {
                text.add(range(start, previous));
            }
            start = cpu;
            previous = cpu;
        }
        if (start != null) {
            text.add(range(start, previous));
        }
        return text.toString();
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
