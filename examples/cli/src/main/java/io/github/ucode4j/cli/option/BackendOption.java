package io.github.ucode4j.cli.option;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.BackendUnavailableException;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.linux.MsrBackend;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --backend} option: the backend named, else the one {@link ApplyBackends#select()} picks. */
public final class BackendOption {
    @Option(names = "--backend", paramLabel = "NAME", completionCandidates = BackendNames.class,
            description = {"The apply backend, one of ${COMPLETION-CANDIDATES}. Default: the system property "
                + ApplyBackends.PROPERTY + ", else the best one available here.",
                "Beware: " + MsrBackend.LOAD_CAVEAT + "."})
    Optional<String> name = Optional.empty();

    /**
     * The names of the backends discovery finds (third parties' on the class path included), highest priority
     * first: what the help of {@code --backend} lists.
     */
    public static final class BackendNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ApplyBackends.load().all().stream().map(ApplyBackend::name).iterator();
        }
    }

    /**
     * The backend to apply with: the one named, else the one {@link ApplyBackends#select()} picks.
     *
     * @return the backend chosen, available on this host, to be closed when the command is done
     * @throws BackendUnavailableException when it is unknown or cannot run here, listing every backend
     */
    public ChosenBackend select() throws BackendUnavailableException {
        ApplyBackends backends = ApplyBackends.load();
        return new ChosenBackend(name.isPresent() ? backends.select(name) : backends.select());
    }

    /**
     * The backend to read the machine with (status, explain): the one named, else one that can apply, else the
     * best one that can at least read the machine.
     *
     * @return the backend chosen, which may be unable to apply here, to be closed when the command is done
     * @throws BackendUnavailableException when none can, listing every backend
     */
    public ChosenBackend selectForReading() throws BackendUnavailableException {
        return new ChosenBackend(ApplyBackends.load().chooseForReading(name));
    }
}
