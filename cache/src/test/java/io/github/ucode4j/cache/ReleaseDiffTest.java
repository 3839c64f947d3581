package io.github.ucode4j.cache;

import static io.github.ucode4j.cache.Patches.bundle;
import static io.github.ucode4j.cache.Patches.intel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReleaseDiffTest {

    @Test
    void listsAddedRemovedUpdatedDowngradedAndRebuiltEntries() throws Exception {
        MicrocodePatch kept = intel(0x406f1, 0xef, 0xb000040);
        MicrocodeCache before = MicrocodeCache.builder().add(bundle("old", kept, intel(0x50654, 0xb7, 0x2006e05),
                intel(0x50657, 0xbf, 0x5003707), intel(0x806ec, 0x94, 0xf8), intel(0x906a4, 0x40, 0x434))).build();
        MicrocodeCache after = MicrocodeCache.builder().add(bundle("new", kept, intel(0x50654, 0xb7, 0x2007006),
                intel(0x50657, 0xbf, 0x5003605), Patches.patch(Vendor.INTEL, 0x906a4, 0x40, 0x434, LocalDate.of(2024, 1, 1), 9),
                intel(0xa0671, 0x02, 0x62))).build();
        ReleaseDiff diff = ReleaseDiff.between(before, after);
        assertThat(diff.changes()).extracting(c -> c.signature().eax(), ReleaseDiff.Change::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0x50654, ReleaseDiff.Kind.UPDATED),
                org.assertj.core.groups.Tuple.tuple(0x50657, ReleaseDiff.Kind.DOWNGRADED),
                org.assertj.core.groups.Tuple.tuple(0x806ec, ReleaseDiff.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple(0x906a4, ReleaseDiff.Kind.REBUILT),
                org.assertj.core.groups.Tuple.tuple(0xa0671, ReleaseDiff.Kind.ADDED));
        ReleaseDiff.Change updated = diff.changes().get(0);
        assertThat(updated.before().orElseThrow().revision().value()).isEqualTo(0x2006e05);
        assertThat(updated.after().orElseThrow().revision().value()).isEqualTo(0x2007006);
        assertThat(ReleaseDiff.between(after, after).changes()).isEmpty();
    }
}
