package io.github.ucode4j.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The programs a guest runs, at the host paths the guest sees unchanged through the read-only 9p mount. */
final class GuestCommands {
    private final Lab lab;

    GuestCommands(Lab lab) {
        this.lab = lab;
    }

    /**
     * The guest's environment for the ucode command: the host's JDK, this run's copy of the jar, and a class-data
     * archive in the guest's /tmp.
     */
    GuestScript script(String description) throws IOException {
        return new GuestScript(description)
                .export("JAVA_HOME", System.getProperty("java.home"))
                .export("UCODE_JAR", guestJar(lab.ucodeJar()).toString())
                .export("UCODE_CDS_DIR", "/tmp/ucode-cds");
    }

    /** The project's ucode command: the working tree's launcher (with the jar {@link #script} names). */
    List<String> ucode(String... arguments) {
        return concat(List.of(lab.repository().resolve("examples/cli/bin/ucode").toString()), arguments);
    }

    /**
     * The ucode command with the xen backend on the class path. The runnable jar does not include driver-xen (see
     * the lab's report): until it does, the guest adds driver-xen's own jar next to it. ServiceLoader ignores a
     * provider listed twice, so this stays right once the jar includes it.
     */
    List<String> ucodeWithXen(String... arguments) throws IOException {
        String classPath = guestJar(lab.ucodeJar()) + ":" + guestJar(lab.driverXenJar());
        return concat(List.of(System.getProperty("java.home") + "/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath, "io.github.ucode4j.cli.Main"), arguments);
    }

    /** Xen's own xen-ucode from the unpacked package, with the Xen libraries it loads. */
    List<String> xenUcode(String file) {
        return List.of("env", "LD_LIBRARY_PATH=" + lab.debianRoot().resolve("usr/lib/x86_64-linux-gnu"),
                lab.debianRoot().resolve("usr/lib/xen-4.17/bin/xen-ucode").toString(), file);
    }

    /** A busybox applet (the host may lack kmod's rmmod; busybox has one). */
    List<String> busybox(String... arguments) {
        return concat(List.of(lab.debianRoot().resolve("bin/busybox").toString()), arguments);
    }

    private Path guestJar(Path jar) throws IOException {
        return Lab.guestJars(lab).resolve(jar.getFileName());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        Stream.of(tail).forEach(all::add);
        return all;
    }
}
