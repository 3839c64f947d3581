package io.github.ucode4j.cache;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out a cache's selected patches in the forms loaders and tools expect, each in iucode_tool's order
 * (signature ascending, platform mask descending) and, for Intel, byte-identical to iucode_tool's output:
 * <ul>
 *   <li>{@link #earlyInitramfs}: the early-load cpio ({@code --write-earlyfw}), and {@link #minimalEarlyInitramfs}
 *       its smallest form ({@code --mini-earlyfw});
 *   <li>{@link #firmwareFiles}: one file per name the kernel looks up, {@code intel-ucode/ff-mm-ss} ({@code -K})
 *       and {@code amd-ucode/microcode_amd_famXXh.bin};
 *   <li>{@link #namedFiles}: one file per kept entry, {@code s%08X_m%08X_r%08X.fw} ({@code -W});
 *   <li>{@link #allNamedFiles}: the same for every patch read, selected or not ({@code --write-all-named-to});
 *   <li>{@link #concatenated}: one vendor's patches in one file ({@code -w}).
 * </ul>
 * {@link #writeFiles} puts a set of files in place all or nothing, never through a symbolic link, and says which
 * changed. Thread-safe.
 */
public final class MicrocodeWriter {
    /**
     * The most files {@link #firmwareFiles} or {@link #namedFiles} write one patch into; see
     * {@link WriterRule#TOO_MANY_COPIES}.
     */
    public static final int MAX_COPIES = 64;

    private final MicrocodeDrivers drivers;

    /**
     * A writer that formats each vendor's files through its driver in {@code drivers}.
     *
     * @param drivers the vendor drivers; the writer fails with {@link IllegalStateException} on a vendor none of them
     *     serves
     */
    public MicrocodeWriter(MicrocodeDrivers drivers) {
        this.drivers = drivers;
    }

    /**
     * The early initramfs for every vendor with selected patches.
     *
     * @param cache the cache whose selected patches to write
     * @return the archive's bytes, positioned at 0, Intel's file first
     * @throws IllegalArgumentException when the cache holds nothing
     */
    public ByteBuffer earlyInitramfs(MicrocodeCache cache) {
        return EarlyInitramfs.build(earlyMembers(cache), EarlyInitramfs.mtimeOf(patches(cache, null)));
    }

    /**
     * The same files as {@link #earlyInitramfs} in the smallest archive the kernel reads, iucode_tool's
     * {@code --mini-earlyfw} (see {@link EarlyInitramfs#buildMinimal}).
     *
     * @param cache the cache whose selected patches to write
     * @return the archive's bytes, positioned at 0, Intel's file first, a multiple of 16 bytes long
     * @throws IllegalArgumentException when the cache holds nothing
     */
    public ByteBuffer minimalEarlyInitramfs(MicrocodeCache cache) {
        return EarlyInitramfs.buildMinimal(earlyMembers(cache), EarlyInitramfs.mtimeOf(patches(cache, null)));
    }

    private List<EarlyInitramfs.Member> earlyMembers(MicrocodeCache cache) {
        List<EarlyInitramfs.Member> members = new ArrayList<>();
        for (Vendor vendor : Vendor.values()) {
            List<MicrocodePatch> patches = patches(cache, vendor);
            if (!patches.isEmpty()) {
                members.add(EarlyInitramfs.Member.of(driver(vendor), driver(vendor).firmwareFile(patches)));
            }
        }
        return members;
    }

    /**
     * One vendor's selected patches in one file of that vendor's format; empty when there are none.
     *
     * @param cache the cache whose selected patches to write
     * @param vendor the vendor whose patches to write; not null
     * @return the file's bytes, positioned at 0; empty when the cache holds none of this vendor's patches
     */
    public ByteBuffer concatenated(MicrocodeCache cache, Vendor vendor) {
        List<MicrocodePatch> patches = patches(cache, vendor);
        return patches.isEmpty() ? ByteBuffer.allocate(0) : driver(vendor).firmwareFile(patches);
    }

    /**
     * The files the kernel's loader looks up, by path relative to the firmware directory.
     *
     * @param cache the cache whose selected patches to write
     * @return each file's bytes by its path relative to the firmware directory ({@code intel-ucode/06-55-04}), in
     *     listing order; empty when the cache holds nothing
     * @throws MicrocodeFormatException when a patch would go into more than {@link #MAX_COPIES} files
     *     ({@link WriterRule#TOO_MANY_COPIES}), naming it
     */
    public Map<String, ByteBuffer> firmwareFiles(MicrocodeCache cache) throws MicrocodeFormatException {
        Map<String, Set<CachedPatch>> byName = new LinkedHashMap<>();
        Copies copies = new Copies();
        for (CacheEntry entry : cache.entries()) {
            String name = driver(entry.vendor()).firmwareName(entry.signature());
            if (byName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(entry.cached())) {
                copies.add(entry.cached());
            }
        }
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        byName.forEach((name, patches) -> {
            Vendor vendor = patches.iterator().next().patch().vendor();
            files.put(name, driver(vendor).firmwareFile(patches.stream().map(CachedPatch::patch).toList()));
        });
        return files;
    }

    /**
     * One file per kept entry, named {@code s<signature>_m<platform mask>_r<revision>.fw} in upper-case hex.
     *
     * @param cache the cache whose selected patches to write
     * @return each file's bytes by its name, in listing order; empty when the cache holds nothing
     * @throws MicrocodeFormatException when a patch would go into more than {@link #MAX_COPIES} files
     *     ({@link WriterRule#TOO_MANY_COPIES}), naming it
     */
    public Map<String, ByteBuffer> namedFiles(MicrocodeCache cache) throws MicrocodeFormatException {
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        Copies copies = new Copies();
        for (CacheEntry entry : cache.entries()) {
            copies.add(entry.cached());
            String name = namedFile(entry.signature().eax(), entry.platformFlags().mask(), entry.revision().value());
            files.put(name, driver(entry.vendor()).firmwareFile(List.of(entry.cached().patch())));
        }
        return files;
    }

    /**
     * One file per signature and platform mask of every patch in {@code bundles}, selected or not, named as
     * {@link #namedFiles} names them: every revision read, not only the newest. Of patches that would get the same
     * name the first read is written.
     *
     * @param bundles the inputs, in load order, whatever was selected from them
     * @return each file's bytes by its name, in input order; empty when no input holds a patch
     * @throws MicrocodeFormatException when a patch would go into more than {@link #MAX_COPIES} files
     *     ({@link WriterRule#TOO_MANY_COPIES}), naming it
     */
    public Map<String, ByteBuffer> allNamedFiles(List<Bundle> bundles) throws MicrocodeFormatException {
        Map<String, ByteBuffer> files = new LinkedHashMap<>();
        for (Bundle bundle : bundles) {
            for (MicrocodePatch patch : bundle.patches()) {
                if (patch.targets().size() > MAX_COPIES) {
                    throw new MicrocodeFormatException(WriterRule.TOO_MANY_COPIES, patch.origin().source(),
                            patch.origin().offset(), "it declares " + patch.targets().size() + " processors");
                }
                for (PatchTarget target : patch.targets()) {
                    files.computeIfAbsent(namedFile(target.signature().eax(), target.platformFlags().mask(), patch.revision().value()),
                            name -> driver(patch.vendor()).firmwareFile(List.of(patch)));
                }
            }
        }
        return files;
    }

    /**
     * The name {@link #namedFiles} and {@link #allNamedFiles} give a patch's file, for callers that report what went
     * where.
     *
     * @param signature the processor signature (CPUID leaf 1 EAX)
     * @param platformMask the platform flags mask
     * @param revision the patch's revision
     * @return {@code s<signature>_m<platform mask>_r<revision>.fw}, in upper-case hex
     */
    public static String namedFile(int signature, int platformMask, int revision) {
        return String.format("s%08X_m%08X_r%08X.fw", signature, platformMask, revision);
    }

    /**
     * Writes {@code files} under {@code directory}, creating it and any subdirectories, all or nothing: every
     * target is checked before any is written, and a failure part way leaves everything as it was (see
     * {@link OutputFiles}).
     *
     * @param files the content of each file, by path relative to {@code directory}
     * @param directory the output directory; created, with its missing parents, when absent
     * @param overwrite whether existing regular files may be replaced
     * @return what became of each file, in the order of {@code files}: a file that already held exactly its bytes
     *     is left as it was and did not change
     * @throws FileAlreadyExistsException when a target exists and {@code overwrite} is false
     * @throws IOException naming the path and the reason: a name that escapes {@code directory}, a symbolic
     *     link, not a directory or not a regular file where one is needed, too little space, or a failed write
     */
    public static List<WrittenFile> writeFiles(Path directory, Map<String, ByteBuffer> files, boolean overwrite)
            throws IOException {
        return writeFiles(directory, files, overwrite, FileOperations.SYSTEM);
    }

    static List<WrittenFile> writeFiles(Path directory, Map<String, ByteBuffer> files, boolean overwrite, FileOperations operations)
            throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        Map<Path, ByteBuffer> targets = new LinkedHashMap<>();
        for (Map.Entry<String, ByteBuffer> file : files.entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new FileSystemException(target.toString(), null, "the name " + file.getKey() + " escapes the output directory " + root);
            }
            targets.put(target, file.getValue());
        }
        return OutputFiles.writeAll(root, true, targets, overwrite, operations);
    }

    // The distinct selected patches in listing order; of one vendor, or of all when vendor is null.
    private static List<MicrocodePatch> patches(MicrocodeCache cache, Vendor vendor) {
        return cache.patches().stream().map(CachedPatch::patch).filter(p -> vendor == null || p.vendor() == vendor).toList();
    }

    /** Counts the files each patch goes into, and refuses the first one too many, before any file is built. */
    private static final class Copies {
        private final Map<CachedPatch, Integer> counts = new HashMap<>();

        void add(CachedPatch cached) throws MicrocodeFormatException {
            if (counts.merge(cached, 1, Integer::sum) > MAX_COPIES) {
                MicrocodePatch patch = cached.patch();
                throw new MicrocodeFormatException(WriterRule.TOO_MANY_COPIES, patch.origin().source(), patch.origin().offset(),
                        "it declares " + patch.targets().size() + " processors");
            }
        }
    }

    private MicrocodeOps driver(Vendor vendor) {
        return drivers.forVendor(vendor).orElseThrow(() -> new IllegalStateException("no " + vendor.cpuidName() + " driver is installed"));
    }
}
