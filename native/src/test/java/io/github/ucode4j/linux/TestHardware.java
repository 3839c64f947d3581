package io.github.ucode4j.linux;

import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.libc.Libc;

/** Hardware for fixture machines: the given C library, and the fixture's (absent) device files. */
final class TestHardware {
    private TestHardware() {
    }

    static Hardware withoutDevices(LinuxRoots roots, Libc libc) {
        CpuDevices devices = new CpuDevices(libc, roots);
        return new Hardware(libc, devices, devices, new AffinityPinning(libc), new PageMap(roots.pagemap()));
    }
}
