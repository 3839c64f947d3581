package io.github.ucode4j.linux;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Minimal, valid patches built byte by byte: the backends need only the bytes and the protocol. */
final class TestPatches {
    static final int INTEL_HEADER = 48;
    static final int AMD_HEADER = 64;
    /** The vendors' load protocols, as their drivers give them. */
    static final LoadProtocol INTEL_PROTOCOL = protocol(Vendor.INTEL);
    static final LoadProtocol AMD_PROTOCOL = protocol(Vendor.AMD);

    private TestPatches() {
    }

    private static LoadProtocol protocol(Vendor vendor) {
        return MicrocodeDrivers.load().forVendor(vendor).orElseThrow().loadProtocol();
    }

    /** An Intel patch: 48-byte header, 976 bytes of data, 1024 in all, with a valid checksum. */
    static MicrocodePatch intel(CpuSignature signature, int platformMask, int revision) {
        int dataSize = 976;
        ByteBuffer bytes = ByteBuffer.allocate(INTEL_HEADER + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0, 1).putInt(4, revision).putInt(8, 0x01152024).putInt(12, signature.eax())
                .putInt(20, 1).putInt(24, platformMask).putInt(28, dataSize).putInt(32, INTEL_HEADER + dataSize);
        for (int i = INTEL_HEADER; i < bytes.capacity(); i += 4) {
            bytes.putInt(i, i * 0x9e3779b1);
        }
        bytes.putInt(16, -dwordSum(bytes));
        return patch(Vendor.INTEL, revision, new PatchTarget(signature, PlatformFlags.of(platformMask)), bytes);
    }

    /** An AMD patch of {@code size} bytes: header with {@code patch_id} and {@code processor_rev_id}, then a body. */
    static MicrocodePatch amd(CpuSignature signature, int equivalenceId, int revision, int size) {
        ByteBuffer bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(0, 0x03112025).putInt(4, revision).putShort(24, (short) equivalenceId);
        for (int i = AMD_HEADER; i + 4 <= size; i += 4) {
            bytes.putInt(i, i * 0x61c88647);
        }
        return patch(Vendor.AMD, revision, new PatchTarget(signature, PlatformFlags.NONE), bytes);
    }

    /** The dword sum (mod 2^32) of every dword of {@code bytes}. */
    static int dwordSum(ByteBuffer bytes) {
        int sum = 0;
        for (int i = 0; i + 4 <= bytes.capacity(); i += 4) {
            sum += bytes.getInt(i);
        }
        return sum;
    }

    /** {@code patch} with one byte of its data flipped: its checksum no longer holds. */
    static MicrocodePatch corrupted(MicrocodePatch patch) {
        ByteBuffer bytes = ByteBuffer.allocate(patch.size()).order(ByteOrder.LITTLE_ENDIAN).put(patch.bytes()).flip();
        bytes.put(100, (byte) (bytes.get(100) ^ 1));
        return patch(patch.vendor(), patch.revision().value(), patch.primaryTarget(), bytes);
    }

    private static MicrocodePatch patch(Vendor vendor, int revision, PatchTarget target, ByteBuffer bytes) {
        return new MicrocodePatch(vendor, Revision.of(revision), Optional.empty(), List.of(target), Optional.empty(),
                bytes, new PatchOrigin("test", 0), Map::of);
    }
}
