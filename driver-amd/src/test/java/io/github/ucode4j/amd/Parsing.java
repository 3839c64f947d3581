package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;

/** Shorthands for the tests: parse bytes, expect a rule at an offset. */
final class Parsing {
    static final AmdMicrocodeOps OPS = new AmdMicrocodeOps();

    private Parsing() {
    }

    static ParsedContainers parse(byte[] bytes, ParseMode mode) throws MicrocodeFormatException {
        return OPS.parseContainers(ByteBuffer.wrap(bytes), "test", mode);
    }

    static ParsedContainers parse(ByteBuffer bytes) throws MicrocodeFormatException {
        return OPS.parseContainers(bytes, "test", ParseMode.STRICT);
    }

    /** Asserts that strict parsing of {@code bytes} fails with {@code rule} at {@code offset}; returns the error. */
    static MicrocodeFormatException assertRejects(byte[] bytes, AmdRule rule, long offset) {
        return assertRejects(bytes, ParseMode.STRICT, rule, offset);
    }

    static MicrocodeFormatException assertRejects(byte[] bytes, ParseMode mode, AmdRule rule, long offset) {
        MicrocodeFormatException error = catchThrowableOfType(MicrocodeFormatException.class, () -> parse(bytes, mode));
        assertThat(error).as("parsing must fail with %s", rule).isNotNull();
        assertThat(error.rule()).as(error.getMessage()).isEqualTo(rule);
        assertThat(error.offset()).as(error.getMessage()).isEqualTo(offset);
        return error;
    }
}
