package io.github.ucode4j.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A firmware file laid out by the real Intel driver reaches Xen byte for byte, with its length in the op. */
class FirmwareHandoffTest {
    private static final int SIGNATURE = 0x00050654;
    private static final int HEADER = 48;
    private static final int DATA = 2000;

    @TempDir
    Path root;

    /** A valid Intel patch: header, data, and a checksum that makes the dword sum zero. */
    private static ByteBuffer intelPatch(int revision) {
        ByteBuffer bytes = ByteBuffer.allocate(HEADER + DATA).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0, 1).putInt(4, revision).putInt(8, 0x01152024).putInt(12, SIGNATURE)
                .putInt(20, 1).putInt(24, 0x04).putInt(28, DATA).putInt(32, HEADER + DATA);
        for (int i = HEADER; i < bytes.capacity(); i += 4) {
            bytes.putInt(i, i * 0x9e3779b1);
        }
        int sum = 0;
        for (int i = 0; i < bytes.capacity(); i += 4) {
            sum += bytes.getInt(i);
        }
        return bytes.putInt(16, -sum);
    }

    @Test
    void theDriversFirmwareFileIsWhatXenReads() throws Exception {
        MicrocodeOps intel = MicrocodeDrivers.load().forVendor(Vendor.INTEL).orElseThrow();
        Bundle bundle = intel.parse(intelPatch(0x2007006), "test", ParseMode.STRICT);
        ByteBuffer file = intel.firmwareFile(bundle.patches());
        FakeXen xen = new FakeXen(new XenVersion(4, 18),
                List.of(FakeXen.Cpu.online("GenuineIntel", SIGNATURE, 0x04, 0x2006e05))).loadingRevision(0x2007006);
        XenRoots roots = new Dom0Tree(root).dom0(true).cpuinfo("").roots();

        SystemResult result = new XenBackend(roots, () -> xen).applySystem(file,
                new ApplyOptions(false, Optional.of(bundle.patches().get(0)), Duration.ofSeconds(10)));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(result.message()).contains("CPU 0: 0x2006e05 -> 0x2007006");
        FakeXen.Ioctl load = xen.loads().get(0);
        assertThat(load.op().getInt(16)).isEqualTo(HEADER + DATA);
        assertThat(load.blob()).isEqualTo(file);
        assertThat(file.position()).as("the caller's buffer is left as it was").isZero();
    }
}
