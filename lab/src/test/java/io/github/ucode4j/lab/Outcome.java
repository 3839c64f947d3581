package io.github.ucode4j.lab;

/**
 * What a load came to, in classes both tools can be sorted into, so that ucode and xen-ucode can be compared run
 * for run.
 */
enum Outcome {
    /** Loaded: the CPUs run the patch now. */
    LOADED,
    /** Nothing to do: the CPUs already run this revision or a newer one. */
    UP_TO_DATE,
    /** Tried, and a CPU refused (Xen's EIO, or the EBUSY its race turns that into on Xen before 4.19.4). */
    REFUSED,
    /** No patch in the file is for this CPU. */
    NO_PATCH,
    /** The file is broken: rejected before anything was loaded. */
    MALFORMED,
    /** Anything else: the test prints the output. */
    UNEXPECTED;

    /** Sorts what xen-ucode 4.17 printed and returned. */
    static Outcome ofXenUcode(StepResult run) {
        String output = run.output();
        if (run.status() == 0) {
            return output.contains("already up to date") ? UP_TO_DATE : LOADED;
        }
        if (output.contains("Device or resource busy") || output.contains("Input/output error")) {
            return REFUSED;
        }
        if (output.contains("No such file or directory")) {
            return NO_PATCH;
        }
        return output.contains("Invalid argument") ? MALFORMED : UNEXPECTED;
    }

    /**
     * Sorts what ucode apply printed and returned (exit codes as in the command's README): a load by its
     * "outcomes:" line, and where nothing was loaded, the plan's "plan:" line.
     */
    static Outcome ofUcode(StepResult run) {
        switch (run.status()) {
            case 0:
                return run.output().contains("\noutcomes: ") ? ofCounts(line(run, "outcomes: ")) : ofCounts(line(run, "plan: "));
            case 2:
                return MALFORMED;
            case 3:
                return REFUSED;
            default:
                return UNEXPECTED;
        }
    }

    // A count line, e.g. "outcomes: UPDATED 2" or "plan: NO_PATCH 2; nothing to load".
    private static Outcome ofCounts(String counts) {
        if (counts.startsWith("UPDATED ")) {
            return LOADED;
        }
        if (counts.startsWith("UP_TO_DATE ")) {
            return UP_TO_DATE;
        }
        return counts.startsWith("NO_PATCH ") ? NO_PATCH : UNEXPECTED;
    }

    private static String line(StepResult run, String prefix) {
        return run.output().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst().orElse("");
    }
}
