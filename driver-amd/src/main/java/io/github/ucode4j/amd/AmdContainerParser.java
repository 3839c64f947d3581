package io.github.ucode4j.amd;

import static io.github.ucode4j.amd.ContainerFormat.CONTAINER_HEADER_SIZE;
import static io.github.ucode4j.amd.ContainerFormat.EQUIVALENCE_TABLE_TYPE;
import static io.github.ucode4j.amd.ContainerFormat.MAGIC;
import static io.github.ucode4j.amd.ContainerFormat.PATCH_TYPE;
import static io.github.ucode4j.amd.ContainerFormat.SECTION_HEADER_SIZE;

import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.api.spi.ParseReporter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one input of concatenated containers. Every length is checked against the bytes that remain before it is
 * used, so no read leaves the input and nothing is allocated from a size that has not been verified; patches are
 * slices of the input. One parser per input: it collects findings as it goes.
 */
final class AmdContainerParser {
    private final ByteBuffer data;
    private final int limit;
    private final ParseReporter report;
    private final EquivalenceAudit audit;
    // The container or patch section being read: what recover mode skips when it breaks a rule.
    private int unitStart;
    private boolean unitIsSection;

    private AmdContainerParser(ByteBuffer input, String source, ParseMode mode) {
        this.data = input.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.limit = data.limit();
        this.report = new ParseReporter(source, mode);
        this.audit = new EquivalenceAudit(report);
    }

    /** Parses {@code input} from its position to its limit, leaving both unchanged. */
    static ParsedContainers parse(ByteBuffer input, String source, ParseMode mode) throws MicrocodeFormatException {
        return new AmdContainerParser(input, source, mode).run();
    }

    private ParsedContainers run() throws MicrocodeFormatException {
        if (limit == 0) {
            throw new MicrocodeFormatException(InputRule.EMPTY, report.source(), 0, "");
        }
        List<AmdContainer> containers = new ArrayList<>();
        int position = 0;
        while (position < limit) {
            try {
                position = readContainer(position, containers);
            } catch (MicrocodeFormatException broken) {
                position = skipPast(broken);
            }
        }
        return new ParsedContainers(report.source(), containers, report.findings());
    }

    /** Reads the container at {@code start} into {@code containers}; returns the offset after it. */
    private int readContainer(int start, List<AmdContainer> containers) throws MicrocodeFormatException {
        unitStart = start;
        unitIsSection = false;
        EquivalenceTable table = readTable(start);
        int entriesOffset = start + CONTAINER_HEADER_SIZE;
        audit.audit(table, entriesOffset);
        int position = entriesOffset + table.length();
        List<MicrocodePatch> patches = new ArrayList<>();
        try {
            while (position < limit && !startsContainer(position)) {
                unitStart = position;
                unitIsSection = true;
                position = readPatch(position, table, patches);
            }
        } catch (MicrocodeFormatException broken) {
            if (report.mode() == ParseMode.RECOVER) {
                containers.add(new AmdContainer(start, table, patches));
            }
            throw broken;
        }
        containers.add(new AmdContainer(start, table, patches));
        return position;
    }

    /**
     * In recover mode, skips the container or section that broke a rule up to the next magic, searched for from the
     * broken field (the bytes before it were read already), and returns where that is; else rethrows. A container
     * or section is reported as a rejected candidate, bytes without a magic only as skipped.
     */
    private int skipPast(MicrocodeFormatException broken) throws MicrocodeFormatException {
        if (report.mode() != ParseMode.RECOVER) {
            throw broken;
        }
        int next = (int) Math.max(unitStart + 1L, Math.min(broken.offset(), limit));
        while (next < limit && !startsContainer(next)) {
            next++;
        }
        if (unitIsSection || startsContainer(unitStart)) {
            report.rejected(broken);
        }
        report.skipped(unitStart, next - unitStart, broken);
        return next;
    }

    private boolean startsContainer(int position) {
        return limit - position >= 4 && data.getInt(position) == MAGIC;
    }

    private EquivalenceTable readTable(int start) throws MicrocodeFormatException {
        if (limit - start < 4) {
            throw error(AmdRule.CONTAINER_TRUNCATED, start, remaining(start));
        }
        int magic = data.getInt(start);
        if (magic != MAGIC) {
            throw error(AmdRule.MAGIC, start, "found " + hex(magic) + (start == 0 ? notARawPatch() : ""));
        }
        if (limit - start < CONTAINER_HEADER_SIZE) {
            throw error(AmdRule.CONTAINER_TRUNCATED, start, remaining(start));
        }
        int type = data.getInt(start + 4);
        if (type != EQUIVALENCE_TABLE_TYPE) {
            throw error(AmdRule.EQUIVALENCE_TYPE, start + 4, "type " + hex(type));
        }
        int lengthOffset = start + 8;
        long length = Integer.toUnsignedLong(data.getInt(lengthOffset));
        if (length < EquivalenceEntry.SIZE || length % EquivalenceEntry.SIZE != 0) {
            throw error(AmdRule.EQUIVALENCE_LENGTH, lengthOffset, "length " + length);
        }
        int entriesOffset = start + CONTAINER_HEADER_SIZE;
        if (length > limit - entriesOffset) {
            throw error(AmdRule.EQUIVALENCE_TRUNCATED, lengthOffset,
                    "length " + length + ", " + (limit - entriesOffset) + " bytes remain");
        }
        int count = (int) (length / EquivalenceEntry.SIZE);
        List<EquivalenceEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(EquivalenceEntry.read(data, entriesOffset + i * EquivalenceEntry.SIZE));
        }
        checkEnd(entries, entriesOffset);
        return new EquivalenceTable(entries);
    }

    /**
     * Xen stops reading a table at the first entry with installed_cpu 0, Linux reads every entry the length holds: an
     * end entry before the last would make them disagree. A table without one is read alike by both, but older Xen
     * refuses it, hence the warning.
     */
    private void checkEnd(List<EquivalenceEntry> entries, int entriesOffset) throws MicrocodeFormatException {
        int last = entries.size() - 1;
        for (int i = 0; i < last; i++) {
            if (entries.get(i).installedCpu().eax() == 0) {
                report.broken(AmdRule.EQUIVALENCE_EARLY_END, entriesOffset + i * EquivalenceEntry.SIZE,
                        "entry " + i + " of " + entries.size() + " has installed_cpu 0");
                return;
            }
        }
        if (entries.get(last).installedCpu().eax() != 0) {
            long offset = entriesOffset + (long) last * EquivalenceEntry.SIZE;
            report.note(AmdRule.EQUIVALENCE_NO_END_ENTRY, offset,
                    "the equivalence table ends with CPU " + entries.get(last).installedCpu().hex()
                            + ", not an all-zero entry, as AMD's newer containers do: Linux and Xen 4.18.4, 4.19.1 and "
                            + "later read it by its length, older Xen refuses it; ucode4j's writers add the entry");
        }
    }

    /** Reads the patch section at {@code section} into {@code patches}; returns the offset after it. */
    private int readPatch(int section, EquivalenceTable table, List<MicrocodePatch> patches)
            throws MicrocodeFormatException {
        if (limit - section < SECTION_HEADER_SIZE) {
            throw error(AmdRule.SECTION_TRUNCATED, section, remaining(section));
        }
        int type = data.getInt(section);
        if (type != PATCH_TYPE) {
            throw error(AmdRule.SECTION_TYPE, section, "type " + hex(type));
        }
        int sizeOffset = section + 4;
        long size = Integer.toUnsignedLong(data.getInt(sizeOffset));
        int start = section + SECTION_HEADER_SIZE;
        if (size < AmdPatchHeader.SIZE) {
            throw error(AmdRule.PATCH_TOO_SHORT, sizeOffset, "size " + size);
        }
        if (size > limit - start) {
            throw error(AmdRule.PATCH_TRUNCATED, sizeOffset, "size " + size + ", " + (limit - start) + " bytes remain");
        }
        if (data.getInt(start) == MAGIC) {
            report.broken(AmdRule.NESTED_CONTAINER, start, "data_code " + hex(MAGIC));
        }
        AmdPatchHeader header = AmdPatchHeader.read(data, start);
        int maximum = PatchSizeLimits.maximumSize(header.family());
        if (size > maximum) {
            throw error(AmdRule.PATCH_TOO_LARGE, sizeOffset,
                    "size " + size + ", family " + hex(header.family()) + " allows " + maximum);
        }
        if (header.nbDevId() != 0) {
            throw error(AmdRule.CHIPSET_SPECIFIC, start + AmdPatchHeader.NB_DEV_ID_OFFSET, "nb_dev_id " + hex(header.nbDevId()));
        }
        if (header.sbDevId() != 0) {
            throw error(AmdRule.CHIPSET_SPECIFIC, start + AmdPatchHeader.SB_DEV_ID_OFFSET, "sb_dev_id " + hex(header.sbDevId()));
        }
        int end = start + (int) size;
        List<EquivalenceEntry> mapped = table.entriesFor(header.processorRevId());
        List<PatchTarget> targets = targets(header, mapped, start);
        if (!targets.isEmpty()) {
            patches.add(new AmdPatchDetails(header, mapped).toPatch(targets, data.slice(start, (int) size),
                    new PatchOrigin(report.source(), start)));
        }
        return end;
    }

    /**
     * The CPUs a patch is for: a Zen patch's is the one its patch id encodes (cross-checked against the table); an
     * older patch's are the table's CPUs with its equivalence id. Empty, after a finding, when there are none.
     */
    private List<PatchTarget> targets(AmdPatchHeader header, List<EquivalenceEntry> mapped, int start)
            throws MicrocodeFormatException {
        List<PatchTarget> fromTable = mapped.stream().map(EquivalenceEntry::installedCpu).distinct()
                .map(cpu -> new PatchTarget(cpu, PlatformFlags.NONE)).toList();
        if (!header.isZen()) {
            if (fromTable.isEmpty()) {
                report.broken(AmdRule.EQUIVALENCE_MISSING, start + AmdPatchHeader.PROCESSOR_REV_ID_OFFSET,
                        "no entry maps a CPU to processor_rev_id " + EquivalenceTable.hex16(header.processorRevId())
                                + " of patch " + hex(header.patchId()));
            }
            return fromTable;
        }
        PatchTarget encoded = new PatchTarget(header.encodedSignature(), PlatformFlags.NONE);
        if (!fromTable.contains(encoded) || encoded.signature().family() != header.family()) {
            report.note(AmdRule.ZEN_ID_MISMATCH, start + 4,
                    "patch_id " + hex(header.patchId()) + " encodes CPUID " + encoded.signature().hex()
                            + ", but the table maps processor_rev_id " + EquivalenceTable.hex16(header.processorRevId())
                            + " to " + fromTable.stream().map(t -> t.signature().hex()).toList()
                            + "; Linux goes by the patch_id, Xen by the table");
        }
        return List.of(encoded);
    }

    private MicrocodeFormatException error(AmdRule rule, long offset, String detail) {
        return report.error(rule, offset, detail);
    }

    /** Why an input that is no container is no raw patch either, for the error about its first bytes. */
    private String notARawPatch() {
        return RawPatchShape.mismatch(data).map(why -> "; nor is it a raw patch: " + why).orElse("");
    }

    private String remaining(int position) {
        return (limit - position) + " bytes remain";
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }
}
