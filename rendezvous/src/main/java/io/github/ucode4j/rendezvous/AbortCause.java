package io.github.ucode4j.rendezvous;

/** Why a rendezvous stopped short of loading every CPU it was asked to. */
public enum AbortCause {
    /** The backend could not make a patch ready before the stop; no thread was started. */
    PREPARE_FAILED,
    /** A CPU's thread could not be pinned to it; nothing was applied. */
    PIN_FAILED,
    /** Some CPUs did not call in before the call-in deadline; nothing was applied. */
    CALL_IN_TIMEOUT,
    /** The control CPU's load failed, was refused or timed out; no other CPU was attempted. */
    CONTROL_FAILED
}
