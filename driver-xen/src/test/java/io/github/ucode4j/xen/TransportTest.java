package io.github.ucode4j.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the kernel through the session: the device and its flags, the ioctl request, the 48-byte argument
 * pointing at the op, the op pointing at the blob, and memory of the right kind, all released afterwards.
 */
class TransportTest {
    private static final List<FakeXen.Cpu> ONE_CPU = List.of(FakeXen.Cpu.online("GenuineIntel", 0x00050654, 0x04, 0x2006e05));

    @TempDir
    Path root;

    private static ByteBuffer blob(int size) {
        ByteBuffer blob = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            blob.put(i, (byte) (i * 31 + 7));
        }
        return blob;
    }

    @Test
    void aLoadHandsXenTheOpAndTheBlobThroughTheHypercallDevice() throws IOException, ApplyException {
        XenRoots roots = new Dom0Tree(root).dom0(true).roots();
        FakeXen xen = new FakeXen(new XenVersion(4, 17), ONE_CPU);
        ByteBuffer blob = blob(5000);

        try (XenSession session = XenSession.open(xen, roots)) {
            assertThat(session.loadMicrocode(blob, false)).isZero();
        }

        FakeXen.Ioctl load = xen.loads().get(0);
        assertThat(load.request()).isEqualTo(0x00305000L);
        assertThat(load.fd()).isEqualTo(100);
        assertThat(xen.opened.get(0)).isEqualTo(roots.privcmd().toString());
        assertThat(xen.openFlags.get(0)).isEqualTo(Libc.O_RDWR | Libc.O_CLOEXEC);
        assertThat(load.argument().capacity()).isEqualTo(48);
        assertThat(load.argument().getLong(0)).isEqualTo(7);
        assertThat(load.argument().getLong(16)).isZero();

        // The op is the first mapping of the hypercall device; the blob is the second.
        FakeXen.Mapping opMemory = xen.mappings.get(0);
        FakeXen.Mapping blobMemory = xen.mappings.get(1);
        assertThat(load.argument().getLong(8)).isEqualTo(opMemory.address());
        assertThat(List.of(opMemory, blobMemory)).allSatisfy(m -> {
            assertThat(m.flags()).isEqualTo(Libc.MAP_SHARED);
            assertThat(m.protection()).isEqualTo(Libc.PROT_READ | Libc.PROT_WRITE);
            assertThat(m.file()).isEqualTo(roots.hypercallMemory().toString());
            assertThat(m.length() % 4096).isZero();
        });
        assertThat(blobMemory.length()).isEqualTo(8192);
        assertThat(load.op()).isEqualTo(PlatformOp.microcodeUpdate(blobMemory.address(), 5000));
        assertThat(load.op().getInt(16)).isEqualTo(blob.remaining());
        assertThat(load.blob()).isEqualTo(blob);
        assertThat(xen.advice).isEmpty();
        assertThat(xen.locks).as("the kernel's own hypercall pages need no lock").isEmpty();
        assertThat(xen.released()).isTrue();
    }

    @Test
    void withoutTheHypercallDeviceTheMemoryIsAnonymousLockedAndKeptFromChildren() throws IOException, ApplyException {
        XenRoots roots = new Dom0Tree(root).dom0(false).roots();
        FakeXen xen = new FakeXen(new XenVersion(4, 17), ONE_CPU);

        try (XenSession session = XenSession.open(xen, roots)) {
            session.loadMicrocode(blob(100), false);
        }

        assertThat(xen.mappings).hasSize(2).allSatisfy(m -> {
            assertThat(m.flags()).isEqualTo(Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS);
            assertThat(m.file()).isNull();
        });
        // mlock, not MAP_LOCKED: mmap does not fail when MAP_LOCKED cannot make every page present, mlock does.
        assertThat(xen.locks).containsExactly(
                Long.toHexString(xen.mappings.get(0).address()) + "+4096",
                Long.toHexString(xen.mappings.get(1).address()) + "+4096");
        assertThat(xen.advice).containsExactly(
                Long.toHexString(xen.mappings.get(0).address()) + "+4096:" + Libc.MADV_DONTFORK,
                Long.toHexString(xen.mappings.get(1).address()) + "+4096:" + Libc.MADV_DONTFORK);
        assertThat(xen.loads().get(0).blob()).isEqualTo(blob(100));
        assertThat(xen.released()).isTrue();
    }

    @Test
    void theXenfsDeviceServesWhenDevXenHasNoPrivcmd() throws IOException, ApplyException {
        Dom0Tree tree = new Dom0Tree(root).dom0(false).delete("dev/xen/privcmd").write("proc/xen/privcmd", "");
        FakeXen xen = new FakeXen(new XenVersion(4, 17), ONE_CPU);

        try (XenSession session = XenSession.open(xen, tree.roots())) {
            assertThat(session.version()).isEqualTo(new XenVersion(4, 17));
        }

        assertThat(xen.opened).containsExactly(tree.roots().xenfsPrivcmd().toString());
        FakeXen.Ioctl version = xen.ioctls.get(0);
        assertThat(version.argument()).isEqualTo(Hypercall.xenVersion().encode());
        assertThat(version.argument().getLong(0)).isEqualTo(17);
        assertThat(version.argument().getLong(8)).isZero();
    }

    @Test
    void noPrivcmdAtAllSaysWhatToLoad() throws IOException {
        XenRoots roots = new Dom0Tree(root).dom0(true).delete("dev/xen/privcmd").roots();

        assertThatThrownBy(() -> XenSession.open(new FakeXen(new XenVersion(4, 17), ONE_CPU), roots))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("No such file or directory (ENOENT)")
                .hasMessageContaining("modprobe xen-privcmd");
    }

    @Test
    void aForcedLoadIsCommandSixtySixWithTheForceFlag() throws IOException, ApplyException {
        XenRoots roots = new Dom0Tree(root).dom0(true).roots();
        FakeXen xen = new FakeXen(new XenVersion(4, 20), ONE_CPU);

        try (XenSession session = XenSession.open(xen, roots)) {
            session.loadMicrocode(blob(1024), true);
        }

        FakeXen.Ioctl load = xen.loads().get(0);
        assertThat(load.op()).isEqualTo(PlatformOp.microcodeUpdate2(1, xen.mappings.get(1).address(), 1024));
        assertThat(load.blob()).isEqualTo(blob(1024));
    }
}
