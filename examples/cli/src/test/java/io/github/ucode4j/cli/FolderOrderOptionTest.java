package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.UnsortedFolder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --folder-order}: a folder read by name, or in its own order as iucode_tool reads it. Seen through two
 * patches that conflict (one CPU and revision, other bytes): the error names the one read second.
 */
class FolderOrderOptionTest {
    @TempDir
    Path temp;

    @Test
    void directoryReadsTheFolderInItsOwnOrder() throws Exception {
        Path folder = conflictingPatches();
        Path readSecond = UnsortedFolder.directoryOrder(folder).get(1);

        Ucode.Run run = writeFirmwareDir(folder, List.of("--folder-order=directory"));

        assertThat(run.errLines()).singleElement().asString().startsWith("ucode write-firmware-dir: " + readSecond + "@0x0: ")
                .contains("CACHE_CONFLICTING_PATCHES");
    }

    @Test
    void sortedByNameIsTheDefault() throws Exception {
        Path folder = conflictingPatches();
        Path lastByName = UnsortedFolder.directoryOrder(folder).stream().sorted().toList().get(1);

        for (List<String> order : List.of(List.<String>of(), List.of("--folder-order=sorted"))) {
            Ucode.Run run = writeFirmwareDir(folder, order);

            assertThat(run.errLines()).as("%s", order).singleElement().asString()
                    .startsWith("ucode write-firmware-dir: " + lastByName + "@0x0: ");
        }
    }

    @Test
    void anUnknownOrderIsAUsageError() {
        Ucode.Run run = Ucode.run("write-firmware-dir", "--folder-order=readdir", "-o", temp.toString(), temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--folder-order").contains("readdir").contains("SORTED").contains("DIRECTORY");
    }

    private Ucode.Run writeFirmwareDir(Path folder, List<String> options) {
        List<String> command = new ArrayList<>(List.of("write-firmware-dir", "-o", temp.resolve("out").toString()));
        command.addAll(options);
        command.add(folder.toString());
        return Ucode.run(command.toArray(String[]::new));
    }

    private Path conflictingPatches() throws Exception {
        return UnsortedFolder.create(temp, patch(1), patch(2));
    }

    /** A patch for one CPU at one revision; {@code day} changes its date and bytes. */
    private static byte[] patch(int day) {
        return IntelPatchBuilder.patch().signature(0x000906ea).platformFlags(0x02).revision(0xb4)
                .date(LocalDate.of(2025, 1, day)).dataSize(1024, day).build();
    }
}
