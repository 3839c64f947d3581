package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.Selection;
import io.github.ucode4j.cache.input.FolderOrder;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.text.IucodeToolText;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.UnsortedFolder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the folder's own order, competing patches are listed exactly as iucode_tool lists them. */
class FolderOrderListingTest {
    /** The two patches of a folder compete for this signature and mask. */
    private static final int SIGNATURE = 0x000906ea;
    private static final int FLAGS = 0x02;

    @TempDir
    Path temp;

    @Test
    void directoryOrderListsCompetingPatchesExactlyAsIucodeToolDoes() throws Exception {
        Path folder = competingPatches().toAbsolutePath();

        List<String> theirs = IucodeToolProcess.stdout(List.of("-l", folder.toString()));

        assertThat(listing(folder, FolderOrder.DIRECTORY)).containsExactlyElementsOf(theirs);
        assertThat(listing(folder, FolderOrder.SORTED)).as("the folder's order is not the sorted one").isNotEqualTo(theirs);
    }

    private List<String> listing(Path folder, FolderOrder order) throws Exception {
        MicrocodeInputs inputs = new MicrocodeInputs(MicrocodeDrivers.load(), order);
        List<Bundle> bundles = inputs.readAll(List.of(folder), ParseMode.STRICT, this::noWarning);
        return IucodeToolText.lines(bundles, Selection.builder().build(), false, this::noWarning);
    }

    /** A folder, listed out of name order, of two patches for one CPU at revisions 0xb4 and 0xb6. */
    private Path competingPatches() throws Exception {
        return UnsortedFolder.create(temp, patch(0xb4), patch(0xb6));
    }

    private static byte[] patch(int revision) {
        return IntelPatchBuilder.patch().signature(SIGNATURE).platformFlags(FLAGS).revision(revision)
                .date(LocalDate.of(2025, 1, 2)).dataSize(1024, revision).build();
    }

    private void noWarning(String warning) {
        throw new AssertionError("unexpected warning: " + warning);
    }
}
