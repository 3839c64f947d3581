package io.github.ucode4j.xen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixture trees of a dom0 and of the machines that are not one: the files detection and the transport look at. */
final class Dom0Tree {
    private final Path root;

    Dom0Tree(Path root) {
        this.root = root;
    }

    XenRoots roots() {
        return XenRoots.under(root);
    }

    /** A PV dom0: xenfs mounted, {@code /dev/xen/privcmd}, and, when asked, {@code /dev/xen/hypercall}. */
    Dom0Tree dom0(boolean hypercallDevice) throws IOException {
        write("proc/xen/capabilities", "control_d\n");
        write("sys/hypervisor/type", "xen\n");
        write("dev/xen/privcmd", "");
        if (hypercallDevice) {
            write("dev/xen/hypercall", "");
        }
        return this;
    }

    /** dom0's {@code /proc/cpuinfo}. */
    Dom0Tree cpuinfo(String text) throws IOException {
        return write("proc/cpuinfo", text);
    }

    /** dom0's msr devices, {@code /dev/cpu/N/msr}, for virtual CPUs 0 to {@code count - 1} (the msr module loaded). */
    Dom0Tree msrDevices(int count) throws IOException {
        for (int vcpu = 0; vcpu < count; vcpu++) {
            write("dev/cpu/" + vcpu + "/msr", "");
        }
        return this;
    }

    Dom0Tree write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    Dom0Tree delete(String relative) throws IOException {
        Files.delete(root.resolve(relative));
        return this;
    }

    /** One {@code processor} block of {@code /proc/cpuinfo}. */
    static String processor(int index, String vendor, int family, int model, int stepping, int microcode) {
        return "processor\t: " + index + "\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: " + model
                + "\nstepping\t: " + stepping + "\nmicrocode\t: 0x" + Integer.toHexString(microcode) + "\n\n";
    }
}
