package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Locked, aligned copies in real memory: mmap, mlock (or a clear error under RLIMIT_MEMLOCK), every page present. */
class LockedBufferTest {

    private static LockedBuffer lockedOrExplained(MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
        try {
            return LockedBuffer.copyOf(JnaLibc.load(), patch.bytes(), protocol.addressOffset(), protocol.alignment());
        } catch (ApplyException e) {
            // Without CAP_IPC_LOCK a small RLIMIT_MEMLOCK may refuse; then the message must say what to do.
            assertThat(e.getMessage()).contains("ulimit -l", "RLIMIT_MEMLOCK");
            throw e;
        }
    }

    @Test
    void intelDataAtHeaderPlus48IsSixteenByteAligned() throws ApplyException {
        MicrocodePatch patch = TestPatches.intel(CpuSignature.of(0x00050654), 0xb7, 0x2007006);
        try (LockedBuffer buffer = lockedOrExplained(patch, TestPatches.INTEL_PROTOCOL)) {
            assertThat((buffer.address() + 48) % 16).isZero();
            assertThat(buffer.size()).isEqualTo(patch.size());
            assertThat(buffer.bytes()).isEqualTo(patch.bytes());
        }
    }

    @Test
    void amdHeaderIsSixteenByteAlignedAndAPatchOverAPageIsWhole() throws ApplyException {
        MicrocodePatch patch = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 0x0a0011d5, 15296);
        try (LockedBuffer buffer = lockedOrExplained(patch, TestPatches.AMD_PROTOCOL)) {
            assertThat(buffer.address() % 16).isZero();
            assertThat(buffer.bytes()).isEqualTo(patch.bytes());
        }
    }

    @Test
    void anyOffsetCanBeAlignedToAnyPowerOfTwoUpToAPage() throws ApplyException {
        MicrocodePatch patch = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 1, 256);
        for (int offset : new int[] {0, 8, 48, 100}) {
            for (int alignment : new int[] {1, 16, 64, 4096}) {
                try (LockedBuffer buffer = LockedBuffer.copyOf(JnaLibc.load(), patch.bytes(), offset, alignment)) {
                    assertThat((buffer.address() + offset) % alignment).as("offset %d alignment %d", offset, alignment).isZero();
                }
            }
        }
        assertThatThrownBy(() -> LockedBuffer.copyOf(JnaLibc.load(), patch.bytes(), 0, 24)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusedLockSaysToRaiseTheLimitAndClosingTwiceIsHarmless() throws ApplyException {
        MicrocodePatch patch = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 1, 256);
        assertThatThrownBy(() -> LockedBuffer.copyOf(new InterposedLibc().failMlock(Errno.ENOMEM), patch.bytes(), 0, 16))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("locking 4096 bytes in memory failed: Cannot allocate memory (ENOMEM)")
                .hasMessageContaining("raise the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK)");

        LockedBuffer buffer = LockedBuffer.copyOf(JnaLibc.load(), patch.bytes(), 0, 16);
        buffer.close();
        buffer.close();
    }
}
