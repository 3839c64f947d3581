package io.github.ucode4j.cache;

import static io.github.ucode4j.cache.Patches.bundle;
import static io.github.ucode4j.cache.Patches.intel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MicrocodeCacheTest {
    private static final int SKX = 0x50654;

    @Test
    void identicalBlobsAreStoredOnceWithEveryOrigin() throws Exception {
        MicrocodePatch patch = intel(SKX, 0xb7, 0x2007006);
        MicrocodeCache cache = MicrocodeCache.builder()
                .add(bundle("06-55-04", patch))
                .add(bundle("06-55-04.initramfs", intel(0x50656, 0xbf, 0x4003605), patch))
                .build();
        assertThat(cache.allPatches()).hasSize(2);
        CachedPatch skx = cache.entries(CpuSignature.of(SKX)).get(0).cached();
        assertThat(skx.origins()).containsExactly(new PatchOrigin("06-55-04", 0), new PatchOrigin("06-55-04.initramfs", 24));
        assertThat(skx.bundleNumber()).isEqualTo(1);
        assertThat(cache.statistics()).isEqualTo(new CacheStatistics(3, 2, 3, 2, 2, 2));
    }

    @Test
    void aNewerPatchReplacesTheEntriesItsMaskCovers() throws Exception {
        MicrocodeCache cache = build(intel(SKX, 0x01, 5), intel(SKX, 0x02, 5), intel(SKX, 0x03, 6));
        assertThat(cache.entries()).extracting(e -> e.platformFlags().mask(), e -> e.revision().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x03, 6));
    }

    @Test
    void aPatchCoveredByANewerOneIsNotKept() throws Exception {
        MicrocodeCache cache = build(intel(SKX, 0x03, 6), intel(SKX, 0x01, 5), intel(SKX, 0x01, 6));
        assertThat(cache.entries()).extracting(e -> e.platformFlags().mask(), e -> e.revision().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x03, 6));
    }

    @Test
    void masksThatDoNotCoverEachOtherCoexistInListingOrder() throws Exception {
        MicrocodeCache cache = build(intel(SKX, 0x01, 7), intel(SKX, 0x06, 5), intel(0x406f1, 0xef, 0xb000040), intel(SKX, 0x03, 6));
        assertThat(cache.entries()).extracting(e -> e.signature().eax(), e -> e.platformFlags().mask())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x406f1, 0xef), org.assertj.core.groups.Tuple.tuple(SKX, 0x06),
                        org.assertj.core.groups.Tuple.tuple(SKX, 0x03), org.assertj.core.groups.Tuple.tuple(SKX, 0x01));
    }

    @Test
    void downgradeKeepsThePatchOfTheInputLoadedLast() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder().mergeRule(MergeRule.LAST_LOADED)
                .add(bundle("new", intel(SKX, 0xb7, 0x2007006)))
                .add(bundle("old", intel(SKX, 0xb7, 0x2006e05), intel(SKX, 0xb7, 0x2006a08)))
                .build();
        assertThat(cache.entries()).singleElement().extracting(e -> e.revision().value()).isEqualTo(0x2006e05);
    }

    @Test
    void onlyANewerRevisionReplacesByDefault() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder()
                .add(bundle("new", intel(SKX, 0xb7, 0x2007006)))
                .add(bundle("old", intel(SKX, 0xb7, 0x2006e05)))
                .build();
        assertThat(cache.entries()).singleElement().extracting(e -> e.revision().value()).isEqualTo(0x2007006);
    }

    @Test
    void differentBytesForTheSameRevisionAreAConflict() throws Exception {
        MicrocodePatch first = intel(SKX, 0xb7, 0x2007006);
        MicrocodePatch second = Patches.patch(Vendor.INTEL, SKX, 0xb7, 0x2007006, LocalDate.of(2024, 1, 1), 1);
        assertThatThrownBy(() -> MicrocodeCache.builder().add(bundle("a", first)).add(bundle("b", intel(1, 1, 1), second)).build())
                .isInstanceOf(MicrocodeFormatException.class)
                .hasMessageStartingWith("b@0x18: patches with the same signature, platform mask and revision must be identical")
                .hasMessageContaining("also at a@0x0")
                .extracting(e -> ((MicrocodeFormatException) e).rule()).isEqualTo(CacheRule.CONFLICTING_PATCHES);

        MicrocodeCache lenient = MicrocodeCache.builder().strict(false).add(bundle("a", first)).add(bundle("b", second)).build();
        assertThat(lenient.findings()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("CACHE_CONFLICTING_PATCHES"));
        assertThat(lenient.entries()).singleElement().satisfies(e -> assertThat(e.cached().patch().sameBytes(first)).isTrue());
    }

    @Test
    void aPatchShippedThreeTimesIsOneWarningNamingEveryPlaceAndTheFirstIsKept() throws Exception {
        MicrocodePatch first = intel(SKX, 0xb7, 0x2007006);
        MicrocodePatch second = Patches.patch(Vendor.INTEL, SKX, 0xb7, 0x2007006, LocalDate.of(2024, 1, 1), 1);
        MicrocodePatch third = Patches.patch(Vendor.INTEL, SKX, 0xb7, 0x2007006, LocalDate.of(2024, 1, 1), 2);
        MicrocodeCache cache = MicrocodeCache.builder().strict(false)
                .add(bundle("a", first)).add(bundle("b", second)).add(bundle("c", third)).build();
        assertThat(cache.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(io.github.ucode4j.api.Severity.WARNING);
            assertThat(f.source()).isEqualTo("b");
            assertThat(f.message()).contains("also at a@0x0", "c@0x0", "the first one, at a@0x0, is kept");
        });
        assertThat(cache.entries()).singleElement().satisfies(e -> assertThat(e.cached().patch().sameBytes(first)).isTrue());
    }

    @Test
    void theSelectionDecidesWhatIsMergedAndTheNewestSelectedWins() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder()
                .selection(Selection.builder().signature("0x50654,,lt:0x2007006").build())
                .add(bundle("a", intel(SKX, 0xb7, 0x2007006), intel(SKX, 0xb7, 0x2006e05), intel(SKX, 0xb7, 0x2006a08), intel(0x50657, 0xbf, 1)))
                .build();
        assertThat(cache.entries()).singleElement().extracting(e -> e.revision().value()).isEqualTo(0x2006e05);
        assertThat(cache.statistics().patchesRead()).isEqualTo(4);
        assertThat(cache.statistics().patchesSelected()).isEqualTo(1);
    }

    @Test
    void contentsDoNotDependOnInputOrder() {
        Generator<List<MicrocodePatch>> patches = random -> {
            List<MicrocodePatch> list = new ArrayList<>();
            int count = random.nextInt(1, 12);
            for (int i = 0; i < count; i++) {
                // Distinct revisions, so no two patches conflict; few signatures and masks, so they compete.
                list.add(intel(0x50654 + random.nextInt(0, 3), 1 + random.nextInt(0, 15), 100 * i + random.nextInt(0, 100)));
            }
            return list;
        };
        Properties.forAll("cache contents are independent of input order", patches, list -> {
            List<MicrocodePatch> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, new java.util.Random(list.size()));
            assertThat(entriesOf(build(shuffled))).isEqualTo(entriesOf(build(list)));
        });
    }

    @Test
    void noKeptEntryIsCoveredByANewerPatchRead() {
        Generator<List<MicrocodePatch>> patches = random -> randomPatches(random);
        Properties.forAll("the newest patch for a mask always wins", patches, list -> {
            MicrocodeCache cache = build(list);
            for (CacheEntry kept : cache.entries()) {
                for (MicrocodePatch other : list) {
                    boolean coversNewer = other.targets().stream().anyMatch(t -> t.signature().equals(kept.signature())
                            && t.platformFlags().covers(kept.platformFlags())) && other.revision().isNewerThan(kept.revision());
                    assertThat(coversNewer).as("%s is covered by the newer %s", kept, other).isFalse();
                }
            }
        });
    }

    private static List<MicrocodePatch> randomPatches(SplittableRandom random) {
        List<MicrocodePatch> list = new ArrayList<>();
        int count = random.nextInt(1, 12);
        for (int i = 0; i < count; i++) {
            list.add(intel(0x50654 + random.nextInt(0, 2), 1 + random.nextInt(0, 7), 10 * i + random.nextInt(0, 10)));
        }
        return list;
    }

    private static List<String> entriesOf(MicrocodeCache cache) {
        return cache.entries().stream().map(e -> e.signature() + "/" + e.platformFlags() + "/" + e.revision()).toList();
    }

    private static MicrocodeCache build(MicrocodePatch... patches) throws MicrocodeFormatException {
        return build(List.of(patches));
    }

    private static MicrocodeCache build(List<MicrocodePatch> patches) throws MicrocodeFormatException {
        MicrocodeCache.Builder builder = MicrocodeCache.builder();
        for (MicrocodePatch patch : patches) {
            Bundle one = bundle("f" + builder.hashCode(), patch);
            builder.add(one);
        }
        return builder.build();
    }
}
