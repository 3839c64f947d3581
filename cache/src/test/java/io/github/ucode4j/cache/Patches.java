package io.github.ucode4j.cache;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Patches made for the cache's own tests: vendor-neutral values whose bytes identify them. */
final class Patches {
    private Patches() {
    }

    /** A patch for one signature and mask; its bytes encode vendor, signature, mask, revision and {@code variant}. */
    static MicrocodePatch patch(Vendor vendor, int signature, int mask, int revision, LocalDate date, int variant) {
        return patch(vendor, List.of(new PatchTarget(CpuSignature.of(signature), PlatformFlags.of(mask))), revision, date, variant);
    }

    static MicrocodePatch intel(int signature, int mask, int revision) {
        return patch(Vendor.INTEL, signature, mask, revision, LocalDate.of(2024, 1, 1), 0);
    }

    static MicrocodePatch amd(int signature, int revision) {
        return patch(Vendor.AMD, signature, 0, revision, LocalDate.of(2024, 1, 1), 0);
    }

    static MicrocodePatch patch(Vendor vendor, List<PatchTarget> targets, int revision, LocalDate date, int variant) {
        ByteBuffer bytes = ByteBuffer.allocate(16 + 8 * targets.size()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(vendor.ordinal()).putInt(revision).putInt(variant).putInt(date.getYear());
        targets.forEach(t -> bytes.putInt(t.signature().eax()).putInt(t.platformFlags().mask()));
        return new MicrocodePatch(vendor, Revision.of(revision), Optional.of(date), targets, Optional.empty(), bytes.flip(),
                new PatchOrigin("generated", 0), Map::of);
    }

    /** A bundle of these patches as if read from {@code source}, each at a distinct offset. */
    static Bundle bundle(String source, MicrocodePatch... patches) {
        List<MicrocodePatch> placed = new ArrayList<>();
        long offset = 0;
        for (MicrocodePatch p : patches) {
            placed.add(new MicrocodePatch(p.vendor(), p.revision(), p.date(), p.targets(), p.minimumRevision(), p.bytes(),
                    new PatchOrigin(source, offset), p.details()));
            offset += p.size();
        }
        return new Bundle(source, placed.isEmpty() ? Vendor.INTEL : placed.get(0).vendor(), placed, List.of());
    }
}
