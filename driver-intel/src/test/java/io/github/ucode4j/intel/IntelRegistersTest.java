package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.testing.FakeRegisters;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the driver reads an Intel CPU's platform flags and revision from its registers. */
class IntelRegistersTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();

    @Test
    void cpusBeforeFamily6Model5HaveNoPlatformIdAndLaterOnesMustBeRead() {
        SourcedFact<PlatformFlags> none = new SourcedFact<>(PlatformFlags.NONE,
                "none: Intel CPUs before family 6 model 5 have no platform id");
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.of(CpuSignature.fromDisplay(6, 4, 0)))).contains(none);
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.of(CpuSignature.fromDisplay(5, 9, 0)))).contains(none);
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.of(CpuSignature.fromDisplay(6, 5, 0)))).isEmpty();
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.of(CpuSignature.fromDisplay(0xf, 4, 9)))).isEmpty();
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.empty())).as("unknown: read them").isEmpty();
    }

    @Test
    void thePlatformIdIsMsr0x17Bits52To50() throws Exception {
        FakeRegisters cpu = new FakeRegisters().msr(0x17, 0x00120000_00000000L | 0xffffL);
        assertThat(OPS.readPlatformFlags(cpu)).isEqualTo(new SourcedFact<>(PlatformFlags.of(0x10), "MSR 0x17 bits 52:50"));
        assertThat(OPS.readPlatformFlags(new FakeRegisters().msr(0x17, 0xffe3ffff_ffffffffL)).value())
                .as("bits 53 and 49 are not part of it").isEqualTo(PlatformFlags.of(0x01));
        assertThat(cpu.log()).containsExactly("read 0x17");
    }

    @Test
    void theRevisionIsNotReadWithoutTheWriteItNeeds() throws Exception {
        FakeRegisters cpu = new FakeRegisters().msr(0x8B, 0x000000b7_00000000L);
        assertThat(OPS.readRevisionWithoutWriting(cpu)).isEmpty();
        assertThat(cpu.log()).isEmpty();
    }

    @Test
    void theRevisionIsTheHighDwordCpuid1StoresAfterAWriteOf0() throws Exception {
        FakeRegisters cpu = new FakeRegisters().msr(0x8B, 0x0000001_00000000L).cpuidStores(1, 0x8B, 0x800000b7_00000000L);
        assertThat(OPS.readRevision(cpu)).isEqualTo(Revision.of(0x800000b7));
        assertThat(cpu.log()).containsExactly("write 0x8b 0x0", "cpuid 1", "read 0x8b");
    }

    @Test
    void itsEarlyFileStartsOn16Bytes() {
        assertThat(OPS.earlyCpioPath()).isEqualTo("kernel/x86/microcode/GenuineIntel.bin");
        assertThat(OPS.earlyCpioAlignment()).isEqualTo(16);
    }
}
