package io.github.ucode4j.intel;

import io.github.ucode4j.api.MicrocodePatch;
import java.util.List;

/**
 * {@code .dat} text in the layout of Intel's {@code microcode.dat} of 2012: licence lines that begin with {@code /}
 * but are not C comments ({@code /+++...}, {@code /<TAB>...}), a C comment line before each patch, no comma after a
 * patch's last value, and the line ending asked for. The words are the project's own; the patches are the caller's.
 */
final class LegacyDatText {
    private static final String RULE = "/" + "+".repeat(77);
    private static final String LICENCE = String.join("\n", RULE,
            "/ Licence lines of the old layout begin with a slash and are not C comments.",
            "/\tSome are indented with a tab after the slash.",
            RULE, "");

    /** How the lines end. */
    enum LineEnd {
        LF("\n"), CRLF("\r\n"), CR("\r");

        private final String characters;

        LineEnd(String characters) {
            this.characters = characters;
        }
    }

    private LegacyDatText() {
    }

    /** The patches in the old layout, each line ended by {@code lineEnd}. */
    static String of(List<MicrocodePatch> patches, LineEnd lineEnd) {
        String text = LICENCE + IntelPatchWriter.toDatText(patches);
        String lastValuesWithoutComma = text.replace(",\n/*", "\n/*").replaceFirst(",\n$", "\n");
        return lastValuesWithoutComma.replace("\n", lineEnd.characters);
    }
}
