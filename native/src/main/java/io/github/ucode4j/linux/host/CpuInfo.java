package io.github.ucode4j.linux.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /proc/cpuinfo}, parsed into one block of {@code key : value} fields per {@code processor}.
 *
 * @param processors the fields of each processor block, by processor number, in processor order
 */
public record CpuInfo(Map<Integer, Map<String, String>> processors) {

    /** An empty {@code /proc/cpuinfo}. */
    public static final CpuInfo EMPTY = new CpuInfo(Map.of());

    /**
     * Copies the map, sorted by processor number.
     *
     * @param processors the fields of each processor block, by processor number; each block is kept as given
     */
    public CpuInfo {
        processors = Collections.unmodifiableSortedMap(new TreeMap<>(processors));
    }

    /**
     * Reads and parses {@code file}; a missing file is {@link #EMPTY}.
     *
     * @param file the {@code cpuinfo} file, normally {@code /proc/cpuinfo}
     * @return the processors the file lists, or {@link #EMPTY} when it is not a regular file
     * @throws IOException when the file cannot be read, or holds what the kernel never writes (see {@link #parse})
     */
    public static CpuInfo read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        String text = Files.readString(file);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the text of {@code /proc/cpuinfo}. Fields before the first {@code processor} line and lines without
     * a colon are ignored, as the file's format varies between kernels.
     *
     * @param text the whole file's text, lines separated by {@code \n}
     * @return the processors the text lists, each with its fields; equal to {@link #EMPTY} when it lists none
     * @throws IllegalArgumentException when a {@code processor} line does not hold a number (ASCII digits only), or
     *     holds the number of an earlier one
     */
    public static CpuInfo parse(String text) {
        Map<Integer, Map<String, String>> processors = new HashMap<>();
        Map<String, String> current = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("processor")) {
                current = new HashMap<>();
                if (processors.put(parseProcessorNumber(value), current) != null) {
                    throw new IllegalArgumentException("/proc/cpuinfo: 'processor " + value + "' appears twice");
                }
            } else if (current != null) {
                current.put(key, value);
            }
        }
        Map<Integer, Map<String, String>> frozen = new HashMap<>();
        processors.forEach((cpu, fields) -> frozen.put(cpu, Map.copyOf(fields)));
        return new CpuInfo(frozen);
    }

    // Only what the kernel prints: ASCII digits, no sign (Integer.parseInt alone takes "+1" and other scripts' digits).
    private static int parseProcessorNumber(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("/proc/cpuinfo: 'processor' is not a number: '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /**
     * The field {@code key} of processor {@code cpu}.
     *
     * @param cpu the processor's number, as its {@code processor} line gives it
     * @param key the field's name as the file spells it, such as {@code vendor_id}
     * @return the field's value without surrounding blanks, or empty when the processor or the field is absent
     */
    public Optional<String> field(int cpu, String key) {
        return Optional.ofNullable(processors.getOrDefault(cpu, Map.of()).get(key));
    }

    /**
     * A decimal field ({@code cpu family}, {@code model}, {@code stepping}).
     *
     * @param cpu the processor's number, as its {@code processor} line gives it
     * @param key the field's name as the file spells it
     * @return the field's value, or empty when it is absent or not one to nine ASCII digits
     */
    public OptionalInt decimal(int cpu, String key) {
        Optional<String> value = field(cpu, key);
        if (value.isEmpty() || !value.get().matches("[0-9]{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value.get()));
    }

    /**
     * A {@code 0x}-prefixed hex field ({@code microcode}).
     *
     * @param cpu the processor's number, as its {@code processor} line gives it
     * @param key the field's name as the file spells it
     * @return the field's value as an unsigned 64-bit number, or empty when it is absent or not {@code 0x} followed
     *     by one to sixteen hex digits
     */
    public OptionalLong hex(int cpu, String key) {
        return field(cpu, key).filter(v -> v.matches("0[xX][0-9a-fA-F]{1,16}"))
                .map(v -> OptionalLong.of(Long.parseUnsignedLong(v.substring(2), 16)))
                .orElse(OptionalLong.empty());
    }

    /**
     * The words of the {@code flags} field.
     *
     * @param cpu the processor's number, as its {@code processor} line gives it
     * @return the feature flags, such as {@code hypervisor}; empty when the processor or its field is absent
     */
    public Set<String> flags(int cpu) {
        return field(cpu, "flags").map(f -> Set.copyOf(List.of(f.split("\\s+")))).orElse(Set.of());
    }
}
