package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.testing.Corpus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The writers on Debian's AMD files: per-family containers the kernel reads, and the early initramfs. */
class AmdWritersTest {
    private static final MicrocodeDrivers DRIVERS = MicrocodeDrivers.load();
    private static final MicrocodeOps AMD = DRIVERS.forVendor(Vendor.AMD).orElseThrow();

    private static List<Bundle> corpus() throws Exception {
        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(Corpus.amdFirmware())) {
            for (Path file : files.sorted().toList()) {
                bundles.add(AMD.parse(ByteBuffer.wrap(Files.readAllBytes(file)), file.getFileName().toString()));
            }
        }
        return bundles;
    }

    @Test
    void perFamilyFilesHoldTheSamePatchesAsDebiansUnderTheSameNames() throws Exception {
        List<Bundle> debian = corpus();
        MicrocodeCache cache = MicrocodeCache.builder().addAll(debian).build();
        Map<String, ByteBuffer> files = new MicrocodeWriter(DRIVERS).firmwareFiles(cache);

        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(
                debian.stream().map(b -> "amd-ucode/" + b.source()).toList());
        for (Bundle original : debian) {
            List<MicrocodePatch> written = AMD.parse(files.get("amd-ucode/" + original.source()), original.source()).patches();
            assertThat(written).as(original.source()).hasSameSizeAs(original.patches());
            assertThat(written).allSatisfy(w -> assertThat(original.patches()).anySatisfy(o -> assertThat(o.sameBytes(w)).isTrue()));
        }
    }

    @Test
    void theEarlyInitramfsCarriesEveryAmdPatchOnce() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder().addAll(corpus()).build();
        List<EarlyInitramfsTest.Entry> entries = EarlyInitramfsTest.read(new MicrocodeWriter(DRIVERS).earlyInitramfs(cache));
        EarlyInitramfsTest.Entry amd = entries.stream().filter(e -> e.name().equals("kernel/x86/microcode/AuthenticAMD.bin"))
                .findFirst().orElseThrow();
        ByteBuffer archive = new MicrocodeWriter(DRIVERS).earlyInitramfs(cache);
        ByteBuffer payload = archive.slice(amd.dataOffset(), amd.size());
        assertThat(AMD.parse(payload, "AuthenticAMD.bin").patches()).hasSize(41);
        assertThat(entries).noneMatch(e -> e.name().endsWith("GenuineIntel.bin"));
    }
}
