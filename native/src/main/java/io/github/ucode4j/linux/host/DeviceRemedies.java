package io.github.ucode4j.linux.host;

import io.github.ucode4j.linux.libc.Errno;

/** What a person can do when an access to {@code /dev/cpu/N/msr} or {@code /dev/cpu/N/cpuid} fails with an errno. */
public final class DeviceRemedies {
    /** The remedy when the kernel refuses MSR writes: the privilege, the msr module's switch and lockdown to check. */
    public static final String WRITES_REFUSED = "MSR writes are refused: run as root (CAP_SYS_RAWIO), check that "
            + "/sys/module/msr/parameters/allow_writes is not 'off' (boot with msr.allow_writes=on), and that kernel "
            + "lockdown is not active (/sys/kernel/security/lockdown; Secure Boot turns it on)";

    private DeviceRemedies() {
    }

    /** Opening {@code /dev/cpu/N/<module>} failed. */
    static String open(String module, int cpu, int errno) {
        return switch (errno) {
            case Errno.ENOENT -> "load the " + module + " module (modprobe " + module + ")";
            case Errno.ENXIO -> offline(cpu);
            case Errno.EPERM, Errno.EACCES -> "run as root: the " + module + " device needs CAP_SYS_RAWIO";
            default -> "";
        };
    }

    /**
     * Reading MSR {@code msr} failed.
     *
     * @param msr the register's number
     * @param cpu the logical CPU read on
     * @param errno the error number the read failed with
     * @return what to do about it, or {@code ""} when there is nothing to suggest for that errno
     */
    public static String read(long msr, int cpu, int errno) {
        return switch (errno) {
            case Errno.EIO -> "the CPU refused to read MSR 0x" + Long.toHexString(msr) + " (#GP): this CPU does not have it";
            case Errno.ENXIO -> offline(cpu);
            case Errno.EPERM, Errno.EACCES -> "run as root (CAP_SYS_RAWIO)";
            default -> "";
        };
    }

    /**
     * Writing MSR {@code msr} failed.
     *
     * @param msr the register's number
     * @param cpu the logical CPU written on
     * @param errno the error number the write failed with
     * @return what to do about it, or {@code ""} when there is nothing to suggest for that errno
     */
    public static String write(long msr, int cpu, int errno) {
        return switch (errno) {
            case Errno.EPERM, Errno.EACCES -> WRITES_REFUSED;
            case Errno.EIO -> "the CPU refused the write to MSR 0x" + Long.toHexString(msr) + " (#GP)";
            case Errno.ENXIO -> offline(cpu);
            default -> "";
        };
    }

    /** Executing CPUID through the device failed. */
    static String cpuid(int cpu, int errno) {
        return errno == Errno.ENXIO ? offline(cpu) : "";
    }

    private static String offline(int cpu) {
        return "CPU " + cpu + " is offline or absent: bring it online (echo 1 > /sys/devices/system/cpu/cpu" + cpu + "/online)";
    }
}
