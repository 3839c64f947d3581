package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates, Zen patch ids, and the builder's guards. */
class FieldCodecTest {

    @Test
    void datesArePackedBcdMonthDayYear() {
        assertThat(BcdDate.decode(0x04302008)).contains(LocalDate.of(2008, 4, 30));
        assertThat(BcdDate.encode(LocalDate.of(2024, 2, 26))).isEqualTo(0x02262024);
        assertThat(BcdDate.decode(0x13092011)).as("the real family 0x12 patch").isEmpty();
        assertThat(BcdDate.decode(0x0230200a)).isEmpty();
        assertThat(BcdDate.decode(0x02302024)).isEmpty();
    }

    @Test
    void zenPatchIdsEncodeTheCpu() {
        assertThat(ZenPatchId.signatureOf(0x0a00107a)).isEqualTo(CpuSignature.of(0x00a00f10));
        assertThat(ZenPatchId.signatureOf(0x0a101248)).isEqualTo(CpuSignature.of(0x00a10f12));
        assertThat(ZenPatchId.signatureOf(0x0aa00215)).isEqualTo(CpuSignature.of(0x00aa0f02));
        assertThat(ZenPatchId.lowestRevision(CpuSignature.of(0x00a70fc0))).isEqualTo(Revision.of(0x0a70c000));
    }

    @Test
    void theBuilderRefusesWhatNoLoaderWouldTake() {
        assertThatThrownBy(() -> AmdPatchBuilder.forCpu(0x0f, 0x04, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmdPatchBuilder.forCpu(CpuSignature.of(0x00a03f10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmdPatchBuilder.forCpu(0x19, 0x01, 0).revision(0x0a00117a))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmdPatchBuilder.forCpu(0x17, 0x01, 0).bodySize(3200 - 63))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmdPatchBuilder.forCpu(0x17, 0x01, 0).equivalenceId(0xa010))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderUsesAmdsEquivalenceIdsAndRevisionNumbering() {
        SyntheticPatch zen = AmdPatchBuilder.forCpu(CpuSignature.of(0x00a70fc0)).build();
        assertThat(zen.equivalenceEntry()).isEqualTo(EquivalenceEntry.of(CpuSignature.of(0x00a70fc0), 0xa7c0));
        assertThat(zen.header().patchId()).isEqualTo(0x0a70c001);
        SyntheticPatch old = AmdPatchBuilder.forCpu(CpuSignature.of(0x00600f20)).bodySize(0).build();
        assertThat(old.equivalenceEntry().equivalenceId()).isEqualTo(0x6020);
        assertThat(old.header().patchId()).isEqualTo(0x06000001);
        assertThat(old.image().remaining()).isEqualTo(64);
    }
}
