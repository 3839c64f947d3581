package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Owned native memory: whole pages, zero-filled, locked and kept from children, freed once however often closed. */
class MemoryRegionTest {

    @Test
    void lockedMemoryIsWholePagesZeroFilledLockedKeptFromChildrenAndWritableThroughItsView() throws ApplyException {
        InterposedLibc libc = new InterposedLibc();
        try (MemoryRegion region = MemoryRegion.locked(libc, 5000)) {
            assertThat(region.length()).isEqualTo(2 * MemoryRegion.PAGE_SIZE);
            assertThat(region.address() % MemoryRegion.PAGE_SIZE).isZero();
            ByteBuffer view = region.bytes();
            assertThat(view.capacity()).isEqualTo(2 * MemoryRegion.PAGE_SIZE);
            assertThat(view.isDirect()).isTrue();
            for (int i = 0; i < view.capacity(); i++) {
                assertThat(view.get(i)).as("byte %d", i).isZero();
            }
            view.putLong(4096, 0x1122334455667788L);
            assertThat(region.bytes().get(4096)).as("little-endian, one memory").isEqualTo((byte) 0x88);
            assertThat(libc.memoryCalls()).containsExactly("mmap " + region.length(), "mlock " + region.length(), "madvise " + region.length() + " "
                    + Libc.MADV_DONTFORK);
        }
    }

    @Test
    void closingTwiceUnlocksAndUnmapsOnce() throws ApplyException {
        InterposedLibc libc = new InterposedLibc();
        MemoryRegion region = MemoryRegion.locked(libc, 1);

        region.close();
        region.close();

        assertThat(libc.memoryCalls()).containsExactly("mmap 4096", "mlock 4096", "madvise 4096 " + Libc.MADV_DONTFORK,
                "munlock 4096", "munmap 4096");
    }

    @Test
    void aRefusedMappingSaysWhatWasAskedFor() throws ApplyException {
        InterposedLibc libc = new InterposedLibc().failMmap(Errno.ENOMEM);

        assertThatThrownBy(() -> MemoryRegion.locked(libc, 5000))
                .isInstanceOf(ApplyException.class)
                .hasMessage("mapping 8192 bytes of memory failed: Cannot allocate memory (ENOMEM)");
        assertThat(libc.memoryCalls()).isEmpty();
    }

    @Test
    void aRefusedLockSaysToRaiseTheLimitAndLeavesNothingMapped() throws ApplyException {
        InterposedLibc libc = new InterposedLibc().failMlock(Errno.EAGAIN);

        assertThatThrownBy(() -> MemoryRegion.locked(libc, 100))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("locking 4096 bytes in memory failed")
                .hasMessageContaining("raise the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK)");
        assertThat(libc.memoryCalls()).as("never locked, so only unmapped").containsExactly("mmap 4096", "munmap 4096");
    }
}
