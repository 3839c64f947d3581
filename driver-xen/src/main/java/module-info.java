/**
 * ucode4j under Xen: the apply backend {@code xen}, which hands microcode from dom0 to the hypervisor through the
 * privcmd hypercall and reads Xen's physical CPUs through platform hypercalls.
 */
module io.github.ucode4j.xen {
    requires transitive io.github.ucode4j.api;
    requires io.github.ucode4j.linux;

    exports io.github.ucode4j.xen;

    provides io.github.ucode4j.api.spi.ApplyBackend with io.github.ucode4j.xen.XenBackend;
}
