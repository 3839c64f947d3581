package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.ucode4j.testing.Corpus;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile-input catalogue: {@code ucode verify} and {@code ucode list} given broken, huge, endless or
 * non-regular inputs end with exit code 2 and one line naming the file, the offset and the rule, with no stack
 * trace and with memory bounded by what a microcode file can hold, not by what the input claims or is.
 */
class HostileInputsTest {
    /** Far below the 2 GiB of the sparse file and far above a run's own needs. */
    private static final long MEMORY_BOUND = 256L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(HostileInputs.class)
    void isRefusedWithOneLineNamingFileOffsetAndRule(HostileInputs hostile) throws Exception {
        Path input = hostile.make(directory);
        for (String command : List.of("verify", "list")) {
            Ucode.Run run = boundedRun(command, input.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("ucode " + command + ": " + input + "@0x" + Long.toHexString(hostile.offset) + ": ")
                    .endsWith("[" + hostile.code + "]");
        }
    }

    @Test
    void aDirectoryOfRandomFilesNamesEachFile() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<Path> files = IntStream.range(0, 8).mapToObj(i -> directory.resolve("random-" + i)).toList();
        for (Path file : files) {
            byte[] bytes = new byte[1 + random.nextInt(4096)];
            random.nextBytes(bytes);
            Files.write(file, bytes);
        }

        Ucode.Run verify = boundedRun("verify", directory.toString());
        Ucode.Run list = boundedRun("list", directory.toString());

        assertThat(verify.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(verify.errLines()).hasSize(files.size()).allSatisfy(line -> assertThat(line)
                .matches("ucode verify: .*random-\\d@0x0: .* \\[INPUT_UNRECOGNIZED\\]"));
        assertThat(list.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(list.errLines()).singleElement().asString().startsWith("ucode list: " + files.get(0) + "@0x0: ");
    }

    @ParameterizedTest(name = "cut at {0} KiB")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aRealPatchCutAtAKibibyteBoundaryIsTruncated(int kibibytes) throws Exception {
        byte[] real = Files.readAllBytes(Corpus.intelFirmware().resolve("06-55-04"));
        int firstPatchSize = ByteBuffer.wrap(real).order(ByteOrder.LITTLE_ENDIAN).getInt(0x20);
        assumeFalse(kibibytes * 1024 >= firstPatchSize, "the first patch is shorter");
        Path cut = Files.write(directory.resolve("06-55-04"), Arrays.copyOf(real, kibibytes * 1024));

        for (String command : List.of("verify", "list")) {
            Ucode.Run run = boundedRun(command, cut.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("ucode " + command + ": " + cut + "@0x20: ").endsWith("[INTEL_TOTAL_SIZE_EXCEEDS_INPUT]");
        }
    }

    @Test
    void aFirmwareDirectorySkipsLinksThatLeadNowhereWithAWarningAndReadsTheRest() throws Exception {
        Path firmware = GeneratedFirmware.forSimulatedMachine(directory, 0xc6).resolve("intel-ucode");
        Files.createSymbolicLink(firmware.resolve("dangling"), firmware.resolve("nowhere"));
        Files.createSymbolicLink(firmware.resolve("loop"), Path.of("loop"));

        Ucode.Run run = boundedRun("verify", firmware.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("1 files, 1 patches").doesNotContain("dangling", "loop");
        assertThat(run.errLines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("ucode verify: warning: skipped "));
    }

    /** Runs {@code ucode command path}; asserts no stack trace and a bounded allocation on this thread. */
    private static Ucode.Run boundedRun(String command, String path) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Ucode.Run run = Ucode.run(command, path);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by ucode %s %s", command, path).isLessThan(MEMORY_BOUND);
        assertThat(run.out() + run.err()).doesNotContain("\tat ", "Exception");
        return run;
    }
}
