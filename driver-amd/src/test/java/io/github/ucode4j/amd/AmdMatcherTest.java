package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching before Zen through the equivalence table, and on Zen through the patch id. */
class AmdMatcherTest {
    private static final CpuSignature FAM10_A = CpuSignature.of(0x00100f43);
    private static final CpuSignature FAM10_B = CpuSignature.of(0x00100f53);
    private static final CpuSignature ZEN3 = CpuSignature.of(0x00a00f10);

    private static CpuState amd(CpuSignature cpu) {
        return CpuState.of(Vendor.AMD, cpu, PlatformFlags.NONE, Revision.of(0));
    }

    /** A family 0x10 patch with id 0x1043 that two CPUs share, as in Debian's microcode_amd.bin. */
    private static MicrocodePatch sharedFamily10Patch() throws MicrocodeFormatException {
        SyntheticPatch patch = AmdPatchBuilder.forCpu(FAM10_A).revision(0x010000c8).build();
        EquivalenceTable table = new EquivalenceTable(List.of(EquivalenceEntry.of(FAM10_A, 0x1043),
                EquivalenceEntry.of(CpuSignature.of(0x00100f22), 0x1022), EquivalenceEntry.of(FAM10_B, 0x1043),
                EquivalenceEntry.TERMINATOR));
        return Parsing.parse(AmdContainerWriter.write(table, List.of(patch.image()))).patches().get(0);
    }

    private static MicrocodePatch zen3Patch() throws MicrocodeFormatException {
        return Parsing.parse(AmdPatchBuilder.forCpu(ZEN3).revision(0x0a00107a).build().container()).patches().get(0);
    }

    @Test
    void beforeZenEveryCpuTheTableMapsToThePatchIsATarget() throws MicrocodeFormatException {
        MicrocodePatch patch = sharedFamily10Patch();
        EquivalenceTable table = Parsing.parse(AmdContainerWriter.merge(List.of(patch))).containers().get(0).table();
        assertThat(table.equivalenceIdOf(FAM10_B)).contains(0x1043);
        assertThat(table.equivalenceIdOf(CpuSignature.of(0x00100f22))).isEmpty();
        assertThat(patch.targets()).extracting(t -> t.signature()).containsExactly(FAM10_A, FAM10_B);
        Match match = Parsing.OPS.match(patch, amd(FAM10_B));
        assertThat(match.status()).isEqualTo(MatchStatus.MATCH);
        assertThat(match.target()).hasValueSatisfying(t -> assertThat(t.signature()).isEqualTo(FAM10_B));
        assertThat(match.reason()).contains("0x00100f53", "0x1043");
    }

    @Test
    void beforeZenACpuTheTableMapsElsewhereHasNoEntryForThePatch() throws MicrocodeFormatException {
        Match match = Parsing.OPS.match(sharedFamily10Patch(), amd(CpuSignature.of(0x00100f22)));
        assertThat(match.status()).isEqualTo(MatchStatus.NO_EQUIVALENCE_ENTRY);
        assertThat(match.reason()).contains("0x00100f22", "0x1043");
    }

    @Test
    void zenMatchesThroughTheCpuidInThePatchId() throws MicrocodeFormatException {
        Match match = Parsing.OPS.match(zen3Patch(), amd(ZEN3));
        assertThat(match.matches()).isTrue();
        assertThat(match.reason()).contains("0x0a00107a", "0x00a00f10");
    }

    @Test
    void zenIgnoresTheTable() throws MicrocodeFormatException {
        SyntheticPatch patch = AmdPatchBuilder.forCpu(ZEN3).revision(0x0a00107a).build();
        SyntheticPatch misfiled = new SyntheticPatch(patch.header(), patch.image(),
                EquivalenceEntry.of(CpuSignature.of(0x00a00f11), 0xa010));
        MicrocodePatch parsed = Parsing.parse(misfiled.container()).patches().get(0);
        assertThat(Parsing.OPS.match(parsed, amd(ZEN3)).matches()).isTrue();
        assertThat(Parsing.OPS.match(parsed, amd(CpuSignature.of(0x00a00f11))).status())
                .isEqualTo(MatchStatus.SIGNATURE_MISMATCH);
    }

    @Test
    void zenOtherSteppingIsASignatureMismatch() throws MicrocodeFormatException {
        Match match = Parsing.OPS.match(zen3Patch(), amd(CpuSignature.of(0x00a00f11)));
        assertThat(match.status()).isEqualTo(MatchStatus.SIGNATURE_MISMATCH);
        assertThat(match.reason()).contains("0x00a00f11");
    }

    @Test
    void theFamilyMustBeTheCpus() throws MicrocodeFormatException {
        Match match = Parsing.OPS.match(zen3Patch(), amd(CpuSignature.of(0x00800f12)));
        assertThat(match.status()).isEqualTo(MatchStatus.FAMILY_MISMATCH);
        assertThat(match.reason()).contains("0x19", "0x17");
    }

    @Test
    void unknownOrOtherVendorAndUnknownSignature() throws MicrocodeFormatException {
        MicrocodePatch patch = zen3Patch();
        assertThat(Parsing.OPS.match(patch, CpuState.UNKNOWN).status()).isEqualTo(MatchStatus.VENDOR_MISMATCH);
        assertThat(Parsing.OPS.match(patch, CpuState.of(Vendor.INTEL, ZEN3, PlatformFlags.NONE, Revision.of(0))).status())
                .isEqualTo(MatchStatus.VENDOR_MISMATCH);
        CpuState noSignature = new CpuState(Optional.of(Vendor.AMD), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(Parsing.OPS.match(patch, noSignature).status()).isEqualTo(MatchStatus.SIGNATURE_UNKNOWN);
    }

    @Test
    void sameOrNewerRevisionLoadsOnEveryThread() throws MicrocodeFormatException {
        MicrocodePatch patch = zen3Patch();
        assertThat(Vendor.AMD.wouldLoad(Revision.of(0x0a00107a), patch.revision())).isTrue();
        assertThat(Vendor.AMD.wouldLoad(Revision.of(0x0a001079), patch.revision())).isTrue();
        assertThat(Vendor.AMD.wouldLoad(Revision.of(0x0a00107b), patch.revision())).isFalse();
        assertThat(Parsing.OPS.loadProtocol().unit()).isEqualTo(io.github.ucode4j.api.LoadProtocol.LoadUnit.PER_THREAD);
    }
}
