package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ucode4j.cli.LauncherProcess.Run;
import io.github.ucode4j.cli.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that are not valid in the locale, through the real launcher: an argument that is not UTF-8 (the byte 0xE9,
 * as bash's printf writes it), a UTF-8 name under the C locale, and such names found in a folder are read, and shown
 * as UTF-8 where they are, each other byte as {@code \xe9}.
 */
class NonUtf8NamesIT {
    @TempDir
    Path directory;

    private LauncherProcess ucode;

    @BeforeEach
    void filesNamedInLatin1AndInUtf8() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve(FileNames.of(new byte[] {'c', 'a', 'f', (byte) 0xe9})), HostileInputs.intelWithTable());
        Files.write(folder.resolve(FileNames.of("thé".getBytes(StandardCharsets.UTF_8))), HostileInputs.amdContainer());
        ucode = new LauncherProcess(directory);
    }

    @Test
    void anArgumentThatIsNotUtf8NamesItsFile() throws Exception {
        Run run = ucode.script("exec bash \"$0\" list --format=json \"$(printf 'folder/caf\\351')\"");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("inputs").get(0).get("source").asText()).isEqualTo("folder/caf\\xe9");
        assertThat(json.get("entries")).hasSize(2);
    }

    @Test
    void anOptionValueThatIsNotUtf8NamesItsFolder() throws Exception {
        Files.move(directory.resolve("folder"), directory.resolve(FileNames.of(new byte[] {'f', 'w', (byte) 0xff})));
        Run run = ucode.script("exec bash \"$0\" explain --backend=simulated --firmware=\"$(printf 'fw\\377')\"");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("CPU");
    }

    @Test
    void aUtf8NameUnderTheCLocaleIsReadAndShownAsUtf8() throws Exception {
        Run run = ucode.environment("LC_ALL", "C").script("exec bash \"$0\" list \"$(printf 'folder/th\\303\\251')\"");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("folder/thé@0x");
    }

    @Test
    void namesFoundInAFolderAreReadAndShown() throws Exception {
        for (String locale : new String[] {"C.UTF-8", "C"}) {
            Run run = ucode.environment("LC_ALL", locale).run("verify", "folder");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("ok      folder/caf\\xe9: 1 INTEL", "ok      folder/thé: 1 AMD");
        }
    }

    @Test
    void aBrokenFileThatIsNotUtf8IsNamedInTheError() throws Exception {
        Files.write(directory.resolve(FileNames.of(new byte[] {'b', 'a', 'd', (byte) 0xff})), HostileInputs.HEADER_CHECKSUM.bytes());

        Run run = ucode.script("exec bash \"$0\" verify \"$(printf 'bad\\377')\"");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().startsWith("ucode verify: bad\\xff@0x10: ");
    }
}
