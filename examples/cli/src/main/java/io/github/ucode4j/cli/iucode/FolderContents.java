package io.github.ucode4j.cli.iucode;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.cache.CacheEntry;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.MicrocodeWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which microcodes the folder writers put in each file, for iucode_tool's {@code -vv} lines: the files named by
 * the library's own rules ({@link MicrocodeWriter#namedFile}, the driver's firmware name), from the same
 * selection the writer is given.
 */
final class FolderContents {
    private FolderContents() {
    }

    /** {@code -W}: one file per entry of {@code cache}. */
    static Map<String, List<NumberedMicrocode>> named(MicrocodeCache cache) {
        return byName(cache, entry -> MicrocodeWriter.namedFile(entry.signature().eax(), entry.platformFlags().mask(),
                entry.revision().value()));
    }

    /** {@code -K}: one file per firmware name, without the vendor's folder. */
    static Map<String, List<NumberedMicrocode>> firmware(MicrocodeCache cache, MicrocodeDrivers drivers) {
        return byName(cache, entry -> withoutVendorFolder(drivers.forVendor(entry.vendor()).orElseThrow()
                .firmwareName(entry.signature())));
    }

    /** {@code --write-all-named-to}: every signature of every patch read, the first read of a name kept. */
    static Map<String, List<NumberedMicrocode>> allNamed(List<Bundle> bundles) {
        Map<String, List<NumberedMicrocode>> files = new LinkedHashMap<>();
        for (int b = 0; b < bundles.size(); b++) {
            List<MicrocodePatch> patches = bundles.get(b).patches();
            for (int e = 0; e < patches.size(); e++) {
                NumberedMicrocode microcode = new NumberedMicrocode(b + 1, e + 1, patches.get(e));
                for (PatchTarget target : microcode.patch().targets()) {
                    files.putIfAbsent(MicrocodeWriter.namedFile(target.signature().eax(), target.platformFlags().mask(),
                            microcode.patch().revision().value()), List.of(microcode));
                }
            }
        }
        return files;
    }

    /** {@code -K} names the vendor's folder itself, where the writer names files from the firmware root. */
    static String withoutVendorFolder(String name) {
        return name.substring(name.indexOf('/') + 1);
    }

    private static Map<String, List<NumberedMicrocode>> byName(MicrocodeCache cache, Function<CacheEntry, String> name) {
        Map<String, List<NumberedMicrocode>> files = new LinkedHashMap<>();
        for (CacheEntry entry : cache.entries()) {
            NumberedMicrocode microcode = NumberedMicrocode.of(entry.cached());
            List<NumberedMicrocode> file = files.computeIfAbsent(name.apply(entry), n -> new ArrayList<>());
            if (!file.contains(microcode)) {
                file.add(microcode);
            }
        }
        return files;
    }
}
