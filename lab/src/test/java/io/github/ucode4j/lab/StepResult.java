package io.github.ucode4j.lab;

import java.time.Duration;

/** One guest step: what it printed (stdout and stderr), its exit status and how long it ran inside the guest. */
record StepResult(String name, String output, int status, Duration elapsed) {
    @Override
    public String toString() {
        return "step " + name + " (exit " + status + ", " + elapsed.toMillis() + " ms):\n" + output;
    }
}
