package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.concurrent.atomic.AtomicInteger;

/** The microcode engine of one simulated core (Intel) or thread (AMD): the revision it runs. */
final class MicrocodeEngine {
    private final AtomicInteger revision;

    MicrocodeEngine(Revision initial) {
        this.revision = new AtomicInteger(initial.value());
    }

    /** The running revision. */
    Revision revision() {
        return Revision.of(revision.get());
    }

    /** Loads {@code candidate} when {@code vendor}'s rule allows it over the running revision; returns whether it did. */
    boolean load(Revision candidate, Vendor vendor) {
        int running = revision.get();
        while (vendor.wouldLoad(Revision.of(running), candidate)) {
            if (revision.compareAndSet(running, candidate.value())) {
                return true;
            }
            running = revision.get();
        }
        return false;
    }
}
