package io.github.ucode4j.linux;

import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodePatch;

/**
 * A patch made ready for the {@code msr} backend: its locked, aligned copy and the address the trigger MSR gets.
 *
 * @param patch the patch
 * @param protocol the protocol it was prepared for
 * @param buffer the locked copy
 * @param triggerAddress the value written to the trigger MSR
 * @param addressDescription which address that is, for the result message
 */
record PreparedPatch(MicrocodePatch patch, LoadProtocol protocol, LockedBuffer buffer, long triggerAddress,
                     String addressDescription) {

    /**
     * Whether this is {@code candidate}, prepared for {@code how}. The rendezvous passes the very object it
     * prepared, so identity answers at once inside the stopped window; equal bytes answer otherwise.
     */
    boolean isFor(MicrocodePatch candidate, LoadProtocol how) {
        return protocol.equals(how) && (patch == candidate || patch.sameBytes(candidate));
    }
}
