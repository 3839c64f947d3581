package io.github.ucode4j.cache;

import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out a cache's selected patches in the forms loaders and tools expect, each in iucode_tool's order
 * (signature ascending, platform mask descending) and, for Intel, byte-identical to iucode_tool's output:
 * <ul>
 *   <li>{@link #earlyInitramfs}: the early-load cpio ({@code --write-earlyfw});
 *   <li>{@link #firmwareFiles}: one file per name the kernel looks up, {@code intel-ucode/ff-mm-ss} ({@code -K})
 *       and {@code amd-ucode/microcode_amd_famXXh.bin};
 *   <li>{@link #namedFiles}: one file per kept entry, {@code s%08X_m%08X_r%08X.fw} ({@code -W});
 *   <li>{@link #concatenated}: one vendor's patches in one file ({@code -w}).
 * </ul>
 * {@link #writeFiles} puts a set of files in place atomically, never through a symbolic link. Thread-safe.
 */
public final class MicrocodeWriter {
    private final MicrocodeDrivers drivers;

    /** A writer that formats each vendor's files through its driver in {@code drivers}. */
    public MicrocodeWriter(MicrocodeDrivers drivers) {
        this.drivers = drivers;
    }

    /**
     * The early initramfs for every vendor with selected patches.
     *
     * @throws IllegalArgumentException when the cache holds nothing
     */
    public ByteBuffer earlyInitramfs(MicrocodeCache cache) {
        Map<Vendor, ByteBuffer> payloads = new EnumMap<>(Vendor.class);
        for (Vendor vendor : Vendor.values()) {
            List<MicrocodePatch> patches = patches(cache, vendor);
            if (!patches.isEmpty()) {
                payloads.put(vendor, driver(vendor).firmwareFile(patches));
            }
        }
        return EarlyInitramfs.build(payloads, EarlyInitramfs.mtimeOf(patches(cache, null)));
    }

    /** One vendor's selected patches in one file of that vendor's format; empty when there are none. */
    public ByteBuffer concatenated(MicrocodeCache cache, Vendor vendor) {
        List<MicrocodePatch> patches = patches(cache, vendor);
        return patches.isEmpty() ? ByteBuffer.allocate(0) : driver(vendor).firmwareFile(patches);
    }

    /** The files the kernel's loader looks up, by path relative to the firmware directory. */
    public Map<String, ByteBuffer> firmwareFiles(MicrocodeCache cache) {
        Map<String, Set<CachedPatch>> byName = new LinkedHashMap<>();
        for (CacheEntry entry : cache.entries()) {
            String name = driver(entry.vendor()).firmwareName(entry.signature());
            byName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(entry.cached());
        }
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        byName.forEach((name, patches) -> {
            Vendor vendor = patches.iterator().next().patch().vendor();
            files.put(name, driver(vendor).firmwareFile(patches.stream().map(CachedPatch::patch).toList()));
        });
        return files;
    }

    /** One file per kept entry, named {@code s<signature>_m<platform mask>_r<revision>.fw} in upper-case hex. */
    public Map<String, ByteBuffer> namedFiles(MicrocodeCache cache) {
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        for (CacheEntry entry : cache.entries()) {
            String name = String.format("s%08X_m%08X_r%08X.fw", entry.signature().eax(), entry.platformFlags().mask(),
                    entry.revision().value());
            files.put(name, driver(entry.vendor()).firmwareFile(List.of(entry.cached().patch())));
        }
        return files;
    }

    /**
     * Writes {@code files} under {@code directory}, creating it and any subdirectories. Checks every target before
     * writing any, so that a refusal leaves nothing half-written; each file is then replaced atomically.
     *
     * @throws FileAlreadyExistsException when a target exists and {@code overwrite} is false
     * @throws IOException when a target or directory is a symbolic link, or writing fails
     */
    public static void writeFiles(Path directory, Map<String, ByteBuffer> files, boolean overwrite) throws IOException {
        OutputFiles.createDirectory(directory);
        for (String name : files.keySet()) {
            Path target = directory.resolve(name).normalize();
            if (!target.startsWith(directory.normalize())) {
                throw new IOException("file name escapes the output directory: " + name);
            }
            if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists; pass overwrite to replace it");
            }
        }
        for (Map.Entry<String, ByteBuffer> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey()).normalize();
            OutputFiles.createDirectory(target.getParent());
            OutputFiles.write(target, file.getValue(), overwrite);
        }
    }

    // The distinct selected patches in listing order; of one vendor, or of all when vendor is null.
    private static List<MicrocodePatch> patches(MicrocodeCache cache, Vendor vendor) {
        return cache.patches().stream().map(CachedPatch::patch).filter(p -> vendor == null || p.vendor() == vendor).toList();
    }

    private MicrocodeOps driver(Vendor vendor) {
        return drivers.forVendor(vendor).orElseThrow(() -> new IllegalStateException("no " + vendor.cpuidName() + " driver is installed"));
    }
}
