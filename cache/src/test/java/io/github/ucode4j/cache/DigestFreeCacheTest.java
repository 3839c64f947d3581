package io.github.ucode4j.cache;

import static io.github.ucode4j.cache.Patches.bundle;
import static io.github.ucode4j.cache.Patches.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.Provider;
import java.security.Security;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Building a cache finds identical blobs by comparing the bytes of patches that share a vendor, revision and size,
 * and computes no digest: only the callers that need one (the AMD allow-list, JSON) do.
 */
class DigestFreeCacheTest {
    private static final LocalDate DATE = LocalDate.of(2024, 1, 1);
    private static final AtomicInteger DIGESTS = new AtomicInteger();

    @BeforeEach
    void countDigests() {
        DIGESTS.set(0);
        Security.insertProviderAt(new CountingProvider(), 1);
    }

    @AfterEach
    void stopCounting() {
        Security.removeProvider(CountingProvider.NAME);
    }

    @Test
    void theCounterSeesEveryDigest() {
        patch(Vendor.INTEL, 0x50654, 0xb7, 1, DATE, 0).sha256();

        assertThat(DIGESTS).hasValue(1);
    }

    @Test
    void identicalBlobsAreFoundWithoutADigest() throws Exception {
        MicrocodePatch shipped = patch(Vendor.INTEL, 0x50654, 0xb7, 5, DATE, 0);
        MicrocodePatch sameRevisionAndSize = patch(Vendor.INTEL, 0x50654, 0xb7, 5, DATE, 1);

        MicrocodeCache cache = MicrocodeCache.builder().strict(false)
                .add(bundle("a", shipped, patch(Vendor.INTEL, 0x50656, 0xbf, 7, DATE, 0)))
                .add(bundle("b", sameRevisionAndSize, shipped))
                .build();

        assertThat(DIGESTS).hasValue(0);
        assertThat(cache.allPatches()).hasSize(3);
        assertThat(cache.allPatches().get(0).origins()).containsExactly(new PatchOrigin("a", 0), new PatchOrigin("b", 24));
        assertThat(cache.allPatches().get(2).patch().sameBytes(sameRevisionAndSize)).isTrue();
    }

    /** A provider of SHA-256 that counts the digests it computes, through the platform's own implementation. */
    private static final class CountingProvider extends Provider {
        static final String NAME = "ucode4j-counting";

        CountingProvider() {
            super(NAME, "1", "counts SHA-256 digests");
            put("MessageDigest.SHA-256", CountingSha256.class.getName());
        }
    }

    /** SHA-256 that counts each digest it completes. */
    public static final class CountingSha256 extends MessageDigestSpi {
        private final MessageDigest sha256;

        /** Delegates to the platform's SHA-256. */
        public CountingSha256() throws GeneralSecurityException {
            sha256 = MessageDigest.getInstance("SHA-256", "SUN");
        }

        @Override
        protected void engineUpdate(byte input) {
            sha256.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            sha256.update(input, offset, length);
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            sha256.update(input);
        }

        @Override
        protected byte[] engineDigest() {
            DIGESTS.incrementAndGet();
            return sha256.digest();
        }

        @Override
        protected void engineReset() {
            sha256.reset();
        }
    }
}
