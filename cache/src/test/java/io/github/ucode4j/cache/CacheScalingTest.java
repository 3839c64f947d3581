package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchDetails;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.intel.IntelPatchBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cache and the writers do work linear in their input: an Intel patch may carry any number of extended
 * signatures, and a cache entry per signature must not cost a pass over the whole patch.
 */
class CacheScalingTest {
    private static final int FIRST_SIGNATURE = 0x10000;
    private static final MicrocodeDrivers DRIVERS = MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL)));

    @Test
    void noPatchIsHashedOnceForEachOfItsSignatures() throws Exception {
        assertThat(wholePatchHashes(10_000)).isEqualTo(wholePatchHashes(1));
    }

    // The safety net of a linear cache; the test above is the proof.
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPatchWithFortyThousandExtendedSignaturesIsCachedAndWritten() throws Exception {
        IntelPatchBuilder builder = IntelPatchBuilder.patch().signature(0x50654).platformFlags(0x01).revision(5);
        IntStream.range(0, 40_000).forEach(i -> builder.extendedSignature(FIRST_SIGNATURE + i, 0x01));
        MicrocodePatch patch = builder.buildPatch("wide.bin");

        MicrocodeCache cache = MicrocodeCache.builder().add(Patches.bundle("wide.bin", patch)).build();
        MicrocodeWriter writer = new MicrocodeWriter(MicrocodeDrivers.load());

        assertThat(cache.entries()).hasSize(40_001);
        assertThat(cache.patches()).singleElement().satisfies(p -> assertThat(p.patch().sameBytes(patch)).isTrue());
        assertThat(cache.candidates(CpuSignature.of(FIRST_SIGNATURE + 39_999))).hasSize(1);
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(1, 1, 40_001, 40_001, 1, 40_001));
        assertThat(writer.concatenated(cache, Vendor.INTEL).remaining()).isEqualTo(patch.size());
        assertThat(writer.earlyInitramfs(cache).remaining()).isBetween(patch.size(), patch.size() + 2048);
        assertThatThrownBy(() -> writer.firmwareFiles(cache)).hasMessageContaining("(it declares 40001 processors)");
    }

    @Test
    void aPatchIsWrittenIntoAtMostSixtyFourFilesOneForEachProcessorItDeclares() throws Exception {
        MicrocodeWriter writer = new MicrocodeWriter(DRIVERS);
        MicrocodeCache sixtyFour = cacheOfOnePatchWith(64);
        assertThat(writer.firmwareFiles(sixtyFour)).hasSize(64);
        assertThat(writer.namedFiles(sixtyFour)).hasSize(64);

        MicrocodeCache sixtyFive = cacheOfOnePatchWith(65);
        for (ThrowingCallable write : List.<ThrowingCallable>of(() -> writer.firmwareFiles(sixtyFive), () -> writer.namedFiles(sixtyFive))) {
            assertThatThrownBy(write).isInstanceOf(MicrocodeFormatException.class)
                    .hasMessage("wide@0x0: a patch is written into at most 64 files, one for each processor it declares "
                            + "(it declares 65 processors) [WRITER_TOO_MANY_COPIES]");
        }
    }

    private static MicrocodeCache cacheOfOnePatchWith(int signatures) throws MicrocodeFormatException {
        List<PatchTarget> targets = IntStream.range(0, signatures)
                .mapToObj(i -> new PatchTarget(CpuSignature.of(FIRST_SIGNATURE + i), PlatformFlags.of(0x01))).toList();
        return MicrocodeCache.builder().add(Patches.bundle("wide", Patches.patch(Vendor.INTEL, targets, 5, LocalDate.of(2024, 1, 1), 0)))
                .build();
    }

    // How often building and reading a cache of one patch with this many signatures, and writing the files that
    // hold each patch once, hash the patch as a whole: a record's hash covers every component, details included.
    private static int wholePatchHashes(int signatures) throws Exception {
        List<PatchTarget> targets = IntStream.range(0, signatures)
                .mapToObj(i -> new PatchTarget(CpuSignature.of(FIRST_SIGNATURE + i), PlatformFlags.of(0x01))).toList();
        MicrocodePatch plain = Patches.patch(Vendor.INTEL, targets, 5, LocalDate.of(2024, 1, 1), 0);
        HashCounter details = new HashCounter();
        MicrocodePatch counted = new MicrocodePatch(plain.vendor(), plain.revision(), plain.date(), plain.targets(),
                plain.minimumRevision(), plain.bytes(), plain.origin(), details);

        MicrocodeCache cache = MicrocodeCache.builder().add(new Bundle("wide", Vendor.INTEL, List.of(counted), List.of()))
                .build();
        assertThat(cache.entries()).hasSize(signatures);
        assertThat(cache.patches()).hasSize(1);
        assertThat(cache.statistics().patchesSelected()).isEqualTo(1);
        for (PatchTarget target : targets) {
            assertThat(cache.candidates(target.signature())).hasSize(1);
        }
        MicrocodeWriter writer = new MicrocodeWriter(DRIVERS);
        writer.earlyInitramfs(cache);
        writer.concatenated(cache, Vendor.INTEL);
        return details.hashes;
    }

    /** Details that count how often they are hashed, which happens whenever the patch holding them is. */
    private static final class HashCounter implements PatchDetails {
        int hashes;

        @Override
        public Map<String, Object> fields() {
            return Map.of();
        }

        @Override
        public int hashCode() {
            hashes++;
            return 0;
        }

        @Override
        public boolean equals(Object other) {
            return other == this;
        }
    }
}
