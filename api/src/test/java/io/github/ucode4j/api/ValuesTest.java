package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void platformFlagsFitWhenMasksIntersectOrBothAreEmpty() {
        PlatformFlags patch = PlatformFlags.of(0xb7);
        assertThat(patch.fits(PlatformFlags.ofPlatformId(0))).isTrue();
        assertThat(patch.fits(PlatformFlags.ofPlatformId(3))).isFalse();
        assertThat(PlatformFlags.NONE.fits(PlatformFlags.NONE)).isTrue();
        assertThat(PlatformFlags.NONE.fits(PlatformFlags.ofPlatformId(0))).isFalse();
        assertThat(patch.covers(PlatformFlags.of(0x17))).isTrue();
        assertThat(patch.covers(PlatformFlags.of(0x18))).isFalse();
        assertThat(patch).hasToString("0xb7");
        assertThatThrownBy(() -> PlatformFlags.of(0x100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformFlags.ofPlatformId(8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logicalCpuKnowsItsPrimaryThread() {
        LogicalCpu first = new LogicalCpu(2, 1, 0, List.of(10, 2));
        LogicalCpu second = new LogicalCpu(10, 1, 0, List.of(2, 10));
        assertThat(first.isPrimaryThread()).isTrue();
        assertThat(second.isPrimaryThread()).isFalse();
        assertThat(first.smtSiblings()).containsExactly(2, 10);
        assertThatThrownBy(() -> new LogicalCpu(3, 0, 0, List.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void platformSortsCpusAndRefusesDuplicates() {
        PlatformCpu cpu1 = new PlatformCpu(LogicalCpu.alone(1, 1, 0), CpuState.UNKNOWN, Map.of());
        PlatformCpu cpu0 = new PlatformCpu(LogicalCpu.alone(0, 0, 0),
                CpuState.of(Vendor.AMD, CpuSignature.of(0xa00f11), PlatformFlags.NONE, Revision.of(0xa0011d5)),
                Map.of(Fact.REVISION, "MSR 0x8B"));
        Platform platform = new Platform("test", List.of(cpu1, cpu0), Optional.of(false), List.of());
        assertThat(platform.cpus()).extracting(PlatformCpu::index).containsExactly(0, 1);
        assertThat(platform.vendors()).containsExactly(Vendor.AMD);
        assertThat(platform.cpu(0).orElseThrow().sourceOf(Fact.REVISION)).isEqualTo("MSR 0x8B");
        assertThat(platform.cpu(1).orElseThrow().sourceOf(Fact.REVISION)).isEqualTo("unknown");
        assertThatThrownBy(() -> new Platform("test", List.of(cpu0, cpu0), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void patchExposesAReadOnlyViewOfItsOwnBytes() {
        ByteBuffer input = ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 3, 4, 9});
        input.position(2).limit(6);
        MicrocodePatch patch = new MicrocodePatch(Vendor.AMD, Revision.of(0x1234), Optional.empty(),
                List.of(new PatchTarget(CpuSignature.of(0xa00f11), PlatformFlags.NONE)), Optional.empty(), input,
                new PatchOrigin("f", 2), Map::of);
        assertThat(patch.size()).isEqualTo(4);
        ByteBuffer view = patch.bytes();
        assertThat(view.isReadOnly()).isTrue();
        assertThat(view.get()).isEqualTo((byte) 1);
        assertThat(patch.bytes().position()).isZero();
        assertThat(patch.sha256()).isEqualTo("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a");
        assertThatThrownBy(() -> new MicrocodePatch(Vendor.AMD, Revision.of(1), Optional.empty(), List.of(),
                Optional.empty(), input, new PatchOrigin("f", 0), Map::of)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoadProtocolNeedsAnOffsetInThePatchAndAPowerOfTwoAlignment() {
        assertThat(new LoadProtocol(Vendor.INTEL, 0x79, 48, 16, LoadProtocol.LoadUnit.PER_CORE).addressOffset()).isEqualTo(48);
        assertThatThrownBy(() -> new LoadProtocol(Vendor.AMD, 0xC0010020L, -1, 16, LoadProtocol.LoadUnit.PER_THREAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadProtocol(Vendor.AMD, 0xC0010020L, 0, 12, LoadProtocol.LoadUnit.PER_THREAD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsCarryTheirReasons() {
        assertThatThrownBy(() -> new Verdict(0, VerdictKind.UPDATE, Optional.empty(), "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Match.mismatch(MatchStatus.MATCH, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CpuOutcome.SIBLING_UPDATED.succeeded()).isTrue();
        assertThat(CpuOutcome.REFUSED.succeeded()).isFalse();
    }

    @Test
    void errorsNameTheSourceTheOffsetAndTheRule() {
        MicrocodeFormatException e = new MicrocodeFormatException(InputRule.EMPTY, "intel-ucode/06-55-04", 0x400, "0 bytes");
        assertThat(e).hasMessage("intel-ucode/06-55-04@0x400: the input must not be empty (0 bytes) [INPUT_EMPTY]");
        assertThat(e.rule()).isEqualTo(InputRule.EMPTY);
        assertThat(e.offset()).isEqualTo(0x400);

        ApplyException apply = new ApplyException("writing MSR 0x79 on CPU 3 failed: Operation not permitted",
                OptionalInt.of(3), OptionalInt.of(1), "run as root", null);
        assertThat(apply).hasMessageEndingWith("; run as root");
        assertThat(apply.cpu()).hasValue(3);
        assertThat(apply.errno()).hasValue(1);
    }
}
