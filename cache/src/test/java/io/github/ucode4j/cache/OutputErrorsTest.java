package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A writer's error says why in the same words as every other file error ({@link IoMessages}). */
class OutputErrorsTest {
    private static final Path TARGET = Path.of("out", "intel-ucode", "06-55-04");

    @Test
    void aTypedExceptionIsSaidInWordsNotItsClassName() {
        FileSystemException failure = OutputErrors.failed(TARGET, "cannot create it", new AccessDeniedException(TARGET.toString()));

        assertThat(failure).hasMessage(TARGET + ": cannot create it: permission denied").hasCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theOperatingSystemsReasonReadsAsAClauseAsIoMessagesSaysIt() {
        FileSystemException cause = new FileSystemException(TARGET.toString(), null, "Read-only file system");

        FileSystemException failure = OutputErrors.failed(TARGET, "writing failed", cause);

        assertThat(failure.getReason()).isEqualTo("writing failed: " + IoMessages.reason(cause))
                .isEqualTo("writing failed: read-only file system");
    }

    @Test
    void aFailureOtherThanAnIoExceptionKeepsItsOwnWords() {
        FileSystemException failure = OutputErrors.failed(TARGET, "cannot link the temporary file into place",
                new UnsupportedOperationException("links are not supported here"));

        assertThat(failure).hasMessage(TARGET + ": cannot link the temporary file into place: links are not supported here");
        assertThat(IoMessages.describe(failure)).isEqualTo(failure.getMessage());
    }

    @Test
    void aBareIoExceptionIsCalledSo() {
        assertThat(OutputErrors.failed(TARGET, "writing failed", new IOException()).getReason())
                .isEqualTo("writing failed: an input or output error");
    }
}
