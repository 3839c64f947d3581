package io.github.ucode4j.cli.state;

import java.util.Optional;

/**
 * What the state folder says of the last load: its record, nothing (no load recorded), or why its record cannot be
 * used (unreadable, not JSON, not a record of this schema).
 *
 * @param recorded the record, when there is a valid one
 * @param problem why the state file cannot be used, naming the file, when it exists but is no valid record
 */
public record LastApplyState(Optional<LastApply> recorded, Optional<String> problem) {

    /** No load recorded: the state file does not exist. */
    public static final LastApplyState NOT_RECORDED = new LastApplyState(Optional.empty(), Optional.empty());

    /**
     * A valid record.
     *
     * @param apply the record read from the state file
     * @return the state holding it
     */
    public static LastApplyState of(LastApply apply) {
        return new LastApplyState(Optional.of(apply), Optional.empty());
    }

    /**
     * A state file that cannot be used, and why.
     *
     * @param problem why the file cannot be used, naming it
     * @return the state holding no record and that problem
     */
    public static LastApplyState corrupt(String problem) {
        return new LastApplyState(Optional.empty(), Optional.of(problem));
    }
}
