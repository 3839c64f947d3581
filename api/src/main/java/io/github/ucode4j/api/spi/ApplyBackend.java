package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Platform;
import java.io.IOException;
import java.util.Optional;

/**
 * A way to read and change the machine's microcode: {@code msr} (bare metal), {@code kernel} (the kernel's own
 * reload), {@code xen} (from dom0), {@code simulated} (a machine in software), or a third party's. Found with
 * {@link java.util.ServiceLoader}; see {@link io.github.ucode4j.api.ApplyBackends}.
 *
 * <p>Every backend implements exactly one of {@link PerCpuBackend} and {@link SystemBackend}. Constructors must
 * be cheap and must not touch the machine: discovery instantiates every provider.
 */
public interface ApplyBackend {

    /**
     * A short unique name, lower case: what {@code -Ducode4j.backend=} and {@code --backend=} take.
     *
     * @return the backend's name, such as {@code "msr"}; lower case, unique among installed backends, never null
     */
    String name();

    /**
     * Preference among available backends; the highest wins.
     *
     * @return any integer; ucode4j's own backends use 300 ({@code xen}), 200 ({@code kernel}), 100 ({@code msr})
     *     and 0 ({@code simulated})
     */
    int priority();

    /**
     * Why this backend cannot run here, in words a person can act on ({@code "/dev/cpu/0/msr is missing: load the
     * msr module (modprobe msr)"}), or empty when it can.
     *
     * @return the reason this backend cannot run on this host, or empty when it can
     */
    Optional<String> unavailableReason();

    /**
     * Returns when this backend can run here; what a backend asks first when told to load.
     *
     * @throws ApplyException {@code "the <name> backend cannot run here: <reason>"} when {@link #unavailableReason}
     *     gives one
     */
    default void requireAvailable() throws ApplyException {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            throw new ApplyException("the " + name() + " backend cannot run here: " + reason.get(), "");
        }
    }

    /**
     * Whether discovery may pick this backend on its own. A backend that does not touch real hardware (the
     * simulated machine) answers false and is used only when named.
     *
     * @return {@code true} (the default) when discovery may choose this backend without it being named
     */
    default boolean autoSelectable() {
        return true;
    }

    /**
     * Who rendezvouses the CPUs.
     *
     * @return {@link Scope#PER_CPU} for a {@link PerCpuBackend}, else {@link Scope#SYSTEM}
     */
    default Scope scope() {
        return this instanceof PerCpuBackend ? Scope.PER_CPU : Scope.SYSTEM;
    }

    /**
     * Reads the CPUs this backend can update, with their state and where each fact came from. Read-only.
     *
     * @return the machine as this backend sees it, its CPUs in index order
     * @throws IOException when the machine's interfaces cannot be read
     */
    Platform platform() throws IOException;
}
