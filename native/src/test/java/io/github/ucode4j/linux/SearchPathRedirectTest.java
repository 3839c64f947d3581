package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of a redirected load: the private folder, the journal, and undoing a start that failed half-way. */
class SearchPathRedirectTest {
    private static final ByteBuffer FILE = ByteBuffer.wrap("a patch".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path root;

    private Path run;
    private FirmwareSearchPath searchPath;

    @BeforeEach
    void runDirectoryAndSearchPath() throws IOException {
        run = Files.createDirectories(root.resolve("run/ucode4j"));
        searchPath = new FirmwareSearchPath(Files.writeString(root.resolve("path"), "/opt/firmware\n"));
    }

    private String[] runEntries() throws IOException {
        try (Stream<Path> entries = Files.list(run)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aStartThatFailsAfterTheFolderWasMadeUndoesEverything() throws IOException {
        Map<String, ByteBuffer> files = new TreeMap<>(Map.of("intel-ucode/06-55-04", FILE, "../escapes", FILE));

        assertThatThrownBy(() -> SearchPathRedirect.begin(run, searchPath, files)).isInstanceOf(IOException.class)
                .hasMessageContaining("firmware name '../escapes' leaves the folder");

        assertThat(runEntries()).isEmpty();
        assertThat(Files.readString(searchPath.parameter())).isEqualTo("/opt/firmware\n");
        assertThat(root.resolve("run/escapes")).doesNotExist();
    }

    @Test
    void aStartAndEndLeaveTheSearchPathAndTheRunDirectoryAsTheyWere() throws IOException {
        SearchPathRedirect redirect = SearchPathRedirect.begin(run, searchPath, Map.of("intel-ucode/06-55-04", FILE));

        assertThat(searchPath.read()).isEqualTo(redirect.folder().toString());
        assertThat(Files.readString(redirect.folder().resolve("intel-ucode/06-55-04"))).isEqualTo("a patch");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(redirect.folder().resolve("intel-ucode/06-55-04"))))
                .isEqualTo("rw-r--r--");
        assertThat(ReloadJournal.read(run)).hasValueSatisfying(j -> assertThat(j.previousSearchPath()).isEqualTo("/opt/firmware"));

        assertThat(redirect.end()).isEmpty();

        assertThat(searchPath.read()).isEqualTo("/opt/firmware");
        assertThat(runEntries()).isEmpty();
    }

    @Test
    void aSearchPathSetDuringTheLoadIsLeftAsItIsAndSaidSo() throws IOException {
        SearchPathRedirect redirect = SearchPathRedirect.begin(run, searchPath, Map.of("intel-ucode/06-55-04", FILE));
        searchPath.write("/opt/newer");

        assertThat(redirect.end()).hasValueSatisfying(n -> assertThat(n).contains("set to '/opt/newer' during the load", "left as it is"));

        assertThat(searchPath.read()).isEqualTo("/opt/newer");
        assertThat(runEntries()).isEmpty();
    }

    @Test
    void aLinkBelowTheFolderIsRefusedAndNothingIsWrittenThroughIt() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        FirmwareFolder folder = FirmwareFolder.create(FirmwareFolder.of(run, 42));
        Files.createSymbolicLink(folder.path().resolve("intel-ucode"), elsewhere);

        assertThatThrownBy(() -> folder.write("intel-ucode/06-55-04", FILE)).isInstanceOf(IOException.class)
                .hasMessageContaining("intel-ucode is a symbolic link: refusing to write through it");

        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        FirmwareFolder.remove(folder.path());
        assertThat(folder.path()).doesNotExist();
        assertThat(elsewhere).as("the link was removed, not what it points at").isDirectory();
    }

    @Test
    void aJournalKeepsTheSearchPathByteForByte() throws IOException {
        String odd = "/opt/\u00e9t\u00e9 = x\n#not a comment\\";
        new ReloadJournal(4242, FirmwareFolder.of(run, 4242), odd).write(run);

        assertThat(ReloadJournal.read(run)).contains(new ReloadJournal(4242, FirmwareFolder.of(run, 4242), odd));
        ReloadJournal.delete(run);
        assertThat(ReloadJournal.read(run)).isEmpty();
    }

    @Test
    void aJournalThatDoesNotSayWhatAJournalSaysIsRefused() throws IOException {
        Files.writeString(run.resolve(ReloadJournal.FILE_NAME), "pid=42\nfolder=" + run.resolve("../../etc") + "\nsearchPath=\n");
        assertThatThrownBy(() -> ReloadJournal.read(run)).isInstanceOf(IOException.class).hasMessageContaining("not one the kernel backend writes");

        Files.writeString(run.resolve(ReloadJournal.FILE_NAME), "pid=42\nfolder=" + FirmwareFolder.of(run, 42) + "\n");
        assertThatThrownBy(() -> ReloadJournal.read(run)).isInstanceOf(IOException.class).hasMessageContaining("searchPath missing");

        Files.delete(run.resolve(ReloadJournal.FILE_NAME));
        Files.createSymbolicLink(run.resolve(ReloadJournal.FILE_NAME), root.resolve("path"));
        assertThatThrownBy(() -> ReloadJournal.read(run)).isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }
}
