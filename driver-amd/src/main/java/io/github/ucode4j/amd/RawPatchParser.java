package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.api.spi.ParseReporter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Reads an input that is one patch without a container, as collections of single patches store them: header and
 * body, nothing around them, so the patch is as long as the input. The caller has checked its header with
 * {@link RawPatchShape}.
 *
 * <p>Without a container there is no equivalence table. From family 0x17 on none is needed: the patch id names the
 * CPU, as for every Zen patch. Before, a loader finds a CPU's patch only through a table; the patch is then for the
 * CPUs AMD's published tables ({@link PublishedEquivalenceTable}) map to its {@code processor_rev_id}, and an id they
 * do not know breaks {@link AmdRule#EQUIVALENCE_MISSING} as in a container. The writers put a raw patch in a container
 * with those entries, so the loaders get what they read.
 */
final class RawPatchParser {
    private RawPatchParser() {
    }

    /** Parses {@code input} from its position to its limit, leaving both unchanged. */
    static ParsedContainers parse(ByteBuffer input, String source, ParseMode mode) throws MicrocodeFormatException {
        ByteBuffer data = input.slice().order(ByteOrder.LITTLE_ENDIAN);
        ParseReporter report = new ParseReporter(source, mode);
        AmdPatchHeader header = AmdPatchHeader.read(data, 0);
        int maximum = PatchSizeLimits.maximumSize(header.family());
        if (data.limit() > maximum) {
            MicrocodeFormatException tooLarge = report.error(AmdRule.PATCH_TOO_LARGE, maximum, String.format(
                    "a raw patch of %d bytes; family 0x%x allows %d", data.limit(), header.family(), maximum));
            if (mode != ParseMode.RECOVER) {
                throw tooLarge;
            }
            report.rejected(tooLarge);
            report.skipped(0, data.limit(), tooLarge);
            return new ParsedContainers(source, List.of(), Optional.empty(), report.findings());
        }
        List<EquivalenceEntry> published = header.isZen() ? List.of()
                : PublishedEquivalenceTable.builtIn().entriesFor(header.processorRevId());
        List<CpuSignature> cpus = header.isZen() ? List.of(header.encodedSignature())
                : published.stream().map(EquivalenceEntry::installedCpu).toList();
        if (cpus.isEmpty()) {
            report.broken(AmdRule.EQUIVALENCE_MISSING, AmdPatchHeader.PROCESSOR_REV_ID_OFFSET, String.format(
                    "a raw patch has no equivalence table, and AMD's published tables map no CPU to processor_rev_id "
                            + "0x%04x of patch 0x%x; in a container whose table maps its CPU to that id, a loader could "
                            + "use it", header.processorRevId(), header.patchId()));
            return new ParsedContainers(source, List.of(), Optional.empty(), report.findings());
        }
        report.note(AmdRule.RAW_PATCH, 0, howItMatches(header, cpus));
        List<PatchTarget> targets = cpus.stream().map(cpu -> new PatchTarget(cpu, PlatformFlags.NONE)).toList();
        MicrocodePatch patch = new AmdPatchDetails(header, published).toPatch(targets, data, new PatchOrigin(source, 0));
        return new ParsedContainers(source, List.of(), Optional.of(patch), report.findings());
    }

    private static String howItMatches(AmdPatchHeader header, List<CpuSignature> cpus) {
        List<String> named = cpus.stream().map(CpuSignature::hex).toList();
        String matching = header.isZen()
                ? "from family 0x17 on the patch_id names the CPU, " + named.get(0) + ", so none is needed"
                : String.format("before family 0x17 a CPU finds its patch only through one; AMD's published tables map "
                        + "%s to processor_rev_id 0x%04x", named, header.processorRevId());
        return "a patch without a container, so without an equivalence table: " + matching
                + "; the writers put it in a container with the equivalence entries the loaders need";
    }
}
