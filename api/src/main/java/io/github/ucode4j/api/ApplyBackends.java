package io.github.ucode4j.api;

import io.github.ucode4j.api.spi.ApplyBackend;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The apply backends on the class or module path, and the choice among them: the one named by the system
 * property {@value #PROPERTY} (or by the caller), else the available, auto-selectable backend of highest
 * priority.
 *
 * <p>Immutable and thread-safe; availability is asked of each backend at the time of the choice. Each choice is
 * logged at {@code DEBUG} with its reason and, for an automatic one, why every other backend was not chosen.
 */
public final class ApplyBackends {
    private static final System.Logger LOG = System.getLogger(ApplyBackends.class.getName());

    /** The system property that names the backend to use. */
    public static final String PROPERTY = "ucode4j.backend";

    private static final String NAMED_BY_PROPERTY = "named by the system property " + PROPERTY;
    private static final String NAMED_BY_CALLER = "named by the caller";

    private final List<ApplyBackend> backends;
    private final List<ProviderProblem> problems;

    private ApplyBackends(List<ApplyBackend> backends, List<ProviderProblem> problems) {
        this.backends = backends.stream()
                .sorted(Comparator.comparingInt(ApplyBackend::priority).reversed().thenComparing(ApplyBackend::name))
                .toList();
        this.problems = List.copyOf(problems);
    }

    /**
     * The backends ServiceLoader finds through this class's loader (and the module layer).
     *
     * @return the backends found, highest priority first, and the providers that could not be loaded; empty when none
     *     is installed
     */
    public static ApplyBackends load() {
        ServiceProviders<ApplyBackend> found = ServiceProviders.load(ApplyBackend.class, ApplyBackends.class.getClassLoader());
        found.problems.forEach(problem -> LOG.log(Level.DEBUG, () -> "skipped a backend provider: " + problem.message()));
        return new ApplyBackends(found.providers, found.problems);
    }

    /**
     * These backends; for tests and embedders that assemble their own.
     *
     * @param backends the backends to choose among, in any order (they are sorted by priority, then name); not null,
     *     without null elements
     * @return a chooser over exactly these backends, with no provider problems
     */
    public static ApplyBackends of(List<? extends ApplyBackend> backends) {
        return new ApplyBackends(List.copyOf(backends), List.of());
    }

    /**
     * Every backend, highest priority first.
     *
     * @return every backend, available or not, highest priority first (then by name); unmodifiable
     */
    public List<ApplyBackend> all() {
        return backends;
    }

    /**
     * Providers that failed to load and were skipped.
     *
     * @return the providers that could not be instantiated, in the order ServiceLoader met them; empty when all loaded
     */
    public List<ProviderProblem> problems() {
        return problems;
    }

    /**
     * The backend called {@code name}, available or not.
     *
     * @param name the backend's name as {@link ApplyBackend#name()} gives it ({@code "msr"}, {@code "kernel"}, ...);
     *     matched exactly
     * @return that backend, or empty when none has this name
     */
    public Optional<ApplyBackend> named(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * The backend named by the system property {@value #PROPERTY} when it is set, else the best available one.
     *
     * @return the backend to apply with, available on this host
     * @throws BackendUnavailableException listing every backend with its reason, when none fits
     */
    public ApplyBackend select() throws BackendUnavailableException {
        Optional<String> named = requestedByProperty();
        if (named.isPresent()) {
            return named(named.get(), NAMED_BY_PROPERTY);
        }
        return select(Optional.empty());
    }

    private static Optional<String> requestedByProperty() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank());
    }

    /**
     * The backend called {@code requested} when given (it must be available), else the available,
     * auto-selectable backend of highest priority.
     *
     * @param requested the name of the backend wanted, or empty to pick the best available one; surrounding white space
     *     is ignored
     * @return the backend to apply with, available on this host
     * @throws BackendUnavailableException listing every backend with its reason, when none fits
     */
    public ApplyBackend select(Optional<String> requested) throws BackendUnavailableException {
        if (requested.isPresent()) {
            return named(requested.get(), NAMED_BY_CALLER);
        }
        for (ApplyBackend backend : backends) {
            if (backend.autoSelectable() && backend.unavailableReason().isEmpty()) {
                LOG.log(Level.DEBUG, () -> "chose the " + backend.name() + " backend (priority " + backend.priority()
                        + "), the available one of highest priority" + whyNotTheOthers(backend));
                return backend;
            }
        }
        throw unavailable(backends.isEmpty() ? "no apply backend is installed" : "no apply backend can run here");
    }

    private ApplyBackend named(String requested, String namedBy) throws BackendUnavailableException {
        String name = requested.trim();
        ApplyBackend backend = named(name).orElseThrow(() -> unavailable("no backend called '" + name + "'"));
        Optional<String> reason = backend.unavailableReason();
        if (reason.isPresent()) {
            throw unavailable("backend '" + name + "' cannot run here: " + reason.get());
        }
        LOG.log(Level.DEBUG, () -> "chose the " + name + " backend: " + namedBy);
        return backend;
    }

    // Each backend but the chosen one, and why it was not chosen: asked again only when the choice is logged.
    private String whyNotTheOthers(ApplyBackend chosen) {
        StringBuilder text = new StringBuilder();
        for (ApplyBackend backend : backends) {
            if (backend == chosen) {
                continue;
            }
            text.append("; not ").append(backend.name()).append(": ");
            Optional<String> reason = backend.unavailableReason();
            if (!backend.autoSelectable()) {
                text.append("used only when named");
            } else if (reason.isPresent()) {
                text.append("cannot run here: ").append(reason.get());
            } else {
                text.append("lower priority (").append(backend.priority()).append(')');
            }
        }
        return text.toString();
    }

    /**
     * The backend to read the machine with, when nothing is to be applied: the one the system property
     * {@value #PROPERTY} names, else as {@link #selectForReading(Optional)} picks one.
     *
     * @return the backend to read this machine with; it may be unable to apply here
     * @throws BackendUnavailableException when the backend named is unknown, or none can read the machine
     */
    public ApplyBackend selectForReading() throws BackendUnavailableException {
        return selectForReading(Optional.empty());
    }

    /**
     * The backend to read the machine with, when nothing is to be applied (status, explain): the one called
     * {@code requested} (or, when empty, by the system property {@value #PROPERTY}) when given, whether or not it
     * could apply here; else the one {@link #select(Optional)}
     * picks; else the auto-selectable backend of highest priority that can at least read the machine. A backend
     * that cannot apply may still read it: the {@code msr} backend without the msr module reads sysfs and procfs.
     *
     * @param requested the name of the backend wanted, or empty to fall back to the system property and then to the
     *     best one; surrounding white space is ignored
     * @return the backend to read this machine with; it may be unable to apply here
     * @throws BackendUnavailableException when the backend asked for is unknown, or none can read the machine,
     *     listing every backend with its reason
     */
    public ApplyBackend selectForReading(Optional<String> requested) throws BackendUnavailableException {
        return chooseForReading(requested).backend();
    }

    /**
     * The backend {@link #selectForReading(Optional)} picks, with the machine as the backend read it when reading it
     * was how the choice was made (no backend can apply here, and the first that reads the machine is taken): a
     * caller that wants the machine then reads it once rather than twice.
     *
     * @param requested as for {@link #selectForReading(Optional)}
     * @return the backend chosen, and the machine as it read it while choosing, if it did
     * @throws BackendUnavailableException as {@link #selectForReading(Optional)} does
     */
    public ReadingChoice chooseForReading(Optional<String> requested) throws BackendUnavailableException {
        Optional<String> wanted = requested.or(ApplyBackends::requestedByProperty);
        if (wanted.isPresent()) {
            String name = wanted.get().trim();
            ApplyBackend backend = named(name).orElseThrow(() -> unavailable("no backend called '" + name + "'"));
            LOG.log(Level.DEBUG, () -> "reading the machine with the " + name + " backend: "
                    + (requested.isPresent() ? NAMED_BY_CALLER : NAMED_BY_PROPERTY));
            return new ReadingChoice(backend, Optional.empty());
        }
        try {
            return new ReadingChoice(select(Optional.empty()), Optional.empty());
        } catch (BackendUnavailableException noneCanApply) {
            for (ApplyBackend backend : backends) {
                if (!backend.autoSelectable()) {
                    continue;
                }
                Optional<Platform> machine = readMachine(backend);
                if (machine.isPresent()) {
                    LOG.log(Level.DEBUG, () -> "reading the machine with the " + backend.name() + " backend, the first "
                            + "that can read it, as no backend can apply here (" + reasons(noneCanApply) + ")");
                    return new ReadingChoice(backend, machine);
                }
            }
            throw unavailable("no backend can read this machine");
        }
    }

    /**
     * A backend chosen to read the machine ({@link #chooseForReading}).
     *
     * @param backend the backend chosen; it may be unable to apply here
     * @param machine the machine as the backend read it while it was being chosen; empty when the choice needed no
     *     read, and the caller reads it with {@link ApplyBackend#platform()}
     */
    public record ReadingChoice(ApplyBackend backend, Optional<Platform> machine) {
        /**
         * Checks that neither part is null.
         *
         * @param backend the backend chosen
         * @param machine the machine as read while choosing, or empty
         */
        public ReadingChoice {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(machine, "machine");
        }
    }

    private static String reasons(BackendUnavailableException e) {
        StringBuilder text = new StringBuilder();
        e.reasons().forEach((name, reason) -> text.append(text.isEmpty() ? "" : "; ").append(name).append(": ").append(reason));
        return text.toString();
    }

    private static Optional<Platform> readMachine(ApplyBackend backend) {
        try {
            return Optional.of(backend.platform());
        } catch (IOException | RuntimeException e) {
            // A backend that cannot read this machine is simply not the one to read it with; the next is tried,
            // and when none reads it the error lists every backend's reason.
            LOG.log(Level.DEBUG, () -> "the " + backend.name() + " backend cannot read this machine: " + e.getMessage());
            return Optional.empty();
        }
    }

    private BackendUnavailableException unavailable(String summary) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ApplyBackend backend : backends) {
            String reason = backend.unavailableReason().orElse("available");
            if (!backend.autoSelectable()) {
                reason += " (used only when named)";
            }
            reasons.put(backend.name(), reason);
        }
        for (int i = 0; i < problems.size(); i++) {
            reasons.put("(provider " + (i + 1) + " skipped)", problems.get(i).message());
        }
        return new BackendUnavailableException(summary, reasons);
    }
}
