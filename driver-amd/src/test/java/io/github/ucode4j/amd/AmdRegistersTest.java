package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.testing.FakeRegisters;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the driver reads an AMD CPU's platform flags and revision from its registers. */
class AmdRegistersTest {
    private static final AmdMicrocodeOps OPS = new AmdMicrocodeOps();
    private static final SourcedFact<PlatformFlags> NONE =
            new SourcedFact<>(PlatformFlags.NONE, "none: AMD CPUs have no platform id");

    @Test
    void amdCpusHaveNoPlatformFlagsAndNoRegisterIsRead() throws Exception {
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.of(CpuSignature.of(0x00a00f11)))).contains(NONE);
        assertThat(OPS.platformFlagsWithoutRegisters(Optional.empty())).contains(NONE);
        FakeRegisters cpu = new FakeRegisters();
        assertThat(OPS.readPlatformFlags(cpu)).isEqualTo(NONE);
        assertThat(cpu.log()).isEmpty();
    }

    @Test
    void theRevisionIsMsr0x8BsLowDwordReadWithoutAWrite() throws Exception {
        FakeRegisters cpu = new FakeRegisters().msr(0x8B, 0xffffffff_0a0011d5L);
        assertThat(OPS.readRevisionWithoutWriting(cpu))
                .contains(new SourcedFact<>(Revision.of(0x0a0011d5), "MSR 0x8B (low dword)"));
        assertThat(OPS.readRevision(cpu)).isEqualTo(Revision.of(0x0a0011d5));
        assertThat(cpu.log()).containsExactly("read 0x8b", "read 0x8b");
    }

    @Test
    void itsEarlyFileNeedsNoAlignmentBeyondCpiosOwn() {
        assertThat(OPS.earlyCpioAlignment()).isEqualTo(4);
    }
}
