package io.github.ucode4j.xen;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.linux.NotesByCpu;
import java.util.Optional;

/** The revisions of Xen's physical CPUs before and after a load, said once per group of CPUs. */
final class RevisionChanges {
    private RevisionChanges() {
    }

    /** {@code "revisions re-read from Xen: CPUs 0-3: 0xa0011d1 -> 0xa0011d5"}. */
    static String describe(Platform before, Platform after) {
        NotesByCpu changes = new NotesByCpu();
        for (PlatformCpu cpu : after.cpus()) {
            String was = text(before.cpu(cpu.index()).flatMap(c -> c.state().revision()));
            String now = text(cpu.state().revision());
            changes.add(cpu.index(), was.equals(now) ? now + " (unchanged)" : was + " -> " + now);
        }
        return "Revisions re-read from Xen: " + String.join("; ", changes.toList());
    }

    private static String text(Optional<Revision> revision) {
        return revision.map(Revision::toString).orElse("unknown");
    }
}
