package io.github.ucode4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class CorpusSkipReportTest {

    /** Run by the test below through its own launcher, not by the build (a nested class). */
    static class Skipping {
        @Test
        void needsTheCorpus() {
            Corpus.missing("not found in /nowhere", false);
        }

        @Test
        void needsTheCorpusToo() {
            Corpus.missing("not found in /nowhere", false);
        }

        @Test
        void needsSomethingElse() {
            Assumptions.assumeTrue(false, "a compiler");
        }

        @Test
        void needsNothing() {
        }
    }

    /** Run the same way: the whole class needs the corpus. */
    static class SkippingAll {
        @BeforeAll
        static void findTheCorpus() {
            Corpus.missing("not found in /nowhere", false);
        }

        @Test
        void needsTheCorpus() {
        }

        @Test
        void needsTheCorpusToo() {
        }
    }

    /** Run the same way: nothing in it needs the corpus. */
    static class Passing {
        @Test
        void needsNothing() {
        }
    }

    @Test
    void namesTheReasonOnceAndEachClassWhoseTestsWereSkippedForWantOfTheCorpus() {
        assertThat(run(Skipping.class)).containsExactly(
                "*** SKIPPED for want of the corpus: Debian microcode corpus not found in /nowhere",
                "*** SKIPPED CorpusSkipReportTest$Skipping: 2 tests need the Debian corpus");
    }

    @Test
    void namesAClassSkippedWholeOnce() {
        assertThat(run(SkippingAll.class)).containsExactly(
                "*** SKIPPED for want of the corpus: Debian microcode corpus not found in /nowhere",
                "*** SKIPPED CorpusSkipReportTest$SkippingAll: all its tests need the Debian corpus");
    }

    @Test
    void saysNothingWhenNothingWasSkippedForWantOfTheCorpus() {
        assertThat(run(Passing.class)).isEmpty();
    }

    private static String[] run(Class<?> tests) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new CorpusSkipReport())
                .build());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build());
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\\R");
    }
}
