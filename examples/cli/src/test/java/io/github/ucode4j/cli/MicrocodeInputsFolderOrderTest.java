package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.Selection;
import io.github.ucode4j.cli.MicrocodeInputs.FolderOrder;
import io.github.ucode4j.cli.text.IucodeToolText;
import io.github.ucode4j.intel.IntelPatchBuilder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order a folder's files are read in: by name by default, or the folder's own order, as iucode_tool reads it. */
class MicrocodeInputsFolderOrderTest {
    /** The two patches of a folder compete for this signature and mask, at revisions 0xb4 and 0xb6. */
    private static final int SIGNATURE = 0x000906ea;
    private static final int FLAGS = 0x02;

    @TempDir
    Path temp;

    @Test
    void sortedReadsAFolderByNameWhateverItsOwnOrder() throws Exception {
        Path folder = unsortedFolder();

        List<Path> files = MicrocodeInputs.files(List.of(folder), FolderOrder.SORTED, this::noWarning);

        assertThat(files).isSortedAccordingTo(Path::compareTo).hasSize(2);
    }

    @Test
    void sortedIsTheDefault() throws Exception {
        Path folder = unsortedFolder();

        assertThat(MicrocodeInputs.files(List.of(folder), this::noWarning))
                .isEqualTo(MicrocodeInputs.files(List.of(folder), FolderOrder.SORTED, this::noWarning));
    }

    @Test
    void directoryReadsAFolderInTheOrderItListsItsEntries() throws Exception {
        Path folder = unsortedFolder();

        List<Path> files = MicrocodeInputs.files(List.of(folder), FolderOrder.DIRECTORY, this::noWarning);

        assertThat(files).containsExactlyElementsOf(directoryOrder(folder)).isNotEqualTo(sorted(files));
    }

    @Test
    void directoryOrderListsConflictingPatchesExactlyAsIucodeToolDoes() throws Exception {
        Path folder = unsortedFolder().toAbsolutePath();

        List<String> theirs = IucodeToolProcess.stdout(List.of("-l", folder.toString()));

        assertThat(listing(folder, FolderOrder.DIRECTORY)).containsExactlyElementsOf(theirs);
        assertThat(listing(folder, FolderOrder.SORTED)).as("the folder's order is not the sorted one").isNotEqualTo(theirs);
    }

    private List<String> listing(Path folder, FolderOrder order) throws Exception {
        MicrocodeInputs inputs = new MicrocodeInputs(MicrocodeDrivers.load(), order);
        List<Bundle> bundles = inputs.readAll(List.of(folder), ParseMode.STRICT, this::noWarning);
        return IucodeToolText.lines(bundles, Selection.builder().build(), false, this::noWarning);
    }

    /**
     * A folder of two patches for the same CPU that it lists out of name order. Which order a file system lists names
     * in depends on it (creation order, its reverse, a hash of the name), so pairs of names are tried, each created
     * in both orders, until the folder's own order is not the sorted one.
     */
    private Path unsortedFolder() throws IOException {
        String[][] pairs = {{"a", "b"}, {"06-9e-0a", "06-9e-0b"}, {"first", "second"}, {"x1", "y2"}, {"m", "n"}};
        int attempt = 0;
        for (String[] pair : pairs) {
            for (boolean reversed : new boolean[] {false, true}) {
                Path folder = Files.createDirectory(temp.resolve("folder" + attempt++));
                writePatch(folder.resolve(reversed ? pair[1] : pair[0]), 0xb4);
                writePatch(folder.resolve(reversed ? pair[0] : pair[1]), 0xb6);
                List<Path> listed = directoryOrder(folder);
                if (!listed.equals(sorted(listed))) {
                    return folder;
                }
            }
        }
        throw new AssertionError("this file system lists every folder tried in name order");
    }

    private static void writePatch(Path file, int revision) throws IOException {
        Files.write(file, IntelPatchBuilder.patch().signature(SIGNATURE).platformFlags(FLAGS).revision(revision)
                .date(LocalDate.of(2025, 1, 2)).dataSize(1024, revision).build());
    }

    private static List<Path> directoryOrder(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        }
        return entries;
    }

    private static List<Path> sorted(List<Path> paths) {
        return paths.stream().sorted().toList();
    }

    private void noWarning(String warning) {
        throw new AssertionError("unexpected warning: " + warning);
    }
}
