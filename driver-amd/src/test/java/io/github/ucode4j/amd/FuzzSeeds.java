package io.github.ucode4j.amd;

import io.github.ucode4j.testing.CommittedSeeds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed seeds of {@link AmdParserFuzzTest}, made by {@link AmdPatchBuilder} (no vendor firmware is ever
 * committed). The test checks that the committed files are what the builder makes; run it with
 * {@code -Dfuzz.seeds=write} to write them again after a change to the builder.
 */
class FuzzSeeds {
    private static final Path INPUTS = Path.of("src/test/resources/io/github/ucode4j/amd/AmdParserFuzzTestInputs");

    @Test
    void committedSeedsAreTheBuildersOutput() throws IOException {
        CommittedSeeds.check(INPUTS, seeds());
    }

    private static Map<String, byte[]> seeds() {
        SyntheticPatch family15 = AmdPatchBuilder.forCpu(0x15, 0x02, 0x00).revision(0x06000852).bodySize(128).build();
        SyntheticPatch zen2 = AmdPatchBuilder.forCpu(0x17, 0x31, 0x00).date(LocalDate.of(2023, 7, 19)).bodySize(96)
                .seed(1).build();
        SyntheticPatch zen4 = AmdPatchBuilder.forCpu(0x19, 0x61, 0x02).bodySize(64).patchDataChecksum(0x0a601203)
                .seed(2).build();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("container/family-15h", bytes(family15.container()));
        seeds.put("container/zen-two-patches", bytes(SyntheticPatch.container(List.of(zen2, zen4))));
        seeds.put("container/two-containers", bytes(AmdContainerWriter.concatenate(
                List.of(family15.container(), zen2.container()))));
        SyntheticPatch zen5 = AmdPatchBuilder.forCpu(0x1a, 0x70, 0x00).revision(0x0b700037).bodySize(96).seed(3).build();
        seeds.put("container/without-end-entry", bytes(SyntheticPatch.container(List.of(zen4, zen5), TableEnd.LENGTH_ONLY)));
        seeds.put("container/raw-zen-patch", bytes(zen5.image()));
        seeds.put("container/raw-family-15h-patch", bytes(family15.image()));
        return seeds;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        return SyntheticInputs.toArray(buffer);
    }
}
