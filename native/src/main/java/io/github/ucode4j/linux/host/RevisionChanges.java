package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Revision;
import java.util.Optional;

/**
 * The revisions of a machine's CPUs before and after a system-wide load, said once per group of CPUs: the kernel
 * backend and the xen backend report a reload this way.
 */
public final class RevisionChanges {
    private RevisionChanges() {
    }

    /**
     * Each CPU of {@code after} with the revision it ran in {@code before}.
     *
     * @param heading where the revisions come from ({@code "Revisions re-read from Xen"})
     * @param before the machine before the load
     * @param after the machine read again after it
     * @return e.g. {@code Revisions re-read from Xen: CPUs 0-3: 0xa0011d1 -> 0xa0011d5; CPU 4: 0xa0011d5 (unchanged)}
     */
    public static String describe(String heading, Platform before, Platform after) {
        NotesByCpu changes = new NotesByCpu();
        for (PlatformCpu cpu : after.cpus()) {
            String was = text(before.cpu(cpu.index()).flatMap(c -> c.state().revision()));
            String now = text(cpu.state().revision());
            changes.add(cpu.index(), was.equals(now) ? now + " (unchanged)" : was + " -> " + now);
        }
        return heading + ": " + String.join("; ", changes.toList());
    }

    private static String text(Optional<Revision> revision) {
        return revision.map(Revision::toString).orElse("unknown");
    }
}
