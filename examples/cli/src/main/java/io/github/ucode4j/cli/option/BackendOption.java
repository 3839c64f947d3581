package io.github.ucode4j.cli.option;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.BackendUnavailableException;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cli.CliFailure;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cache.IoMessages;
import io.github.ucode4j.linux.MsrBackend;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --backend} option: the backend named, else the one {@link ApplyBackends#select()} picks. */
public final class BackendOption {
    @Option(names = "--backend", paramLabel = "NAME",
            description = {"The apply backend: xen, kernel, msr, simulated, or a plugin's name. Default: the system property "
                + ApplyBackends.PROPERTY + ", else the best one available here.",
                "Beware: " + MsrBackend.LOAD_CAVEAT + "."})
    Optional<String> name = Optional.empty();

    /**
     * The backend to use.
     *
     * @throws BackendUnavailableException when it is unknown or cannot run here, listing every backend
     */
    public ApplyBackend select() throws BackendUnavailableException {
        ApplyBackends backends = ApplyBackends.load();
        return name.isPresent() ? backends.select(name) : backends.select();
    }

    /**
     * The backend to read the machine with (status, explain): the one named, else one that can apply, else the
     * best one that can at least read the machine.
     *
     * @throws BackendUnavailableException when none can, listing every backend
     */
    public ApplyBackend selectForReading() throws BackendUnavailableException {
        return ApplyBackends.load().selectForReading(name);
    }

    /**
     * The machine as {@code backend} reads it.
     *
     * @throws CliFailure ({@link ExitCode#NO_BACKEND}) when the backend cannot read it
     */
    public static Platform platformOf(ApplyBackend backend) {
        try {
            return backend.platform();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.NO_BACKEND, "backend " + backend.name() + " cannot read this machine: " + IoMessages.describe(e));
        }
    }

    /** Releases what {@code backend} holds, if it holds anything (the simulated machine's held threads). */
    public static void release(ApplyBackend backend) throws Exception {
        if (backend instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
