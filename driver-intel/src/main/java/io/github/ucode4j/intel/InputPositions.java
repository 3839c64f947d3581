package io.github.ucode4j.intel;

/**
 * Maps offsets in the binary stream being parsed back to the input the user gave: the identity for binary files,
 * the position of each dword's text for {@code .dat} files.
 */
interface InputPositions {

    /** Binary input: offsets are the input's own. */
    InputPositions IDENTITY = new InputPositions() {
        @Override
        public long sourceOffset(long streamOffset) {
            return streamOffset;
        }

        @Override
        public String describe(long streamOffset) {
            return "";
        }
    };

    /** The offset in the input of the byte at {@code streamOffset} of the binary stream. */
    long sourceOffset(long streamOffset);

    /** Words locating {@code streamOffset} in the input for a person ({@code "line 4, column 13"}), or empty. */
    String describe(long streamOffset);
}
