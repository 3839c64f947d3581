package io.github.ucode4j.intel;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A binary stream of patches back to back, read in order; it must end exactly where its last patch ends. */
final class PatchStream {
    private PatchStream() {
    }

    /** Every patch of {@code stream} (little-endian, from 0 to its limit); the first broken rule stops the read. */
    static List<MicrocodePatch> readAll(ByteBuffer stream, Diagnostics diagnostics) throws MicrocodeFormatException {
        PatchReader reader = new PatchReader(stream, diagnostics);
        List<MicrocodePatch> patches = new ArrayList<>();
        for (int offset = 0; offset < stream.limit(); ) {
            MicrocodePatch patch = reader.read(offset);
            patches.add(patch);
            offset += patch.size();
        }
        return patches;
    }
}
