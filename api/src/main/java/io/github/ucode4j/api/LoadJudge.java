package io.github.ucode4j.api;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one place that decides whether a CPU updated: every backend and the rendezvous hand it what they saw and
 * report the {@link CpuResult} it gives, so that the rule, and the words that explain it, change in one place.
 *
 * <p>The revision read back is the truth. A CPU that reports the asked revision after a load updated, even one
 * that already ran it (AMD's loaders reload the running revision, and a forced load does too); a CPU that took
 * the request but still reports its old revision refused it; one that reports a third revision failed, since
 * something else changed it. A backend's word counts only where no revision can be read back, and then only
 * from a loader that checks its own work ({@link LoadAnswer#LOADED}). {@link CpuOutcome#UP_TO_DATE} means nothing
 * was loaded and the CPU already runs the asked revision or a newer one (unsigned, as the loaders compare).
 */
public final class LoadJudge {
    private LoadJudge() {
    }

    /**
     * The outcome of one CPU's load request, with the words of the reason.
     *
     * @param seen what was seen of the CPU's load; not null
     * @return the CPU's outcome, with its revisions and errno as seen and the reason in words
     */
    public static CpuResult judge(LoadEvidence seen) {
        Optional<Revision> after = seen.after();
        if (after.isEmpty()) {
            return unread(seen);
        }
        Revision now = after.get();
        boolean claimsLoad = seen.answer() == LoadAnswer.LOADED || seen.answer() == LoadAnswer.RETURNED;
        boolean moved = seen.before().map(b -> !b.equals(now)).orElse(claimsLoad);
        if (now.equals(seen.asked()) && moved) {
            return result(seen, CpuOutcome.UPDATED, seen.before().map(b -> "loaded revision " + now + " over " + b)
                    .orElse("loaded revision " + now + " (the revision before was not read)") + how(seen));
        }
        if (now.equals(seen.asked()) && claimsLoad) {
            return result(seen, CpuOutcome.UPDATED, "reloaded revision " + now + ", the revision it already ran ("
                    + (seen.vendor().reappliesSameRevision() ? "this vendor's loaders reload the revision a CPU runs"
                    : "a forced reload") + ")" + how(seen));
        }
        return switch (seen.answer()) {
            case LOADED, RETURNED -> notTaken(seen, now, moved);
            case NOTHING_NEWER -> alreadyRuns(now, seen.asked())
                    ? result(seen, CpuOutcome.UP_TO_DATE, "already runs revision " + now + ": the loader found nothing newer to load")
                    : result(seen, CpuOutcome.FAILED, "the loader found nothing newer to load, but the CPU runs revision " + now
                            + ", older than " + seen.asked() + how(seen));
            case NOT_ATTEMPTED -> notAttempted(seen, now);
            case FAILED -> result(seen, CpuOutcome.FAILED, seen.detail());
            case TIMED_OUT -> result(seen, CpuOutcome.TIMED_OUT, seen.detail());
        };
    }

    /**
     * The outcome of an SMT sibling that was not loaded itself, judged from what it read and what its loader got. A
     * sibling whose revision did not move refused only if its loader's CPU answered and refused: a load that failed
     * or never began tried nothing on the engine they share, and one that hung may still land on it.
     *
     * @param seen what the sibling read before and after, and what its loader's CPU got; not null
     * @return the sibling's outcome, {@link CpuOutcome#UNKNOWN} when its loader's load may still land, with a message
     *     that names the loader's CPU
     */
    public static CpuResult judgeSibling(SiblingEvidence seen) {
        Revision now = seen.after();
        boolean loaderUpdated = seen.loaderOutcome() == CpuOutcome.UPDATED;
        boolean moved = seen.before().map(b -> !b.equals(now)).orElse(loaderUpdated);
        String loader = "its SMT sibling CPU " + seen.loader();
        if (now.equals(seen.asked()) && (moved || loaderUpdated)) {
            return sibling(seen, CpuOutcome.SIBLING_UPDATED, "now runs " + now + ", loaded by " + loader);
        }
        if (!moved && alreadyRuns(now, seen.asked())) {
            return sibling(seen, CpuOutcome.UP_TO_DATE, "already runs " + now);
        }
        if (moved && seen.before().isPresent()) {
            return sibling(seen, CpuOutcome.FAILED, "now runs " + now + ", neither the revision before (" + seen.before().get()
                    + ") nor " + seen.asked() + "; " + loader + " reported " + seen.loaderOutcome() + ": something else changed it");
        }
        CpuOutcome outcome = unmovedSibling(seen);
        return sibling(seen, outcome, "still runs " + now + ", not " + seen.asked() + "; " + loader + " reported "
                + seen.loaderOutcome() + whyUnmoved(outcome));
    }

    /**
     * {@code claimed}, unless the revision read back contradicts it: a backend's report that a CPU now runs the asked
     * revision is judged again from the revisions when the CPU reads back another.
     *
     * @param claimed what the backend reported
     * @param vendor the vendor of the patch asked for
     * @param before the revision the CPU ran before the load, if known
     * @param after the revision read back after the load, if it could be read
     * @param asked the revision asked for
     * @return {@code claimed} when the revision read back agrees with it (or cannot be read), else the outcome judged
     *     from the revisions
     */
    public static CpuResult confirm(CpuResult claimed, Vendor vendor, Optional<Revision> before, Optional<Revision> after,
                                    Revision asked) {
        boolean claimsAsked = claimed.outcome() == CpuOutcome.UPDATED || claimed.outcome() == CpuOutcome.SIBLING_UPDATED;
        if (!claimsAsked || after.isEmpty() || after.get().equals(asked)) {
            return claimed;
        }
        LoadEvidence seen = new LoadEvidence(claimed.cpu(), vendor, before, after, asked, LoadAnswer.RETURNED, claimed.errno(),
                "the backend reported " + claimed.outcome() + ": " + claimed.message());
        return judge(seen);
    }

    /**
     * Whether a CPU running {@code running} already runs {@code asked} or a newer revision, so has nothing to load.
     *
     * @param running the revision the CPU runs; not null
     * @param asked the revision of the patch asked for; not null
     * @return whether {@code running} is {@code asked} or newer, compared unsigned as the loaders compare
     */
    public static boolean alreadyRuns(Revision running, Revision asked) {
        return running.compareTo(asked) >= 0;
    }

    private static CpuResult unread(LoadEvidence seen) {
        return switch (seen.answer()) {
            case LOADED -> result(seen, CpuOutcome.UPDATED, "loaded, as the loader says (not confirmed: the revision cannot be "
                    + "read back here)" + how(seen));
            case RETURNED -> result(seen, CpuOutcome.FAILED, "the request returned, but the revision could not be read back, so "
                    + "whether the patch loaded is unknown" + (seen.detail().isEmpty() ? "" : ": " + seen.detail()));
            case NOTHING_NEWER -> result(seen, CpuOutcome.UP_TO_DATE, "the loader found nothing newer to load");
            case NOT_ATTEMPTED -> seen.before().map(b -> notAttempted(seen, b))
                    .orElseGet(() -> result(seen, CpuOutcome.NOT_ATTEMPTED, seen.detail()));
            case FAILED -> result(seen, CpuOutcome.FAILED, seen.detail());
            case TIMED_OUT -> result(seen, CpuOutcome.TIMED_OUT, seen.detail());
        };
    }

    private static CpuResult notTaken(LoadEvidence seen, Revision now, boolean moved) {
        if (moved && seen.before().isPresent()) {
            return result(seen, CpuOutcome.FAILED, "now reports revision " + now + ", neither the revision before ("
                    + seen.before().get() + ") nor the patch's (" + seen.asked() + "): something else changed it; check the "
                    + "kernel log before loading again" + how(seen));
        }
        return result(seen, CpuOutcome.REFUSED, "took the request without error but still reports revision " + now + " (before "
                + seen.before().map(Revision::toString).orElse("unknown") + ", patch " + seen.asked() + "): the CPU refused the patch"
                + how(seen));
    }

    private static CpuResult notAttempted(LoadEvidence seen, Revision running) {
        if (alreadyRuns(running, seen.asked())) {
            return result(seen, CpuOutcome.UP_TO_DATE, "already runs revision " + running + ", not older than " + seen.asked()
                    + ": nothing was loaded" + how(seen));
        }
        return result(seen, CpuOutcome.NOT_ATTEMPTED, seen.detail().isEmpty() ? "nothing was asked of this CPU" : seen.detail());
    }

    private static CpuOutcome unmovedSibling(SiblingEvidence seen) {
        if (seen.loaderMayStillLand()) {
            return CpuOutcome.UNKNOWN;
        }
        return switch (seen.loaderOutcome()) {
            case FAILED, TIMED_OUT, NOT_ATTEMPTED -> CpuOutcome.NOT_ATTEMPTED;
            default -> CpuOutcome.REFUSED;
        };
    }

    private static String whyUnmoved(CpuOutcome outcome) {
        return switch (outcome) {
            case UNKNOWN -> ": that load did not finish and may still land on the engine they share";
            case NOT_ATTEMPTED -> ": nothing was tried on the engine they share";
            default -> "";
        };
    }

    // The backend's words on how it asked, after the judge's.
    private static String how(LoadEvidence seen) {
        return seen.detail().isEmpty() ? "" : " (" + seen.detail() + ")";
    }

    private static CpuResult result(LoadEvidence seen, CpuOutcome outcome, String reason) {
        return new CpuResult(seen.cpu(), outcome, seen.before(), seen.after(), seen.errno(), reason);
    }

    private static CpuResult sibling(SiblingEvidence seen, CpuOutcome outcome, String reason) {
        return new CpuResult(seen.cpu(), outcome, seen.before(), Optional.of(seen.after()), OptionalInt.empty(), reason);
    }
}
