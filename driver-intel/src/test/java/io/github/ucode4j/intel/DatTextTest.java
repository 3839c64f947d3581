package io.github.ucode4j.intel;

import static io.github.ucode4j.intel.Crafted.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.testing.IucodeTool;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy text format: sniffed by content, decoded to the same patches, errors placed in the text; lines and
 * comments as iucode_tool reads them.
 */
class DatTextTest {

    @Test
    void everyRealFileWrittenAsTextParsesToTheSamePatches() throws Exception {
        for (Path file : IntelCorpus.files()) {
            Bundle binary = parse(IntelCorpus.read(file));
            String text = IntelPatchWriter.toDatText(binary.patches());
            Bundle fromText = parse(text.getBytes(StandardCharsets.US_ASCII));

            assertThat(fromText.patches()).as(file.toString()).hasSameSizeAs(binary.patches());
            for (int i = 0; i < binary.patches().size(); i++) {
                assertThat(fromText.patches().get(i).sameBytes(binary.patches().get(i))).isTrue();
                assertThat(fromText.patches().get(i).details()).isEqualTo(binary.patches().get(i).details());
            }
            assertThat(IntelPatchWriter.toBinary(fromText.patches())).isEqualTo(IntelCorpus.read(file));
        }
    }

    @Test
    void iucodeToolReadsOurTextAsItReadsTheBinary(@TempDir Path directory) throws Exception {
        Path file = IntelCorpus.files().stream().filter(p -> p.getFileName().toString().equals("06-8f-04")).findFirst()
                .orElseThrow();
        Bundle binary = parse(IntelCorpus.read(file));
        Files.writeString(directory.resolve("06-8f-04.dat"), IntelPatchWriter.toDatText(binary.patches()));

        IucodeTool.Run real = IucodeTool.run(directory, List.of("-t", "d", "-L", "06-8f-04.dat"));
        Bundle ours = Crafted.OPS.parse(ByteBuffer.wrap(Files.readAllBytes(directory.resolve("06-8f-04.dat"))),
                "06-8f-04.dat");

        assertThat(real.exitCode()).isZero();
        assertThat(IucodeToolListing.listAll(1, ours)).containsExactlyElementsOf(real.stdout());
    }

    @Test
    void commentsBlankLinesLineEndingsAndCaseAreAcceptedAsIucodeToolAcceptsThem(@TempDir Path directory)
            throws Exception {
        String text = "// a line comment\r\n/* a block comment */\n\n"
                + IntelPatchWriter.toDatText(List.of(patch())).replace("0x0000", "0X0000").replace("\n", "\r\n")
                + "\n/* trailing */\n";
        Files.writeString(directory.resolve("variant.dat"), text, StandardCharsets.US_ASCII);

        Bundle ours = parse(text.getBytes(StandardCharsets.US_ASCII));
        IucodeTool.Run real = IucodeTool.run(directory, List.of("-t", "d", "-L", "variant.dat"));

        assertThat(ours.patches().get(0).sameBytes(patch())).isTrue();
        assertThat(real.exitCode()).isZero();
        assertThat(IucodeToolListing.listAll(1, new Bundle("variant.dat", ours.vendor(), ours.patches(), List.of())))
                .containsExactlyElementsOf(real.stdout());
    }

    @Test
    void licenceLinesThatBeginWithASlashAreComments() throws Exception {
        String text = "/+++++++++++\n/ licence\n/\tindented licence\n  / after blanks\n/\n"
                + IntelPatchWriter.toDatText(List.of(patch()));
        assertThat(parse(text.getBytes(StandardCharsets.US_ASCII)).patches().get(0).sameBytes(patch())).isTrue();
    }

    @Test
    void aCommentRunsFromItsSlashToTheEndOfItsLine() throws Exception {
        assertThat(dwords("0x1, /* c */ 0x2,\n/* c */ 0x3,\n0x4 // 0x5\n0x6,/ 0x7\n0x8/ 0x9\n")).containsExactly(1, 4, 6, 8);
    }

    @Test
    void aLineMayEndWithoutACommaBeforeDataOrACommentLine() throws Exception {
        assertThat(dwords("0x1\n0x2,\n0x3 \n/* c */\n0x4\t/ c\n0x5")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void linesEndAtLfWithCrAsABlankOrAtCrInATextWithoutLf() throws Exception {
        assertThat(dwords("/ licence\r\n0x1\r\n/* c */\r\n0x2,\r0x3\r\n")).containsExactly(1, 2, 3);
        assertThat(dwords("/ licence\r0x1\r/* c */ 0x9\r0x2,\r")).containsExactly(1, 2);
        assertSyntax("0x1\r0x2\r0xg", 8, "line 3, column 1", "no hex digits");
    }

    @Test
    void moreThanEightDigitsAreReadWhileTheValueFitsIn32Bits() throws Exception {
        assertThat(dwords("0x000000001, 0X0000000000FFFFFFFF")).containsExactly(1, -1);
    }

    @Test
    void aBlockCommentOverSeveralLinesIsRefusedAsIucodeToolRefusesIt(@TempDir Path directory) throws Exception {
        String text = "/* a header comment\n   over two lines */\n" + IntelPatchWriter.toDatText(List.of(patch()));
        Files.writeString(directory.resolve("comment.dat"), text);

        IucodeTool.Run real = IucodeTool.run(directory, List.of("-L", "comment.dat"));

        assertThat(IucodeTool.messages(real)).containsExactly("comment.dat: line 2: invalid file format");
        assertSyntax(text, 23, "line 2, column 4", "unexpected character 'o'");
    }

    @Test
    void valuesAfterACommentAreSkippedAsIucodeToolSkipsThem(@TempDir Path directory) throws Exception {
        String good = IntelPatchWriter.toDatText(List.of(patch()));
        String text = good.replaceFirst("\n", "\n/* not data */ 0xdeadbeef, 0x00000000,\n");
        Files.writeString(directory.resolve("skipped.dat"), text);

        IucodeTool.Run real = IucodeTool.run(directory, List.of("-L", "skipped.dat"));
        Bundle ours = Crafted.OPS.parse(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), "skipped.dat");

        assertThat(ours.patches().get(0).sameBytes(patch())).isTrue();
        assertThat(real.exitCode()).isZero();
        assertThat(IucodeToolListing.listAll(1, ours)).containsExactlyElementsOf(real.stdout());
    }

    @Test
    void originsAndBinaryErrorsNameTheTextOffsetAndLine() throws Exception {
        String good = IntelPatchWriter.toDatText(List.of(patch()));
        Bundle bundle = parse((good + good).getBytes(StandardCharsets.US_ASCII));
        int firstDword = good.indexOf('\n') + 1; // after the comment line
        assertThat(bundle.patches().get(1).origin().offset()).isEqualTo(good.length() + firstDword);

        String badChecksum = good.replaceFirst("0x0000002f", "0x00000030");
        MicrocodeFormatException e = catchThrowableOfType(MicrocodeFormatException.class,
                () -> parse(badChecksum.getBytes(StandardCharsets.US_ASCII)));
        assertThat(e.rule()).isEqualTo(IntelRule.HEADER_CHECKSUM);
        int checksumDword = good.indexOf('\n', firstDword) + 1; // header offset 16: the first dword of line 3
        assertThat(e.offset()).isEqualTo(checksumDword);
        assertThat(e.detail()).contains("dword 4 of the text", "line 3, column 1");
    }

    @Test
    void syntaxErrorsNameTheLineAndColumn() {
        assertSyntax("0x00000001, 0x00000001,\n0x00000002, zz", 36, "line 2, column 13", "unexpected character 'z'");
        assertSyntax("0x1,\n0x2 0x3", 9, "line 2, column 5", "separated by commas");
        assertSyntax("0x1,,0x2", 4, "line 1, column 5", "comma with no value");
        assertSyntax("0x123456789,", 0, "line 1, column 1", "wider than 32 bits");
        assertSyntax("0x1, 0x", 5, "line 1, column 6", "no hex digits");
        assertSyntax("0x1,\n,0x2", 5, "line 2, column 1", "comma with no value");
        assertSyntax("0x1g,", 3, "line 1, column 4", "in a number");
    }

    @Test
    void textWithoutDwordsIsEmpty() {
        MicrocodeFormatException e = catchThrowableOfType(MicrocodeFormatException.class,
                () -> parse("/* nothing */\n\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(e.rule()).isEqualTo(InputRule.EMPTY);
    }

    @Test
    void textIsRecognisedAndBinaryIsNot() {
        assertThat(recognizes("0x00000001,\t0x00000002,")).isTrue();
        assertThat(recognizes("  /* Intel microcode */\n0x00000001,")).isTrue();
        assertThat(recognizes("// Intel microcode\n0x00000001,")).isTrue();
        assertThat(recognizes("/* a comment longer than the head, which is cut before it ends ..........")).isTrue();
        assertThat(recognizes("/+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++")).isTrue();
        assertThat(recognizes("/\tlicence\r/ more licence\r0x00000001,")).isTrue();
        assertThat(recognizes("/ licence\nhello")).isFalse();
        assertThat(recognizes("hello")).isFalse();
        assertThat(recognizes("0y1")).isFalse();
        assertThat(Crafted.OPS.recognizes(ByteBuffer.wrap(new byte[] {'0', 'x', '1', 0}))).isFalse();
    }

    private static MicrocodePatch patch() {
        return IntelPatchBuilder.patch().revision(0x2f).extendedSignature(0x906eb, 2).buildPatch("built");
    }

    private static List<Integer> dwords(String text) throws MicrocodeFormatException {
        ByteBuffer stream = DatText.decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), "crafted").stream();
        List<Integer> dwords = new ArrayList<>();
        while (stream.hasRemaining()) {
            dwords.add(stream.getInt());
        }
        return dwords;
    }

    private static boolean recognizes(String text) {
        return Crafted.OPS.recognizes(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void assertSyntax(String text, long offset, String where, String what) {
        MicrocodeFormatException e = catchThrowableOfType(MicrocodeFormatException.class,
                () -> parse(text.getBytes(StandardCharsets.US_ASCII)));
        assertThat(e).as(text).isNotNull();
        assertThat(e.rule()).as(e.getMessage()).isEqualTo(IntelRule.DAT_SYNTAX);
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
        assertThat(e.detail()).contains(where, what);
    }
}
