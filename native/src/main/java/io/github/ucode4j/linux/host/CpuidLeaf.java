package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.CpuSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The four registers one CPUID leaf returns.
 *
 * @param eax EAX
 * @param ebx EBX
 * @param ecx ECX
 * @param edx EDX
 */
public record CpuidLeaf(int eax, int ebx, int ecx, int edx) {

    /** Leaf 1 ECX bit 31: set by hypervisors for their guests. */
    private static final int HYPERVISOR_BIT = 31;

    /**
     * Leaf 0's vendor string: EBX, EDX, ECX as 12 ASCII characters.
     *
     * @return such as {@code GenuineIntel} or {@code AuthenticAMD}; meaningless for any leaf but 0
     */
    public String vendorString() {
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(ebx).putInt(edx).putInt(ecx);
        return new String(bytes.array(), StandardCharsets.US_ASCII);
    }

    /**
     * Leaf 1's processor signature (EAX).
     *
     * @return the family, model and stepping EAX encodes; meaningless for any leaf but 1
     */
    public CpuSignature signature() {
        return CpuSignature.of(eax);
    }

    /**
     * Leaf 1's hypervisor-present bit (ECX bit 31).
     *
     * @return true when the CPU runs under a hypervisor, as a guest; meaningless for any leaf but 1
     */
    public boolean hypervisorPresent() {
        return (ecx >>> HYPERVISOR_BIT & 1) != 0;
    }
}
