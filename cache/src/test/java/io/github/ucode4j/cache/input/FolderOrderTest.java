package io.github.ucode4j.cache.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.UnsortedFolder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order a folder's files are read in: by name by default, or the folder's own order, as iucode_tool reads it. */
class FolderOrderTest {
    @TempDir
    Path temp;

    @Test
    void sortedReadsAFolderByNameWhateverItsOwnOrder() throws Exception {
        Path folder = unsortedFolder();

        List<Path> files = MicrocodeInputs.files(List.of(folder), FolderOrder.SORTED, this::noWarning);

        assertThat(files).isSortedAccordingTo(Path::compareTo).hasSize(2);
    }

    @Test
    void sortedIsTheDefault() {
        assertThat(MicrocodeInputs.withInstalledDrivers().folderOrder()).isEqualTo(FolderOrder.SORTED);
    }

    @Test
    void directoryReadsAFolderInTheOrderItListsItsEntries() throws Exception {
        Path folder = unsortedFolder();

        List<Path> files = MicrocodeInputs.files(List.of(folder), FolderOrder.DIRECTORY, this::noWarning);

        assertThat(files).containsExactlyElementsOf(UnsortedFolder.directoryOrder(folder))
                .isNotEqualTo(files.stream().sorted().toList());
    }

    private Path unsortedFolder() throws Exception {
        return UnsortedFolder.create(temp, patch(0xb4), patch(0xb6));
    }

    private static byte[] patch(int revision) {
        return IntelPatchBuilder.patch().signature(0x000906ea).platformFlags(0x02).revision(revision)
                .date(LocalDate.of(2025, 1, 2)).dataSize(1024, revision).build();
    }

    private void noWarning(String warning) {
        throw new AssertionError("unexpected warning: " + warning);
    }
}
