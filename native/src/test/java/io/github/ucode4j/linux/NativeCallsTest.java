package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuidLeaf;
import io.github.ucode4j.linux.host.DeviceRemedies;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real system calls through the JNA bindings, without privileges: the msr device's offset semantics on an
 * ordinary file, errno as a typed exception with what to do.
 */
class NativeCallsTest {
    private static final long PATCH_LOADER = 0xC0010020L;

    @TempDir
    Path root;

    private final Libc libc = load();

    private static Libc load() {
        try {
            return JnaLibc.load();
        } catch (ApplyException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void preadAndPwriteUseTheMsrNumberAsTheFileOffset() throws Exception {
        Path file = Files.createFile(root.resolve("msr"));
        int fd = libc.open(file.toString(), Libc.O_RDWR | Libc.O_CLOEXEC);
        try {
            ByteBuffer out = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 0x1122334455667788L);
            ByteBuffer in = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(libc.pwrite(fd, out, 8, PATCH_LOADER)).isEqualTo(8);
            assertThat(libc.pread(fd, in, 8, PATCH_LOADER)).isEqualTo(8);
            assertThat(in.getLong(0)).isEqualTo(0x1122334455667788L);
        } finally {
            libc.close(fd);
        }
        assertThat(Files.size(file)).as("the offset is the unsigned MSR number").isEqualTo(PATCH_LOADER + 8);
        ByteBuffer stored = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(stored, PATCH_LOADER);
        }
        assertThat(stored.get(0)).as("little-endian: low byte first").isEqualTo((byte) 0x88);
        assertThat(stored.getLong(0)).isEqualTo(0x1122334455667788L);
    }

    @Test
    void cpuDevicesReadAndWriteMsrsAndCpuidLeavesAtTheirOffsets() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        Files.createDirectories(machine.roots.msr(0).getParent());
        Files.createFile(machine.roots.msr(0));
        ByteBuffer leaf = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0x00a00f11).putInt(0x20800).putInt(0x80000000).putInt(0).flip();
        try (FileChannel cpuid = FileChannel.open(machine.roots.cpuid(0), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            cpuid.write(leaf, 3L << 32 | 1);
        }

        try (CpuDevices devices = new CpuDevices(libc, machine.roots)) {
            devices.write(0, PATCH_LOADER, 0xffff888012345000L);
            assertThat(devices.read(0, PATCH_LOADER)).isEqualTo(0xffff888012345000L);
            CpuidLeaf read = devices.cpuid(0, 1, 3);
            assertThat(read.signature().hex()).isEqualTo("0x00a00f11");
            assertThat(read.hypervisorPresent()).isTrue();
        }
    }

    @Test
    void errnoIsReadOnlyWhenTheReturnValueSaysTheCallFailed() throws Exception {
        Path missing = root.resolve("missing");
        assertThatThrownBy(() -> libc.open(missing.toString(), Libc.O_RDONLY))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errnoValue()).isEqualTo(Errno.ENOENT))
                .hasMessage("open " + missing + " failed: No such file or directory (ENOENT)");
        // errno is still ENOENT from the call above; a call that succeeds must not report it.
        Path present = Files.createFile(root.resolve("present"));
        int fd = libc.open(present.toString(), Libc.O_RDONLY);
        try {
            assertThat(libc.pread(fd, ByteBuffer.allocateDirect(8), 8, 0)).isZero();
        } finally {
            libc.close(fd);
        }
        // -1, not the closed descriptor: another thread of the JVM may already have been given that number again.
        assertThatThrownBy(() -> libc.pread(-1, ByteBuffer.allocateDirect(8), 8, 0)).isInstanceOfSatisfying(ErrnoException.class,
                e -> assertThat(e.errno()).isEqualTo(OptionalInt.of(Errno.EBADF)));
    }

    @Test
    void geteuidIsTheEffectiveUserIdTheKernelReports() throws IOException {
        String uidLine = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
        int effective = Integer.parseInt(uidLine.split("\\s+")[2]);
        assertThat(libc.geteuid()).isEqualTo(effective);
    }

    @Test
    void eachMsrDeviceErrnoSaysWhatToDo() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        Files.createDirectories(machine.roots.msr(0).getParent());
        Files.createFile(machine.roots.msr(0));
        String msr0 = machine.roots.msr(0).toString();

        try (CpuDevices absent = new CpuDevices(libc, machine.roots)) {
            assertThatThrownBy(() -> absent.read(1, 0x8B)).isInstanceOfSatisfying(ApplyException.class, e -> {
                assertThat(e.errno()).isEqualTo(OptionalInt.of(Errno.ENOENT));
                assertThat(e.cpu()).isEqualTo(OptionalInt.of(1));
                assertThat(e.remedy()).isEqualTo("load the msr module (modprobe msr)");
            });
        }
        assertFailure(new InterposedLibc().failWrite(msr0, Errno.EPERM), machine, d -> d.write(0, 0x79, 0), Errno.EPERM,
                "writing MSR 0x79 on CPU 0 failed: Operation not permitted (EPERM); " + DeviceRemedies.WRITES_REFUSED);
        assertFailure(new InterposedLibc().failWrite(msr0, Errno.EIO), machine, d -> d.write(0, PATCH_LOADER, 0), Errno.EIO,
                "the CPU refused the write to MSR 0xc0010020 (#GP)");
        assertFailure(new InterposedLibc().failRead(msr0, Errno.EIO), machine, d -> d.read(0, 0x17), Errno.EIO,
                "the CPU refused to read MSR 0x17 (#GP)");
        assertFailure(new InterposedLibc().failOpen(msr0, Errno.ENXIO), machine, d -> d.read(0, 0x8B), Errno.ENXIO,
                "CPU 0 is offline or absent");
        assertFailure(new InterposedLibc().failOpen(msr0, Errno.EACCES), machine, d -> d.read(0, 0x8B), Errno.EACCES,
                "run as root");
    }

    private interface DeviceAccess {
        void run(CpuDevices devices) throws ApplyException;
    }

    private static void assertFailure(Libc libc, FixtureMachine machine, DeviceAccess access, int errno, String message) throws ApplyException {
        try (CpuDevices devices = new CpuDevices(libc, machine.roots)) {
            assertThatThrownBy(() -> access.run(devices)).isInstanceOfSatisfying(ErrnoException.class,
                    e -> assertThat(e.errnoValue()).isEqualTo(errno)).hasMessageContaining(message);
        }
    }
}
