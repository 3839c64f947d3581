package io.github.ucode4j.lab;

import java.util.regex.Pattern;

/**
 * The QEMU CPU models the lab boots, with the Debian firmware file that holds a patch for each and one that holds
 * none for it.
 */
enum CpuModel {
    // The truncation points fall inside the patch for this CPU (Milan's starts at 0x11c6c in the pinned package).
    EPYC_MILAN("EPYC-Milan", "amd", "19-01-01", "amd-ucode/microcode_amd_fam19h.bin", 0x0a0011d5L,
            "amd-ucode/microcode_amd_fam17h.bin", 0x0a001143L, 0x11c6c + 64),
    SKYLAKE_SERVER("Skylake-Server", "intel", "06-55-04", "intel-ucode/06-55-04", 0x02007006L,
            "intel-ucode/06-2a-07", 0x02006e05L, 1024);

    private final String qemuModel;
    private final String vendor;
    private final String familyModelStepping;
    private final String patchFile;
    private final long patchRevision;
    private final String otherCpusFile;
    private final long olderRevision;
    private final int truncatedLength;

    CpuModel(String qemuModel, String vendor, String familyModelStepping, String patchFile, long patchRevision,
            String otherCpusFile, long olderRevision, int truncatedLength) {
        this.qemuModel = qemuModel;
        this.vendor = vendor;
        this.familyModelStepping = familyModelStepping;
        this.patchFile = patchFile;
        this.patchRevision = patchRevision;
        this.otherCpusFile = otherCpusFile;
        this.olderRevision = olderRevision;
        this.truncatedLength = truncatedLength;
    }

    /**
     * QEMU's -cpu for this model running {@code revision}. QEMU returns ucode-rev from MSR 0x8B as is; Intel CPUs
     * keep the revision in the high dword of that MSR, AMD CPUs in the low one.
     */
    String qemuCpu(long revision) {
        long msrValue = vendor.equals("intel") ? revision << 32 : revision;
        return qemuModel + ",ucode-rev=0x" + Long.toHexString(msrValue);
    }

    String qemuModel() {
        return qemuModel;
    }

    /** As the ucode command prints it. */
    String vendor() {
        return vendor;
    }

    /** As the ucode command prints it, e.g. 19-01-01. */
    String familyModelStepping() {
        return familyModelStepping;
    }

    /** The Debian firmware file (under lib/firmware) holding this CPU's newest patch. */
    String patchFile() {
        return patchFile;
    }

    /** The revision of that patch. */
    long patchRevision() {
        return patchRevision;
    }

    /** A Debian firmware file with patches for other CPUs only. */
    String otherCpusFile() {
        return otherCpusFile;
    }

    /** A revision older than the patch, as a real CPU of this model might run. */
    long olderRevision() {
        return olderRevision;
    }

    /** How many bytes of the patch file make a corrupt copy: the file cut inside this CPU's patch. */
    int truncatedLength() {
        return truncatedLength;
    }

    /** AMD CPUs load a patch of the revision they run (Xen and the kernel allow it); Intel only a newer one. */
    boolean reloadsSameRevision() {
        return vendor.equals("amd");
    }

    /**
     * CPU {@code n}'s line in ucode status: where QEMU's {@code -smp 2} puts it (package 0, core {@code n}, no SMT
     * sibling), this model's vendor, signature and {@code revision}.
     */
    Pattern statusLine(int n, long revision) {
        return statusLine(n, n, Integer.toString(n), revision);
    }

    /**
     * CPU {@code n}'s line in ucode status: in package 0, core {@code core}, with the SMT siblings {@code siblings}
     * (as printed, e.g. 0-1), this model's vendor, signature and {@code revision}.
     */
    Pattern statusLine(int n, int core, String siblings, long revision) {
        return Pattern.compile("(?m)^" + n + "\\s+0\\s+" + core + "\\s+" + Pattern.quote(siblings) + "\\s+" + vendor
                + "\\s+" + familyModelStepping + "\\s+0x[0-9a-f]{8}\\s+\\S+\\s+" + hex(revision) + "\\s*$");
    }

    /** A revision as the ucode command prints it: 0x and lower-case hex without leading zeros. */
    static String hex(long revision) {
        return "0x" + Long.toHexString(revision);
    }
}
