package io.github.ucode4j.intel;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recover mode: finds the patches that pass every strict check anywhere in arbitrary bytes (a firmware image, a
 * damaged file), trying every byte offset, and reports what it skipped. Never fails.
 */
final class RecoveryScanner {
    private final ByteBuffer stream;
    private final Diagnostics diagnostics;
    private final PrefixDwordSums sums;

    private RecoveryScanner(ByteBuffer stream, Diagnostics diagnostics) {
        this.stream = stream;
        this.diagnostics = diagnostics;
        this.sums = new PrefixDwordSums(stream);
    }

    /** The valid patches of {@code stream} in order; skipped bytes and rejected candidates become findings. */
    static List<MicrocodePatch> scan(ByteBuffer stream, Diagnostics diagnostics) {
        return new RecoveryScanner(stream, diagnostics).patches();
    }

    private List<MicrocodePatch> patches() {
        List<MicrocodePatch> patches = new ArrayList<>();
        int skippedFrom = -1;
        for (int offset = 0; offset < stream.limit(); ) {
            Optional<MicrocodePatch> patch = candidateAt(offset);
            if (patch.isEmpty()) {
                skippedFrom = skippedFrom < 0 ? offset : skippedFrom;
                offset++;
                continue;
            }
            reportSkipped(skippedFrom, offset);
            skippedFrom = -1;
            patches.add(patch.get());
            offset += patch.get().size();
        }
        reportSkipped(skippedFrom, stream.limit());
        return patches;
    }

    /** The valid patch at {@code offset}, if any; only offsets whose header versions are 1 are tried. */
    private Optional<MicrocodePatch> candidateAt(int offset) {
        if (offset + IntelLayout.HEADER_SIZE > stream.limit()
                || stream.getInt(offset + IntelLayout.HEADER_VERSION) != 1
                || stream.getInt(offset + IntelLayout.LOADER_VERSION) != 1) {
            return Optional.empty();
        }
        Diagnostics candidate = diagnostics.strictCandidate();
        try {
            MicrocodePatch patch = new PatchReader(stream, candidate, sums).read(offset);
            diagnostics.addAll(candidate);
            return Optional.of(patch);
        } catch (MicrocodeFormatException e) {
            diagnostics.rejected(e);
            return Optional.empty();
        }
    }

    private void reportSkipped(int from, int to) {
        if (from >= 0) {
            diagnostics.warn(IntelRule.SKIPPED_BYTES, from, (to - from) + " byte(s) hold no valid patch");
        }
    }
}
