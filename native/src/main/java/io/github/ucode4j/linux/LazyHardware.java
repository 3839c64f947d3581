package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Platform;
import java.io.IOException;
import java.util.Optional;

/**
 * A backend's {@link Hardware}, opened on first use rather than in the backend's constructor (discovery
 * instantiates every backend, and must not load native code). Thread-safe.
 */
final class LazyHardware {
    private final LinuxRoots roots;
    private final Hardware.Factory factory;
    private Hardware hardware;
    private MicrocodeDrivers drivers;

    LazyHardware(LinuxRoots roots, Hardware.Factory factory) {
        this.roots = roots;
        this.factory = factory;
    }

    /**
     * The hardware, opened now if not yet.
     *
     * @throws ApplyException when it cannot be opened (JNA cannot load, say); asked again on the next call
     */
    synchronized Hardware get() throws ApplyException {
        if (hardware == null) {
            hardware = factory.open(roots);
        }
        return hardware;
    }

    /**
     * The effective user id of this process, as the factory reads it (without opening the hardware, for the machine's).
     *
     * @throws ApplyException when the hardware had to be opened for it and could not be
     */
    int effectiveUid() throws ApplyException {
        return factory.effectiveUid(roots, this::get);
    }

    /** The vendor drivers, which say how each vendor's CPUs tell their platform flags and revision; found on first use. */
    synchronized MicrocodeDrivers drivers() {
        if (drivers == null) {
            drivers = MicrocodeDrivers.load();
        }
        return drivers;
    }

    /**
     * The platform as {@code backend} sees it, where the kernel's view of a revision shows the truth. Without
     * hardware, it is read from sysfs and procfs alone, and the reason is among the notes.
     */
    Platform probe(String backend) throws IOException {
        return probe(backend, Optional.empty());
    }

    /**
     * The platform as {@code backend} sees it, with {@code kernelViewCaveat}
     * noted for every revision taken from the kernel's view ({@link PlatformProbe}). Without hardware, it is read
     * from sysfs and procfs alone, and the reason is among the notes.
     */
    Platform probe(String backend, Optional<String> kernelViewCaveat) throws IOException {
        return factory.probe(roots, this::get,
                (cpuid, msr) -> new PlatformProbe(backend, roots, drivers(), cpuid, msr, kernelViewCaveat).probe());
    }
}
