package io.github.ucode4j.intel;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Recover mode: finds, at every byte offset of arbitrary bytes (a firmware image, a damaged file), the patches that
 * lenient mode accepts, with lenient mode's findings. Each rejected candidate header and each run of skipped bytes
 * is reported. Never fails. Not thread-safe: one per scan.
 */
final class RecoveryScanner {
    private final ByteBuffer stream;
    private final Diagnostics diagnostics;
    private final PrefixDwordSums sums;
    private int skippedFrom = -1;
    private MicrocodeFormatException skippedBecause;

    private RecoveryScanner(ByteBuffer stream, Diagnostics diagnostics) {
        this.stream = stream;
        this.diagnostics = diagnostics;
        this.sums = new PrefixDwordSums(stream);
    }

    /** The patches of {@code stream} in order; rejected candidates and skipped bytes become findings. */
    static List<MicrocodePatch> scan(ByteBuffer stream, Diagnostics diagnostics) {
        return new RecoveryScanner(stream, diagnostics).patches();
    }

    private List<MicrocodePatch> patches() {
        List<MicrocodePatch> patches = new ArrayList<>();
        for (int offset = 0; offset < stream.limit(); ) {
            if (skippedFrom >= 0 && !looksLikeHeader(offset)) {
                offset++; // inside a run of skipped bytes only a header is worth a read
                continue;
            }
            Diagnostics candidate = diagnostics.candidate();
            try {
                MicrocodePatch patch = new PatchReader(stream, candidate, sums).read(offset);
                endSkipped(offset);
                diagnostics.addAll(candidate);
                patches.add(patch);
                offset += patch.size();
            } catch (MicrocodeFormatException e) {
                if (looksLikeHeader(offset)) {
                    diagnostics.rejected(e);
                }
                startSkipped(offset, e);
                offset++;
            }
        }
        endSkipped(stream.limit());
        return patches;
    }

    /** Header and loader versions 1, with room for a header: the quick test, before reading a candidate. */
    private boolean looksLikeHeader(int offset) {
        return offset + IntelLayout.HEADER_SIZE <= stream.limit()
                && stream.getInt(offset + IntelLayout.HEADER_VERSION) == 1
                && stream.getInt(offset + IntelLayout.LOADER_VERSION) == 1;
    }

    private void startSkipped(int offset, MicrocodeFormatException why) {
        if (skippedFrom < 0) {
            skippedFrom = offset;
            skippedBecause = why;
        }
    }

    private void endSkipped(int offset) {
        if (skippedFrom >= 0) {
            diagnostics.skipped(skippedFrom, offset, skippedBecause);
            skippedFrom = -1;
        }
    }
}
