package io.github.ucode4j.cli.option;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cache.IoMessages;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.Planner;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.CliFailure;
import io.github.ucode4j.cli.ExitCode;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The backend one command chose with {@link BackendOption}: the machine as it reads it, the plan for that machine,
 * and, on {@link #close()}, the release of what the backend holds (the simulated machine's held threads). Every
 * command that reads the machine goes through it, in a try-with-resources block.
 */
public final class ChosenBackend implements AutoCloseable {
    private final ApplyBackend backend;
    /** The machine as the backend read it while it was chosen, until the first {@link #platform()} takes it. */
    private Optional<Platform> readWhileChoosing;

    /**
     * {@code backend}, to be released when the command is done with it.
     *
     * @param backend the backend chosen; released on {@link #close()} when it holds anything
     */
    public ChosenBackend(ApplyBackend backend) {
        this(new ApplyBackends.ReadingChoice(backend, Optional.empty()));
    }

    /**
     * The backend {@code choice} names, whose first {@link #platform()} is the machine as it read it while it was
     * chosen, if it did: the machine is then read once, not twice.
     *
     * @param choice the backend chosen to read the machine, and what it read then
     */
    public ChosenBackend(ApplyBackends.ReadingChoice choice) {
        this.backend = choice.backend();
        this.readWhileChoosing = choice.machine();
    }

    /**
     * The backend itself, to load through.
     *
     * @return the backend given to the constructor
     */
    public ApplyBackend backend() {
        return backend;
    }

    /**
     * The machine as the backend reads it: the first time, as it read it while it was chosen, if it did.
     *
     * @return the machine's CPUs and their state, each fact with its source
     * @throws CliFailure ({@link ExitCode#NO_BACKEND}) when the backend cannot read it
     */
    public Platform platform() {
        if (readWhileChoosing.isPresent()) {
            Platform platform = readWhileChoosing.get();
            readWhileChoosing = Optional.empty();
            return platform;
        }
        try {
            return backend.platform();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.NO_BACKEND, "backend " + backend.name() + " cannot read this machine: " + IoMessages.describe(e));
        }
    }

    /**
     * The plan for the machine, read first, from the patches of {@code firmware}, read after it through
     * {@code inputs} with their warnings to {@code warnings}.
     *
     * @param inputs how files and folders are read (drivers, folder order)
     * @param firmware where the patches are
     * @param warnings receives one line per input problem that does not stop the read
     * @param policy whether to force loads and to set late-load objections aside
     * @return one verdict per CPU, with its reason
     * @throws CliFailure ({@link ExitCode#NO_BACKEND}) when the backend cannot read the machine
     * @throws MicrocodeFormatException when a firmware root is missing, a microcode file is broken, or two conflict
     */
    public LoadPlan plan(MicrocodeInputs inputs, FirmwareOption firmware, Consumer<String> warnings, PlanPolicy policy)
            throws MicrocodeFormatException {
        Platform platform = platform();
        return new Planner(inputs.drivers()).plan(platform, firmware.cache(inputs, warnings), policy);
    }

    /** Releases what the backend holds, if it holds anything. */
    @Override
    public void close() throws Exception {
        if (backend instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
