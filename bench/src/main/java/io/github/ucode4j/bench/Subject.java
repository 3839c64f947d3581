package io.github.ucode4j.bench;

/** Something {@link RendezvousOverhead} measures run by run: a call-in, then a stopped window. */
interface Subject extends AutoCloseable {

    /** What the printed line calls it. */
    String name();

    /** One run, timed. */
    Sample runOnce();

    /** Frees what the subject holds; by default nothing. */
    @Override
    default void close() {
    }

    /**
     * The timing of one run.
     *
     * @param callInNanos from the start of the threads to the moment the last one called in
     * @param windowNanos the stopped window, or -1 when the run never reached it
     * @param applyNanos how much of the window was spent inside the backend's applies, one after another where
     *     they ran one after another; 0 when nothing was applied
     * @param complete whether the run did all it should (every CPU entered, every load succeeded)
     */
    record Sample(long callInNanos, long windowNanos, long applyNanos, boolean complete) {
        boolean reachedWindow() {
            return windowNanos >= 0;
        }

        /** The window without the applies: what the handovers between the threads cost. */
        long handoverNanos() {
            return windowNanos - applyNanos;
        }
    }
}
