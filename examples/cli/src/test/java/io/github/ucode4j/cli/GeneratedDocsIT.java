package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build leaves a troff man page for the command and each subcommand, and a bash completion script. */
class GeneratedDocsIT {
    private static final Path DOCS = Path.of("target/generated-docs");

    @Test
    void everyCommandHasAManPage() throws Exception {
        for (String page : new String[] {"ucode", "ucode-list", "ucode-verify", "ucode-status", "ucode-explain", "ucode-apply",
                "ucode-write-early-cpio", "ucode-write-firmware-dir", "ucode-diff", "ucode-demo"}) {
            Path man = DOCS.resolve("man1").resolve(page + ".1");
            // troff escapes the hyphens of the title: .TH "UCODE\-LIST" "1" ...
            String title = page.toUpperCase(Locale.ROOT).replace("-", "\\-");
            assertThat(Files.readString(man)).as(page).contains(".TH \"" + title + "\" \"1\"");
        }
    }

    @Test
    void everyManPageHasTheSectionsOfAManPage() throws Exception {
        try (Stream<Path> pages = Files.list(DOCS.resolve("man1"))) {
            assertThat(pages.toList()).hasSizeGreaterThan(10).allSatisfy(page -> assertThat(Files.readString(page)).as(page.toString())
                    .contains(".SH \"EXAMPLES\"", ".SH \"EXIT STATUS:\"", ".SH \"ENVIRONMENT\"", ".SH \"FILES\"", ".SH \"SEE ALSO\""));
        }
    }

    @Test
    void bashCompletesTheCommands() throws Exception {
        assertThat(Files.readString(DOCS.resolve("ucode_completion"))).contains("complete -F _complete_ucode").contains("write-early-cpio");
    }
}
