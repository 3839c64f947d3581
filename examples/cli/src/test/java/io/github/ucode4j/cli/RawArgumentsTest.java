package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The program's arguments recovered as their bytes from the process's command line, and only when they are its own. */
class RawArgumentsTest {
    private static final byte[] CAFE_LATIN1 = {'c', 'a', 'f', (byte) 0xe9};
    private static final byte[] CAFE_UTF8 = "café".getBytes(StandardCharsets.UTF_8);

    @Test
    void aByteJavaReplacedIsCarriedAsItWas() {
        byte[] commandLine = commandLine("java".getBytes(), "-jar".getBytes(), "ucode.jar".getBytes(), "list".getBytes(), CAFE_LATIN1);

        String[] recovered = RawArguments.recover(new String[] {"list", "caf\ufffd"}, commandLine, StandardCharsets.UTF_8);

        assertThat(recovered).containsExactly("list", "caf\udce9");
    }

    @Test
    void utf8DecodedAsAsciiUnderTheCLocaleIsRecovered() {
        byte[] commandLine = commandLine("java".getBytes(), "list".getBytes(), CAFE_UTF8);

        String[] recovered = RawArguments.recover(new String[] {"list", "caf\ufffd\ufffd"}, commandLine, StandardCharsets.US_ASCII);

        assertThat(recovered).containsExactly("list", "café");
    }

    @Test
    void asciiArgumentsAreTheirOwnBytesAndAreTakenAsGiven() {
        String[] args = {"status", "--format=json", "-v"};

        assertThat(RawArguments.recover(args)).isSameAs(args);
    }

    @Test
    void argumentsThatAreNotTheProcessesOwnAreLeftAsTheyAre() {
        byte[] commandLine = commandLine("java".getBytes(), "-jar".getBytes(), "host.jar".getBytes(), "--port=80".getBytes());
        String[] args = {"list", "caf\ufffd"};

        assertThat(RawArguments.recover(args, commandLine, StandardCharsets.UTF_8)).isSameAs(args);
        assertThat(RawArguments.recover(new String[] {"a", "b", "c", "d", "e"}, commandLine, StandardCharsets.UTF_8))
                .containsExactly("a", "b", "c", "d", "e");
    }

    private static byte[] commandLine(byte[]... arguments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] argument : arguments) {
            bytes.writeBytes(argument);
            bytes.write(0);
        }
        return bytes.toByteArray();
    }
}
