package io.github.ucode4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Holds SIGINT and SIGTERM back while a load runs, so that a person's Ctrl-C or a service manager's stop cannot end
 * the JVM between the load and its report: the load's own deadlines bound how long they wait. The first signal
 * that arrives is kept; {@link #release()} puts the previous handlers back, and the command then exits with
 * {@link #exitCode()}. Signals the process ignores (a background job's SIGINT) stay ignored.
 *
 * <p>The command, not the library, owns this: a library must not take its embedder's signals.
 */
public final class DeferredSignals {
    private static final Map<String, Integer> EXIT_CODES = Map.of("INT", ExitCode.INTERRUPTED, "TERM", ExitCode.TERMINATED);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicReference<Signal> first = new AtomicReference<>();

    private DeferredSignals() {
    }

    /**
     * Starts holding SIGINT and SIGTERM. A signal the JVM will not hand over (it runs with {@code -Xrs}) keeps its
     * usual effect, and {@code warnings} says so.
     *
     * @param warnings receives one line for each signal that cannot be held
     * @return the hold, to be {@linkplain #release() released} when the load is done
     */
    public static DeferredSignals hold(Consumer<String> warnings) {
        DeferredSignals held = new DeferredSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal signal = new Signal(name);
            try {
                held.previous.put(signal, Signal.handle(signal, held::keep));
            } catch (IllegalArgumentException e) {
                warnings.accept("SIG" + name + " cannot be held during the load (" + e.getMessage() + "): it stops ucode at once");
            }
        }
        return held;
    }

    private void keep(Signal signal) {
        first.compareAndSet(null, signal);
    }

    /** Puts back the handlers that were in place before {@link #hold}; signals from now on take their usual effect. */
    public void release() {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    /**
     * The first signal that arrived while held, as {@code SIGINT}, if one did.
     *
     * @return {@code SIGINT} or {@code SIGTERM}, or empty when none arrived
     */
    public Optional<String> arrived() {
        return Optional.ofNullable(first.get()).map(signal -> "SIG" + signal.getName());
    }

    /**
     * {@link ExitCode#INTERRUPTED} or {@link ExitCode#TERMINATED} when a signal arrived while held.
     *
     * @return the exit code the first signal held means, or empty when none arrived
     */
    public OptionalInt exitCode() {
        Signal signal = first.get();
        return signal == null ? OptionalInt.empty() : OptionalInt.of(EXIT_CODES.get(signal.getName()));
    }
}
