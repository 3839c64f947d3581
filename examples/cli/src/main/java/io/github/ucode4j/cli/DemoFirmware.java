package io.github.ucode4j.cli;

import io.github.ucode4j.amd.AmdPatchBuilder;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.intel.IntelPatchBuilder;
import java.nio.ByteBuffer;
import java.time.LocalDate;

/**
 * The machine {@code ucode demo} simulates and the firmware file it generates for it: one CPU model per vendor, and a
 * patch newer than the one it runs, made by the drivers' builders and read back through the driver like any file.
 *
 * @param vendor the CPUs' vendor
 * @param signature the CPUs' signature
 * @param platformFlags the CPUs' platform flags
 * @param running the revision the CPUs run at first
 * @param newer the revision of the generated patch
 */
public record DemoFirmware(Vendor vendor, CpuSignature signature, PlatformFlags platformFlags, Revision running, Revision newer) {
    private static final LocalDate RELEASED = LocalDate.of(2025, 5, 13);

    /**
     * The demo's CPU model for {@code vendor}: Intel 06-a5-05 (Comet Lake), a CPU whose microcode may be late-loaded; AMD
     * 15-02-00, a family whose loader checks no digest list.
     *
     * @param vendor the vendor; any vendor but Intel gets the AMD model
     * @return that model, with the revision it runs and the newer one the demo loads
     */
    public static DemoFirmware forVendor(Vendor vendor) {
        return vendor == Vendor.INTEL
                ? new DemoFirmware(vendor, CpuSignature.of(0x000a0655), PlatformFlags.ofPlatformId(1), Revision.of(0xb4), Revision.of(0xf8))
                : new DemoFirmware(vendor, CpuSignature.fromDisplay(0x15, 0x02, 0x0), PlatformFlags.NONE, Revision.of(0x0600081c),
                        Revision.of(0x06000852));
    }

    /**
     * A generated firmware file holding one patch; {@code seed} fills the patch body.
     *
     * @param seed the seed of the patch body: the same seed gives the same file
     * @return the file's bytes, positioned at 0: an Intel patch, or an AMD container
     */
    public ByteBuffer generate(long seed) {
        if (vendor == Vendor.INTEL) {
            return ByteBuffer.wrap(IntelPatchBuilder.patch().signature(signature).platformFlags(platformFlags.mask())
                    .revision(newer.value()).date(RELEASED).dataSize(2048, seed).build());
        }
        return AmdPatchBuilder.forCpu(signature).revision(newer).date(RELEASED).seed(seed).build().container();
    }

    /**
     * {@code file}, parsed by the vendor's driver under the name it has in a firmware directory.
     *
     * @param drivers the installed drivers, among which the vendor's is found
     * @param file the file {@link #generate} made; not moved
     * @return the parsed file, named {@code generated/} followed by the vendor's firmware name for the signature
     * @throws IllegalStateException when no driver for the vendor is installed
     * @throws MicrocodeFormatException never for the builders' output; declared because parsing is checked
     */
    public Bundle parse(MicrocodeDrivers drivers, ByteBuffer file) throws MicrocodeFormatException {
        MicrocodeOps driver = driver(drivers);
        return driver.parse(file.duplicate(), "generated/" + driver.firmwareName(signature));
    }

    /**
     * The vendor's driver.
     *
     * @param drivers the installed drivers
     * @return the driver of {@link #vendor()}
     * @throws IllegalStateException when no driver for the vendor is installed
     */
    public MicrocodeOps driver(MicrocodeDrivers drivers) {
        return drivers.forVendor(vendor).orElseThrow(() -> new IllegalStateException("no " + vendor + " driver is installed"));
    }
}
