package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

/**
 * A bug, or an {@link Error} such as running out of memory, ends the command with exit code 70 and one line in words,
 * never a stack trace or a Java class name unless {@code --debug} asks for the trace.
 */
class InternalErrorsTest {

    /** A command that fails with what it is given, as a bug anywhere below a real command would. */
    @Command(name = "fail")
    static final class Failing extends CommandBase {
        private final Throwable failure;

        Failing(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new OutOfMemoryError("Java heap space"), "ucode fail: out of memory (Java heap space): "),
                Arguments.of(new StackOverflowError(), "ucode fail: internal error: the stack overflowed; "),
                Arguments.of(new ExceptionInInitializerError(new IllegalStateException("no table")),
                        "ucode fail: internal error: a class could not be initialised: no table; "),
                Arguments.of(new AssertionError("cannot happen"), "ucode fail: internal error: cannot happen; "),
                Arguments.of(new IllegalStateException("a plan without CPUs"), "ucode fail: internal error: a plan without CPUs; "),
                Arguments.of(new NullPointerException(), "ucode fail: internal error: no detail given; "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void isExitCode70WithOneLineInWords(Throwable failure, String line) {
        Ucode.Run run = Ucode.runWith(new Failing(failure), "fail");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.errLines()).singleElement().asString().startsWith(line).endsWith("run again with --debug and report what it prints");
        assertThat(run.err()).doesNotContain("\tat ", "java.", failure.getClass().getSimpleName());
    }

    @Test
    void debugAddsTheStackTrace() {
        Ucode.Run run = Ucode.runWith(new Failing(new StackOverflowError()), "--debug", "fail");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.errLines().get(0)).startsWith("ucode fail: internal error: the stack overflowed");
        assertThat(run.err()).contains("java.lang.StackOverflowError", "\tat ");
    }
}
