package io.github.ucode4j.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class CorpusTest {

    @Test
    void aMissingCorpusSkipsTheTestOutsideCi() {
        assertThatThrownBy(() -> Corpus.missing("not found in /nowhere", false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Debian microcode corpus not found in /nowhere");
    }

    @Test
    void aMissingCorpusFailsTheTestUnderCi() {
        assertThatThrownBy(() -> Corpus.missing("not found in /nowhere", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Debian microcode corpus not found in /nowhere")
                .hasMessageContaining("CI=true");
    }

    @Test
    void theMessageNamesWhereTheCorpusWasLookedFor(@TempDir Path empty) {
        String before = System.getProperty("ucode4j.corpus");
        System.setProperty("ucode4j.corpus", empty.toString());
        try {
            assertThatThrownBy(Corpus::root).hasMessageContaining("not found in " + empty)
                    .hasMessageContaining("lab/fetch-debian.sh");
        } finally {
            if (before == null) {
                System.clearProperty("ucode4j.corpus");
            } else {
                System.setProperty("ucode4j.corpus", before);
            }
        }
    }
}
