package io.github.ucode4j.cli.iucode;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.cache.CacheEntry;
import io.github.ucode4j.cache.CacheStatistics;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.intel.IntelPatchDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress lines iucode_tool prints on standard error with {@code -v} (what was processed and selected) and
 * {@code -vv} (each file read, each microcode written), worded as it words them.
 */
final class IucodeToolProgress {
    /** The verbosity {@code -v} gives: the counts of what was read, selected and written. */
    static final int COUNTS = 2;
    /** The verbosity {@code -vv} gives: each file read and each microcode written. */
    static final int EACH_FILE = 3;

    private IucodeToolProgress() {
    }

    static String readingDirectory(String name) {
        return name + ": reading directory";
    }

    static String loading(String name) {
        return name + ": loading (binary mode)";
    }

    static String loadingRecovery(String name) {
        return name + ": loading (microcode recovery binary mode)";
    }

    /** {@code -t r}'s scan: a line per block of adjacent microcodes found, then the totals. */
    static List<String> scan(List<MicrocodePatch> found) {
        List<String> lines = new ArrayList<>();
        int blocks = 0;
        long total = 0;
        int inBlock = 0;
        long blockStart = 0;
        long blockSize = 0;
        for (MicrocodePatch patch : found) {
            long offset = patch.origin().offset();
            if (inBlock > 0 && offset != blockStart + blockSize) {
                lines.add(block(blockStart, inBlock, blockSize));
                inBlock = 0;
            }
            if (inBlock == 0) {
                blocks++;
                blockStart = offset;
                blockSize = 0;
            }
            inBlock++;
            blockSize += patch.size();
            total += patch.size();
        }
        if (inBlock > 0) {
            lines.add(block(blockStart, inBlock, blockSize));
        }
        lines.add("microcode scan: found " + blocks + " microcode block(s) with " + found.size() + " microcode(s), total size: "
                + total + " bytes");
        return lines;
    }

    private static String block(long position, int microcodes, long bytes) {
        return "microcode scan: microcode block at position " + position + " with " + microcodes + " microcode(s), size "
                + bytes + " bytes";
    }

    static String loadingText(String name) {
        return name + ": loading (.dat mode)";
    }

    static String loaded(int bundleNumber, String name, long bytes) {
        return "loaded microcode bundle " + bundleNumber + ": " + name + " (" + bytes + " bytes)";
    }

    /**
     * {@code -v}'s two lines: the microcodes and signatures read from {@code bundles}, then those selected. iucode_tool
     * counts a header's signature and every extended one, so again when the extended table repeats the header's.
     */
    static List<String> counts(List<Bundle> bundles, CacheStatistics statistics) {
        int signaturesRead = bundles.stream().flatMap(bundle -> bundle.patches().stream())
                .mapToInt(patch -> 1 + ((IntelPatchDetails) patch.details()).extendedSignatures().size()).sum();
        return List.of("processed " + statistics.patchesRead() + " valid microcode(s), " + signaturesRead
                        + " signature(s), " + statistics.uniqueSignatures() + " unique signature(s)",
                "selected " + statistics.patchesSelected() + " microcode(s), " + statistics.signaturesSelected() + " signature(s)");
    }

    /** {@code -vv}'s lines for a file written with {@code microcodes}: one per microcode. */
    static List<String> writing(String name, List<NumberedMicrocode> microcodes) {
        List<String> lines = new ArrayList<>();
        for (NumberedMicrocode microcode : microcodes) {
            MicrocodePatch patch = microcode.patch();
            PatchTarget header = patch.primaryTarget();
            lines.add(String.format("%s: writing microcode %03d/%03d (sig 0x%08x, pf_mask 0x%02x, rev 0x%04x)", name,
                    microcode.bundleNumber(), microcode.entryNumber(), header.signature().eax(), header.platformFlags().mask(),
                    patch.revision().value()));
        }
        return lines;
    }

    /** {@code -v}'s line for a file written with {@code microcodes}, {@code bytes} long in all. */
    static String written(String name, List<NumberedMicrocode> microcodes, long bytes) {
        return name + ": " + microcodes.size() + " microcode entries written, " + bytes + " bytes";
    }

    /** {@code -v}'s line after a folder's files are written. */
    static String filesWritten(int files, String directory) {
        return files + " file(s) were written into " + directory;
    }

    /** The microcodes of {@code cache} as a file of them all holds them: one with extended signatures once. */
    static List<NumberedMicrocode> written(MicrocodeCache cache) {
        return cache.entries().stream().map(CacheEntry::cached).distinct().map(NumberedMicrocode::of).toList();
    }
}
