package io.github.ucode4j.cli;

import io.github.ucode4j.api.CpuList;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How values are spelled in both text and JSON output, so that the two always agree. */
public final class Display {
    private Display() {
    }

    /**
     * {@code intel}, {@code amd}.
     *
     * @param vendor the vendor
     * @return its name in lower case
     */
    public static String vendor(Vendor vendor) {
        return vendor.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A fact's name as a key: {@code platform_flags}.
     *
     * @param fact the fact
     * @return its name in lower case
     */
    public static String fact(Fact fact) {
        return fact.name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code 0x000906ea}, or null.
     *
     * @param signature the signature, or empty when unknown
     * @return eight hex digits after {@code 0x}, or null when the signature is unknown
     */
    public static String signature(Optional<CpuSignature> signature) {
        return signature.map(CpuSignature::hex).orElse(null);
    }

    /**
     * {@code 06-9e-0a}, or null.
     *
     * @param signature the signature, or empty when unknown
     * @return family, model and stepping in hex, or null when the signature is unknown
     */
    public static String familyModelStepping(Optional<CpuSignature> signature) {
        return signature.map(CpuSignature::familyModelStepping).orElse(null);
    }

    /**
     * {@code 0x02}, or null.
     *
     * @param flags the platform flags, or empty when unknown
     * @return the mask in hex, or null when the flags are unknown
     */
    public static String platformFlags(Optional<PlatformFlags> flags) {
        return flags.map(PlatformFlags::toString).orElse(null);
    }

    /**
     * {@code 0xb4}, or null.
     *
     * @param revision the revision, or empty when unknown
     * @return the revision in hex, or null when it is unknown
     */
    public static String revision(Optional<Revision> revision) {
        return revision.map(Revision::toString).orElse(null);
    }

    /**
     * CPU numbers as the kernel lists them: {@code 0-3,8}.
     *
     * @param cpus the CPU numbers, in any order, none negative; a repeated number counts once
     * @return runs of consecutive numbers as ranges, separated by commas; empty for no CPU
     */
    public static String cpus(List<Integer> cpus) {
        return CpuList.format(cpus);
    }

    /**
     * A short duration in the unit that reads best: {@code 412 µs}, {@code 3.2 ms}.
     *
     * @param duration the duration, not negative
     * @return whole microseconds below 10 ms, else milliseconds with one decimal
     */
    public static String duration(Duration duration) {
        long micros = duration.toNanos() / 1000;
        if (micros < 10_000) {
            return micros + " µs";
        }
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    /**
     * {@code A 2, B 1}, for counts by name.
     *
     * @param counts how many of each constant, in the order they are to be shown
     * @return each constant's name and count, separated by commas; empty for no count
     */
    public static String counts(Map<? extends Enum<?>, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
