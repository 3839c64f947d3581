package io.github.ucode4j.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.TestAbortedException;

/**
 * Ends a test run by naming what was skipped for want of the Debian corpus ({@link Corpus}): the reason once, then
 * one line per test class with the number of its tests skipped (a parameterized test counts once), or all of them
 * when the class itself was, so that a build without the corpus says what it did not check. The JUnit Platform finds it through {@code META-INF/services}; the api
 * test-jar carries it to every module whose tests use the corpus.
 */
public final class CorpusSkipReport implements TestExecutionListener {
    private static final int WHOLE_CLASS = -1;

    // Tests skipped per class name; WHOLE_CLASS when the class itself was skipped.
    private final Map<String, Integer> skippedByClass = new ConcurrentSkipListMap<>();
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Made by the JUnit Platform's service loader. */
    public CorpusSkipReport() {
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<String> corpusReason = result.getStatus() == TestExecutionResult.Status.ABORTED
                ? result.getThrowable().flatMap(CorpusSkipReport::corpusReason)
                : Optional.empty();
        corpusReason.ifPresent(why -> {
            reason.compareAndSet(null, why);
            boolean wholeClass = test.getSource().filter(ClassSource.class::isInstance).isPresent();
            skippedByClass.merge(className(test), wholeClass ? WHOLE_CLASS : 1,
                    (before, added) -> before == WHOLE_CLASS || added == WHOLE_CLASS ? WHOLE_CLASS : before + added);
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skippedByClass.isEmpty()) {
            return;
        }
        System.out.println("*** SKIPPED for want of the corpus: " + reason.get());
        skippedByClass.forEach((name, count) -> System.out.println("*** SKIPPED " + name + ": " + tests(count)
                + " the Debian corpus"));
    }

    private static String tests(int count) {
        if (count == WHOLE_CLASS) {
            return "all its tests need";
        }
        return count == 1 ? "1 test needs" : count + " tests need";
    }

    private static Optional<String> corpusReason(Throwable thrown) {
        String message = String.valueOf(thrown.getMessage());
        int start = message.indexOf(Corpus.MISSING);
        return thrown instanceof TestAbortedException && start >= 0
                ? Optional.of(message.substring(start))
                : Optional.empty();
    }

    private static String className(TestIdentifier test) {
        String name = test.getSource().map(CorpusSkipReport::className).orElse(test.getDisplayName());
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String className(TestSource source) {
        if (source instanceof MethodSource method) {
            return method.getClassName();
        }
        return source instanceof ClassSource type ? type.getClassName() : source.toString();
    }
}
