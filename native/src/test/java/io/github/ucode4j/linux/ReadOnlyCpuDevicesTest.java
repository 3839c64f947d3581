package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuidLeaf;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.LibcLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPU device files read through Java's file channels ({@link CpuDevices#readOnly}): the same values and the same
 * errors as through the C library, which is loaded only to explain a failure Java cannot name.
 */
class ReadOnlyCpuDevicesTest {
    private static final long REVISION = 0x8B;
    private static final long REVISION_VALUE = 0x0a0011d5L;

    @TempDir
    Path root;

    private final AtomicInteger libcLoads = new AtomicInteger();
    private final LibcLoader countingLoader = () -> {
        libcLoads.incrementAndGet();
        return JnaLibc.load();
    };

    /**
     * Ordinary files standing for CPU 0's msr and cpuid devices, with a revision at MSR 0x8B's offset and CPUID leaf
     * 1 at its offset (subleaf 0, leaf 1: offset 1).
     */
    private FixtureMachine devices() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        Files.createDirectories(machine.roots.msr(0).getParent());
        ByteBuffer msr = ByteBuffer.allocate((int) REVISION + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        msr.putLong((int) REVISION, REVISION_VALUE);
        Files.write(machine.roots.msr(0), msr.array());
        ByteBuffer cpuid = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        cpuid.putInt(1, 0x00a20f12).putInt(5, 0x00020800).putInt(9, 0xfeda3203).putInt(13, 0x178bfbff);
        Files.write(machine.roots.cpuid(0), cpuid.array());
        return machine;
    }

    @Test
    void readsWhatTheCLibraryReadsWithoutLoadingIt() throws Exception {
        FixtureMachine machine = devices();
        try (CpuDevices javaDevices = CpuDevices.readOnly(machine.roots, countingLoader);
             CpuDevices libcDevices = new CpuDevices(JnaLibc.load(), machine.roots)) {
            assertThat(javaDevices.read(0, REVISION)).isEqualTo(REVISION_VALUE).isEqualTo(libcDevices.read(0, REVISION));
            CpuidLeaf leaf1 = javaDevices.cpuid(0, 1, 0);
            assertThat(leaf1).isEqualTo(libcDevices.cpuid(0, 1, 0));
            assertThat(leaf1.eax()).isEqualTo(0x00a20f12);
            assertThat(javaDevices.read(0, REVISION)).as("read again through the file kept open").isEqualTo(REVISION_VALUE);
        }
        assertThat(libcLoads).hasValue(0);
    }

    @Test
    void aMissingDeviceFailsAsThroughTheCLibraryWithoutLoadingIt() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        ApplyException throughLibc = failure(() -> new CpuDevices(JnaLibc.load(), machine.roots).read(1, REVISION));

        try (CpuDevices devices = CpuDevices.readOnly(machine.roots, countingLoader)) {
            assertThatThrownBy(() -> devices.read(1, REVISION)).isInstanceOfSatisfying(ApplyException.class, e -> {
                assertThat(e.getMessage()).isEqualTo(throughLibc.getMessage()).contains("No such file or directory (ENOENT)");
                assertThat(e.errno()).isEqualTo(OptionalInt.of(Errno.ENOENT));
                assertThat(e.cpu()).isEqualTo(OptionalInt.of(1));
                assertThat(e.remedy()).isEqualTo(throughLibc.remedy()).isEqualTo("load the msr module (modprobe msr)");
            });
            assertThatThrownBy(() -> devices.cpuid(1, 1, 0)).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("No such file or directory (ENOENT)");
        }
        assertThat(libcLoads).hasValue(0);
    }

    @Test
    void aFailureJavaCannotNameIsAskedOfTheCLibraryForItsErrno() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        Files.createDirectories(machine.roots.msr(0));

        try (CpuDevices devices = CpuDevices.readOnly(machine.roots, countingLoader)) {
            assertThatThrownBy(() -> devices.read(0, REVISION)).isInstanceOfSatisfying(ApplyException.class, e -> {
                assertThat(e.errno()).as("EISDIR, from the C library").isEqualTo(OptionalInt.of(21));
                assertThat(e.getMessage()).startsWith("reading MSR 0x8b on CPU 0 failed: ");
            });
        }
        assertThat(libcLoads).hasValue(1);
    }

    @Test
    void anOffsetPastWhatAFileChannelAddressesGoesThroughTheCLibrary() throws Exception {
        FixtureMachine machine = devices();

        try (CpuDevices devices = CpuDevices.readOnly(machine.roots, countingLoader)) {
            // Subleaf 2^31 puts the offset past 2^63: a regular file refuses it (EINVAL), the cpuid device would not.
            assertThatThrownBy(() -> devices.cpuid(0, 1, 0x80000000)).isInstanceOfSatisfying(ApplyException.class,
                    e -> assertThat(e.errno()).isEqualTo(OptionalInt.of(Errno.EINVAL)));
        }
        assertThat(libcLoads).hasValue(1);
    }

    @Test
    void withoutTheCLibraryAFailureJavaCannotNameKeepsJavasWordsAndSaysWhy() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        Files.createDirectories(machine.roots.msr(0));
        LibcLoader unavailable = () -> {
            throw new ApplyException("JNA could not bind the C library", "install JNA");
        };

        try (CpuDevices devices = CpuDevices.readOnly(machine.roots, unavailable)) {
            assertThatThrownBy(() -> devices.read(0, REVISION)).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("reading " + machine.roots.msr(0) + " failed: Is a directory")
                    .hasMessageContaining("the C library, which would name the errno, cannot be loaded: JNA could not bind");
        }
    }

    @Test
    void writesAreRefusedWithoutOpeningAnything() throws Exception {
        FixtureMachine machine = devices();
        byte[] before = Files.readAllBytes(machine.roots.msr(0));

        try (CpuDevices devices = CpuDevices.readOnly(machine.roots, countingLoader)) {
            assertThatThrownBy(() -> devices.write(0, REVISION, 0)).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("writing MSR 0x8b on CPU 0 was refused: these devices were opened for reading only");
        }
        assertThat(Files.readAllBytes(machine.roots.msr(0))).isEqualTo(before);
    }

    private static ApplyException failure(Access access) {
        try {
            access.run();
        } catch (ApplyException e) {
            return e;
        }
        throw new AssertionError("the access did not fail");
    }

    @FunctionalInterface
    private interface Access {
        void run() throws ApplyException;
    }
}
