package io.github.ucode4j.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * No apply backend can serve: the one asked for is unknown or unavailable, or none is available. Lists every
 * backend with the reason it cannot run here.
 */
public final class BackendUnavailableException extends MicrocodeException {
    private static final long serialVersionUID = 1L;

    /** Every backend known, by name, with why it cannot run. */
    private final Map<String, String> reasons;

    /**
     * @param summary what was asked and why it cannot be had
     * @param reasons every backend known, by name, with why it cannot run (or {@code "available"})
     */
    public BackendUnavailableException(String summary, Map<String, String> reasons) {
        super(message(summary, reasons), null);
        this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    private static String message(String summary, Map<String, String> reasons) {
        StringBuilder text = new StringBuilder(summary);
        reasons.forEach((name, reason) -> text.append(System.lineSeparator()).append("  ").append(name).append(": ").append(reason));
        return text.toString();
    }

    /**
     * Every backend known, by name, in the order they were considered, with why it cannot run.
     *
     * @return every backend known, by name, with its reason ({@code "available"} for one that could run); unmodifiable
     */
    public Map<String, String> reasons() {
        return reasons;
    }
}
