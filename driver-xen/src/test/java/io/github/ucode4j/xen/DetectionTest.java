package io.github.ucode4j.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.api.spi.Scope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether this is a dom0 the backend can work in, on fixture trees, and the backend's registration. */
class DetectionTest {
    @TempDir
    Path root;

    private Optional<String> reason(Dom0Tree tree, int euid) {
        FakeXen xen = new FakeXen(new XenVersion(4, 17), List.of()).asUser(euid);
        return new XenBackend(tree.roots(), () -> xen).unavailableReason();
    }

    @Test
    void aDom0WithPrivcmdAndRootIsFine() throws IOException {
        assertThat(reason(new Dom0Tree(root).dom0(false), 0)).isEmpty();
    }

    @Test
    void bareMetalIsNotXen() {
        assertThat(reason(new Dom0Tree(root), 0)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("not running under Xen").contains("capabilities is missing", "hypervisor/type"));
    }

    @Test
    void aGuestIsNotDom0() throws IOException {
        Dom0Tree domU = new Dom0Tree(root).dom0(false).write("proc/xen/capabilities", "");

        assertThat(reason(domU, 0)).hasValueSatisfying(r -> assertThat(r).contains("Xen guest (domU)", "lacks control_d"));
    }

    @Test
    void withoutXenfsAXenDomainWithPrivcmdIsTakenAsDom0() throws IOException {
        Dom0Tree tree = new Dom0Tree(root).dom0(false).delete("proc/xen/capabilities");

        assertThat(reason(tree, 0)).isEmpty();
        assertThat(reason(tree.delete("dev/xen/privcmd"), 0)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("no privcmd device").contains("modprobe xen-privcmd", "mount -t xenfs"));
    }

    @Test
    void dom0WithoutPrivcmdSaysHowToGetIt() throws IOException {
        Dom0Tree tree = new Dom0Tree(root).dom0(false).delete("dev/xen/privcmd");

        assertThat(reason(tree, 0)).hasValueSatisfying(r -> assertThat(r).startsWith("no privcmd device"));
        assertThat(reason(tree.write("proc/xen/privcmd", ""), 0)).isEmpty();
    }

    @Test
    void aUserWhoIsNotRootIsToldSo() throws IOException {
        assertThat(reason(new Dom0Tree(root).dom0(false), 1000))
                .hasValue("making hypercalls through privcmd in dom0 needs root (effective user id is 1000): run as root");
    }

    @Test
    void aCLibraryThatCannotLoadIsTheReason() throws IOException {
        XenBackend backend = new XenBackend(new Dom0Tree(root).dom0(false).roots(), () -> {
            throw new ApplyException("JNA could not bind the C library", "run on x86-64 Linux");
        });

        assertThat(backend.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("JNA could not bind"));
    }

    @Test
    void theBackendIsRegisteredAsASystemBackendAboveTheKernel() {
        ApplyBackends backends = ApplyBackends.load();

        assertThat(backends.problems()).isEmpty();
        assertThat(backends.named("xen")).get().satisfies(b -> {
            assertThat(b.scope()).isEqualTo(Scope.SYSTEM);
            assertThat(b.autoSelectable()).isTrue();
        });
        assertThat(backends.all()).extracting(ApplyBackend::name).containsSubsequence("xen", "kernel", "msr");
        backends.named("xen").ifPresent(b -> System.out.println("backend xen: "
                + b.unavailableReason().map(r -> "unavailable: " + r).orElse("available")));
    }
}
