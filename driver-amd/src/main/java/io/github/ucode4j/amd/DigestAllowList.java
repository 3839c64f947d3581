package io.github.ucode4j.amd;

import io.github.ucode4j.api.Revision;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 digests of known-good patches, by {@code patch_id}: what Linux and Xen accept on a CPU with the
 * Entrysign flaw that has not yet loaded AMD's fix. The digest covers the patch as loaded (header and body).
 */
public final class DigestAllowList {
    private static final String RESOURCE = "entrysign-digests.txt";

    private final Map<Revision, String> digests;

    private DigestAllowList(Map<Revision, String> digests) {
        this.digests = Map.copyOf(digests);
    }

    /**
     * The digests Linux and Xen carry, read from the driver's resource (which records where they come from).
     *
     * @return the built-in list, read once
     */
    public static DigestAllowList builtIn() {
        return Holder.BUILT_IN;
    }

    /**
     * A list of the given digests (64 hex digits each, any case).
     *
     * @param digests each patch id's SHA-256 digest of the patch image, in hex; copied
     * @return a list holding those digests
     * @throws IllegalArgumentException when a digest is not 64 hex digits
     */
    public static DigestAllowList of(Map<Revision, String> digests) {
        Map<Revision, String> normalised = new HashMap<>();
        digests.forEach((patchId, digest) -> normalised.put(patchId, normalise(digest)));
        return new DigestAllowList(normalised);
    }

    /**
     * The known digest of the patch with {@code patchId}, in lower-case hex.
     *
     * @param patchId the patch's {@code patch_id}
     * @return the 64 hex digits, or empty when the list has no digest for that id
     */
    public Optional<String> digestOf(Revision patchId) {
        return Optional.ofNullable(digests.get(patchId));
    }

    /**
     * How many digests the list holds.
     *
     * @return the number of patch ids with a digest
     */
    public int size() {
        return digests.size();
    }

    private static String normalise(String digest) {
        String lower = digest.toLowerCase(Locale.ROOT);
        if (!lower.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 hex digits: " + digest);
        }
        return lower;
    }

    private static final class Holder {
        static final DigestAllowList BUILT_IN = parse();

        private static DigestAllowList parse() {
            Map<Revision, String> digests = new HashMap<>();
            for (String line : ResourceLines.read(RESOURCE)) {
                String[] fields = line.split("\\s+");
                if (fields.length != 2 || digests.put(Revision.of(ResourceLines.hex32(fields[0])), normalise(fields[1])) != null) {
                    throw new IllegalStateException("bad or repeated line in " + RESOURCE + ": " + line);
                }
            }
            return new DigestAllowList(digests);
        }
    }
}
