package io.github.ucode4j.cache;

import static io.github.ucode4j.cache.Patches.intel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final MicrocodePatch SKX = intel(0x50654, 0xb7, 0x2007006);
    private static final MicrocodePatch CLX = intel(0x50657, 0xbf, 0x5003707);

    private static boolean selects(Selection selection, MicrocodePatch patch) {
        return selection.selects(patch.primaryTarget(), patch);
    }

    @Test
    void parsesIucodeToolsFilterSyntax() {
        SignatureFilter filter = SignatureFilter.parse("!0x50654,0x80,lt:0x2007006");
        assertThat(filter.exclude()).isTrue();
        assertThat(filter.signature()).isEqualTo(CpuSignature.of(0x50654));
        assertThat(filter.platformFlags()).contains(PlatformFlags.of(0x80));
        assertThat(filter.revision()).hasValueSatisfying(r -> {
            assertThat(r.operator()).isEqualTo(SignatureFilter.RevisionCondition.Operator.LT);
            assertThat(r.revision()).isEqualTo(Revision.of(0x2007006));
        });
        assertThat(SignatureFilter.parse("329300").signature().eax()).isEqualTo(329300);   // decimal
        assertThat(SignatureFilter.parse("01203124").signature().eax()).isEqualTo(0x50654); // octal
        assertThat(SignatureFilter.parse("0x50654,,gt:0x10").platformFlags()).isEmpty();
    }

    @Test
    void rejectsMalformedFiltersWithTheReason() {
        assertThatThrownBy(() -> SignatureFilter.parse("0xzz")).isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("invalid signature '0xzz'");
        assertThatThrownBy(() -> SignatureFilter.parse("0x50654,0x100")).hasMessageContaining("invalid pf_mask '0x100'");
        assertThatThrownBy(() -> SignatureFilter.parse("0x50654,,ne:1")).hasMessageContaining("invalid revision 'ne:1'");
        assertThatThrownBy(() -> SignatureFilter.parse("1,2,3,4")).hasMessageContaining("expected [!]signature");
        assertThatThrownBy(() -> SignatureFilter.parse("")).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> SignatureFilter.parse("+5")).hasMessageContaining("invalid signature '+5'");
        assertThatThrownBy(() -> SignatureFilter.parse("\u0663")).as("an Arabic-Indic three is not a C digit")
                .isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> Selection.builder().dateBefore("2024/01/01")).hasMessageContaining("expected YYYY-MM-DD");
    }

    @Test
    void withoutFiltersEverythingIsSelected() {
        assertThat(selects(Selection.all(), SKX)).isTrue();
        assertThat(Selection.all().isAll()).isTrue();
    }

    @Test
    void exclusionsAloneSelectEverythingElse() {
        Selection selection = Selection.builder().signature("!0x50654").build();
        assertThat(selects(selection, SKX)).isFalse();
        assertThat(selects(selection, CLX)).isTrue();
    }

    @Test
    void anInclusionSelectsOnlyWhatItMatches() {
        Selection selection = Selection.builder().signature("0x50654").build();
        assertThat(selects(selection, SKX)).isTrue();
        assertThat(selects(selection, CLX)).isFalse();
        assertThat(selects(Selection.builder().signature("!").build(), SKX)).isFalse();
    }

    @Test
    void laterFiltersOverrideEarlierOnes() {
        assertThat(selects(Selection.builder().signature("0x50654").signature("!0x50654").build(), SKX)).isFalse();
        assertThat(selects(Selection.builder().signature("!0x50654").signature("0x50654").build(), SKX)).isTrue();
    }

    @Test
    void aMaskSelectsPatchesSuitableForAnyOfItsPlatforms() {
        assertThat(selects(Selection.builder().signature("0x50654,0x02").build(), SKX)).isTrue();
        assertThat(selects(Selection.builder().signature("0x50654,0x08").build(), SKX)).isFalse();
        assertThat(selects(Selection.builder().signature("0x50654,0").build(), SKX)).isTrue();
    }

    @Test
    void revisionConditionsCompareAsTheLoadersDo() {
        assertThat(selects(Selection.builder().signature("0x50654,,0x2007006").build(), SKX)).isTrue();
        assertThat(selects(Selection.builder().signature("0x50654,,gt:0x2007005").build(), SKX)).isTrue();
        assertThat(selects(Selection.builder().signature("0x50654,,lt:0x2007006").build(), SKX)).isFalse();
    }

    @Test
    void dateBoundsAreStrict() {
        MicrocodePatch dated = Patches.patch(Vendor.INTEL, 0x50654, 0xb7, 1, LocalDate.of(2023, 3, 6), 0);
        assertThat(selects(Selection.builder().dateBefore("2023-03-06").build(), dated)).isFalse();
        assertThat(selects(Selection.builder().dateBefore("2023-03-07").build(), dated)).isTrue();
        assertThat(selects(Selection.builder().dateAfter("2023-03-06").build(), dated)).isFalse();
        assertThat(selects(Selection.builder().dateAfter("2000-00-00").build(), dated)).isTrue();
    }

    @Test
    void looseDatesSelectEveryRevisionOfAMicrocodeWithOneRevisionInTheRange() {
        MicrocodePatch old = Patches.patch(Vendor.INTEL, 0x50654, 0xb7, 0x10, LocalDate.of(2019, 1, 2), 0);
        MicrocodePatch newer = Patches.patch(Vendor.INTEL, 0x50654, 0xb7, 0x20, LocalDate.of(2025, 1, 2), 0);
        MicrocodePatch sharedPlatform = Patches.patch(Vendor.INTEL, 0x50654, 0x01, 0x30, LocalDate.of(2025, 1, 2), 0);
        MicrocodePatch otherPlatforms = Patches.patch(Vendor.INTEL, 0x50654, 0x08, 0x50, LocalDate.of(2025, 1, 2), 0);
        MicrocodePatch otherSignature = Patches.patch(Vendor.INTEL, 0x806ec, 0xb7, 0x40, LocalDate.of(2025, 1, 2), 0);
        List<MicrocodePatch> read = List.of(old, newer, sharedPlatform, otherPlatforms, otherSignature);

        Selection strict = Selection.builder().dateBefore("2020-01-01").build();
        Selection loose = Selection.builder().dateBefore("2020-01-01").looseDates(read).build();

        assertThat(read.stream().filter(p -> selects(strict, p))).containsExactly(old);
        assertThat(read.stream().filter(p -> selects(loose, p))).containsExactly(old, newer, sharedPlatform);
        assertThat(selects(Selection.builder().dateBefore("2020-01-01").signature("!0x50654").looseDates(read).build(), newer))
                .as("the other filters still apply").isFalse();
        assertThat(Selection.builder().looseDates(read).build().isAll()).as("without a date range loose dates change nothing")
                .isTrue();
    }

    @Test
    void selectsByVendorAndByTheSignaturesOfAPlatform() {
        Platform machine = new Platform("test", List.of(new PlatformCpu(LogicalCpu.alone(0, 0, 0),
                new CpuState(Optional.of(Vendor.INTEL), Optional.of(CpuSignature.of(0x50657)), Optional.empty(), Optional.empty()),
                Map.of())), Optional.empty(), List.of());
        Selection thisMachine = Selection.builder().platform(machine).build();
        assertThat(selects(thisMachine, CLX)).isTrue();
        assertThat(selects(thisMachine, SKX)).isFalse();
        assertThat(selects(Selection.builder().vendor(Vendor.AMD).build(), SKX)).isFalse();
        assertThat(thisMachine).hasToString("the signatures of this machine [0x00050657 (06-55-07)]");
    }
}
