package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.host.CpuidLeaf;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.io.IOException;
import java.nio.file.Files;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * This machine's own {@code /dev/cpu/0/cpuid} and {@code /dev/cpu/0/msr}, when they exist and can be read (root,
 * modules loaded); skipped with a message otherwise. Nothing here writes an MSR.
 */
class MachineDevicesTest {

    private static void assumeReadable(String device) {
        boolean readable = Files.isReadable(LinuxRoots.SYSTEM.devCpu().resolve("0/" + device));
        if (!readable) {
            System.err.println("*** SKIPPED: /dev/cpu/0/" + device + " is absent or unreadable (modprobe " + device + ", run as root)");
        }
        assumeTrue(readable, "/dev/cpu/0/" + device + " is absent or unreadable");
    }

    /** The devices through the C library, or through Java's file channels as a probe reads them. */
    private static CpuDevices devices(boolean throughJava) throws ApplyException {
        return throughJava ? CpuDevices.readOnly(LinuxRoots.SYSTEM, JnaLibc::load) : new CpuDevices(JnaLibc.load(), LinuxRoots.SYSTEM);
    }

    @ParameterizedTest(name = "through Java: {0}")
    @ValueSource(booleans = {false, true})
    void cpuidThroughTheDeviceAgreesWithProcCpuinfo(boolean throughJava) throws ApplyException, IOException {
        assumeReadable("cpuid");
        CpuInfo cpuinfo = CpuInfo.read(LinuxRoots.SYSTEM.cpuinfo());
        try (CpuDevices devices = devices(throughJava)) {
            String vendor = devices.cpuid(0, 0, 0).vendorString();
            CpuidLeaf leaf1 = devices.cpuid(0, 1, 0);
            CpuSignature signature = leaf1.signature();

            assertThat(vendor).isEqualTo(cpuinfo.field(0, "vendor_id").orElseThrow());
            assertThat(signature.family()).isEqualTo(cpuinfo.decimal(0, "cpu family").orElseThrow());
            assertThat(signature.model()).isEqualTo(cpuinfo.decimal(0, "model").orElseThrow());
            assertThat(signature.stepping()).isEqualTo(cpuinfo.decimal(0, "stepping").orElseThrow());
            assertThat(leaf1.hypervisorPresent()).isEqualTo(cpuinfo.flags(0).contains("hypervisor"));
            System.out.println("/dev/cpu/0/cpuid: " + vendor + " " + signature + ", hypervisor " + leaf1.hypervisorPresent());
        }
    }

    @ParameterizedTest(name = "through Java: {0}")
    @ValueSource(booleans = {false, true})
    void amdRevisionFromMsr0x8bAgreesWithTheKernel(boolean throughJava) throws ApplyException, IOException {
        assumeReadable("msr");
        CpuInfo cpuinfo = CpuInfo.read(LinuxRoots.SYSTEM.cpuinfo());
        assumeTrue(cpuinfo.field(0, "vendor_id").orElse("").equals("AuthenticAMD"), "the Intel read writes MSR 0x8B; not done here");
        try (CpuDevices devices = devices(throughJava)) {
            Revision revision = MicrocodeDrivers.load().forVendor(Vendor.AMD).orElseThrow()
                    .readRevisionWithoutWriting(msr -> devices.read(0, msr)).orElseThrow().value();
            OptionalLong kernel = cpuinfo.hex(0, "microcode");
            assertThat(kernel).isPresent();
            assertThat(revision.unsigned()).isEqualTo(kernel.getAsLong());
            System.out.println("/dev/cpu/0/msr: MSR 0x8B revision " + revision);
        }
    }
}
