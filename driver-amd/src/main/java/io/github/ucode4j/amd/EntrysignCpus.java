package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import java.util.List;

/**
 * The CPUs whose microcode signature check is weak (Entrysign, CVE-2024-36347): every family 0x17 and 0x19 CPU, and
 * family 0x1a models 0x00-0x2f, 0x40-0x4f and 0x60-0x7f. The same set for which Linux checks patch digests; the
 * ranges and their provenance are in the driver's resource {@code entrysign-cpus.txt}.
 */
public final class EntrysignCpus {
    private static final String RESOURCE = "entrysign-cpus.txt";

    private EntrysignCpus() {
    }

    /**
     * Whether {@code cpu} has the flaw, so that its loaders check patch digests below the fix's cutoff.
     *
     * @param cpu the CPU's signature
     * @return true when the CPU is one of those with the flaw
     */
    public static boolean affected(CpuSignature cpu) {
        return Holder.RANGES.stream().anyMatch(range -> range.contains(cpu));
    }

    /** The models {@code first} to {@code last} of {@code family}. */
    private record ModelRange(int family, int first, int last) {
        boolean contains(CpuSignature cpu) {
            return cpu.family() == family && cpu.model() >= first && cpu.model() <= last;
        }

        static ModelRange parse(String line) {
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
            }
            return new ModelRange(ResourceLines.hex32(fields[0]), ResourceLines.hex32(fields[1]), ResourceLines.hex32(fields[2]));
        }
    }

    private static final class Holder {
        static final List<ModelRange> RANGES = ResourceLines.read(RESOURCE).stream().map(ModelRange::parse).toList();
    }
}
