package io.github.ucode4j.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The programs a guest runs, at the host paths the guest sees unchanged through the read-only 9p mount. */
final class GuestCommands {
    /** The guest's writable temporary folder (guest/init makes it; the host's /tmp is read-only in the guest). */
    static final String GUEST_TMP = "/run/lab-tmp";

    private final Lab lab;

    GuestCommands(Lab lab) {
        this.lab = lab;
    }

    /**
     * The guest's environment for the ucode command: the host's JDK, this run's copy of the jar, a class-data
     * archive and the JVM's temporary files in the guest's own temporary folder (no perf data: it would go to the
     * read-only /tmp).
     */
    GuestScript script(String description) throws IOException {
        return new GuestScript(description)
                .export("JAVA_HOME", System.getProperty("java.home"))
                .export("UCODE_JAR", Lab.guestJar(lab).toString())
                .export("UCODE_CDS_DIR", GUEST_TMP + "/ucode-cds")
                .export("JAVA_OPTS", "-Djava.io.tmpdir=" + GUEST_TMP + " -XX:-UsePerfData");
    }

    /** The project's ucode command: the working tree's launcher (with the jar {@link #script} names). */
    List<String> ucode(String... arguments) {
        return concat(List.of(lab.repository().resolve("examples/cli/bin/ucode").toString()), arguments);
    }

    /** ucode apply through the xen backend, without asking, of the patches in {@code firmware} for these CPUs. */
    List<String> xenApply(String firmware, String... options) {
        return concat(ucode("apply", "--backend=xen", "--yes", "--firmware=" + firmware), options);
    }

    /** Xen 4.17's own xen-ucode from the unpacked package, with the Xen libraries it loads. */
    List<String> xenUcode(String file) {
        return List.of("env", "LD_LIBRARY_PATH=" + lab.debianRoot().resolve("usr/lib/x86_64-linux-gnu"),
                lab.debianRoot().resolve("usr/lib/xen-4.17/bin/xen-ucode").toString(), file);
    }

    /**
     * Xen 4.20's xen-ucode, from the next Debian release, through that release's own dynamic loader and libraries:
     * it needs a newer C library than the host's.
     */
    List<String> xenUcode420(String... arguments) {
        Path libraries = lab.nextReleaseRoot().resolve("usr/lib/x86_64-linux-gnu");
        return concat(List.of(libraries.resolve("ld-linux-x86-64.so.2").toString(), "--library-path", libraries.toString(),
                lab.nextReleaseRoot().resolve("usr/lib/xen-4.20/bin/xen-ucode").toString()), arguments);
    }

    /** Prints the kernel's taint mask, {@code /proc/sys/kernel/tainted}, in decimal. */
    List<String> kernelTaint() {
        return List.of("cat", "/proc/sys/kernel/tainted");
    }

    /** A busybox applet (the host may lack kmod's rmmod; busybox has one). */
    List<String> busybox(String... arguments) {
        return concat(List.of(lab.debianRoot().resolve("bin/busybox").toString()), arguments);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        Stream.of(tail).forEach(all::add);
        return all;
    }
}
