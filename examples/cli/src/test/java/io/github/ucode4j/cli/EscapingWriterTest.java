package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text that reaches a terminal cannot break a line or control the terminal: every control character is escaped. */
class EscapingWriterTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                arguments("a\nb", "a\\nb"),
                arguments("a\tb\rc", "a\\tb\\rc"),
                arguments("\u001b[31mred", "\\x1b[31mred"),
                arguments("nul\u0000del\u007f", "nul\\x00del\\x7f"),
                arguments("csi\u009b2J", "csi\\xc2\\x9b2J"),
                arguments("caf\udce9", "caf\\xe9"),
                arguments("plain café ☕ \ud83d\ude00 \ud800\udc80", "plain café ☕ \ud83d\ude00 \ud800\udc80"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void escapesControlCharactersAndEscapedBytesAndKeepsTheRest(String text, String shown) {
        assertThat(EscapingWriter.escape(text)).isEqualTo(shown);
    }

    @Test
    void everyWayOfPrintingIsEscapedButTheLineEndsPrintlnAddsAreKept() {
        StringWriter target = new StringWriter();
        EscapingWriter writer = new EscapingWriter(target);

        writer.println("one\ntwo");
        writer.print('\u001b');
        writer.printf("%s%n", "\u0007");
        writer.write("\t".toCharArray());
        writer.println();
        writer.flush();

        assertThat(target.toString()).isEqualTo("one\\ntwo" + System.lineSeparator() + "\\x1b\\x07\\n\\t" + System.lineSeparator());
    }
}
