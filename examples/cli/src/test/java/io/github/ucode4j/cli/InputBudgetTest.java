package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.intel.IntelPatchBuilder;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One command reads at most {@link MicrocodeInputs#MAX_TOTAL_INPUT_BYTES} in all, and a file named many times (hard
 * links, a symbolic link, the same path twice, through a folder) is read once and counted once, yet listed once per
 * name, as iucode_tool lists it.
 */
class InputBudgetTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int LINKS = 100;
    private static final int PATCH_BYTES = 2 << 20;

    @TempDir
    Path directory;

    @Test
    void aFileNamedAHundredTimesIsReadOnceAndListedAsIucodeToolListsIt() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("links"));
        Path first = Files.write(folder.resolve("link-000"), IntelPatchBuilder.patch().revision(0x20).dataSize(PATCH_BYTES, 7).build());
        IntStream.range(1, LINKS).forEach(i -> link(folder.resolve(String.format("link-%03d", i)), first));
        Path symbolic = Files.createSymbolicLink(directory.resolve("symbolic"), first);
        List<String> names = new ArrayList<>(IucodeToolProcess.sortedFiles(folder));
        names.addAll(List.of(first.toString(), symbolic.toString()));

        long before = THREADS.getCurrentThreadAllocatedBytes();
        Ucode.Run run = Ucode.run("list", "--format=iucode", folder.toString(), first.toString(), symbolic.toString());
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(allocated).as("bytes allocated to list %d names of one %d-byte file", LINKS + 2, PATCH_BYTES)
                .isLessThan(16L * PATCH_BYTES);
        List<String> theirs = new ArrayList<>(List.of("-l"));
        theirs.addAll(names);
        assertThat(run.outLines()).hasSize(LINKS + 4).containsExactlyElementsOf(IucodeToolProcess.stdout(theirs));
    }

    @Test
    void pastTheBudgetTheCommandStopsWithOneLineNamingTheFileAndTheBudget() throws Exception {
        int files = (int) (MicrocodeInputs.MAX_TOTAL_INPUT_BYTES / MicrocodeInputs.MAX_INPUT_BYTES) + 1;
        List<String> paths = new ArrayList<>(List.of("verify"));
        for (int i = 0; i < files; i++) {
            Path sparse = directory.resolve("sparse-" + i);
            try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
                file.setLength(MicrocodeInputs.MAX_INPUT_BYTES);
            }
            paths.add(sparse.toString());
        }

        Ucode.Run run = Ucode.run(paths.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).filteredOn(line -> !line.contains("[INPUT_UNRECOGNIZED]")).singleElement().asString()
                .isEqualTo("ucode verify: " + paths.get(files) + "@0x0: the input must not exceed the reader's size limit "
                        + "(the inputs read together may hold " + MicrocodeInputs.MAX_TOTAL_INPUT_BYTES + " bytes (256 MiB) in "
                        + "all, and this file of " + MicrocodeInputs.MAX_INPUT_BYTES + " bytes would bring them to "
                        + (MicrocodeInputs.MAX_TOTAL_INPUT_BYTES + MicrocodeInputs.MAX_INPUT_BYTES) + ") [INPUT_TOO_LARGE]");
    }

    private static void link(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
