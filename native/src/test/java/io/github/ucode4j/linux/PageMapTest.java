package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual to physical through pagemap: a fixture file for the decoding, this process's own for the real thing. */
class PageMapTest {
    private static final long PRESENT = 1L << 63;

    @TempDir
    Path root;

    private Path pagemap(long... entries) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(entries.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long entry : entries) {
            bytes.putLong(entry);
        }
        return Files.write(root.resolve("pagemap"), bytes.array());
    }

    @Test
    void presentContiguousPagesGiveTheFirstFramesAddressPlusTheOffset() throws Exception {
        PageMap map = new PageMap(pagemap(0, 0, PRESENT | 0x1234, PRESENT | 0x1235 | 1L << 55));

        assertThat(map.physicalAddressOf(0x2010, 5000)).isEqualTo(0x1234010L);
    }

    @Test
    void scatteredAbsentOrHiddenFramesAreRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> new PageMap(pagemap(PRESENT | 7, PRESENT | 9)).physicalAddressOf(0x10, 5000))
                .isInstanceOf(ApplyException.class).hasMessageContaining("not physically contiguous");
        assertThatThrownBy(() -> new PageMap(pagemap(7)).physicalAddressOf(0x10, 16))
                .isInstanceOf(ApplyException.class).hasMessageContaining("not present");
        assertThatThrownBy(() -> new PageMap(pagemap(PRESENT)).physicalAddressOf(0x10, 16))
                .isInstanceOf(ApplyException.class).hasMessageContaining("hides page frame numbers").hasMessageContaining("run as root");
        assertThatThrownBy(() -> new PageMap(pagemap(PRESENT | 7)).physicalAddressOf(0x1010, 16))
                .isInstanceOf(ApplyException.class).hasMessageContaining("ends before page 0x1000");
    }

    @Test
    void thisProcesssLockedPageHasAFrameForRootAndAClearRefusalOtherwise() throws ApplyException {
        PageMap map = new PageMap(LinuxRoots.SYSTEM.pagemap());
        try (LockedBuffer buffer = LockedBuffer.copyOf(JnaLibc.load(),
                TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 1, 1024).bytes(), 0, 16)) {
            if (JnaLibc.load().geteuid() == 0) {
                long physical = map.physicalAddressOf(buffer.address(), buffer.size());
                assertThat(physical).isPositive();
                assertThat(physical % MemoryRegion.PAGE_SIZE).isEqualTo(buffer.address() % MemoryRegion.PAGE_SIZE);
                System.out.printf("locked buffer at 0x%x is at physical 0x%x%n", buffer.address(), physical);
            } else {
                assertThatThrownBy(() -> map.physicalAddressOf(buffer.address(), buffer.size()))
                        .isInstanceOf(ApplyException.class).hasMessageContaining("run as root");
            }
        }
    }
}
