package com.example.ucode4j.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example on Debian's firmware against ucode4j's simulated machine (any host can run it). */
class ExplainFirmwareTest {

    @Test
    void explainsEveryCpuOfTheMachine() throws Exception {
        System.setProperty("ucode4j.backend", "simulated");
        System.setProperty("ucode4j.simulated.topology", "1x2x2");
        System.setProperty("ucode4j.simulated.signature", "0xa0655"); // 06-a5-05: the default 06-9e-0a is early-only
        System.setProperty("ucode4j.simulated.revision", "0xf0");
        PrintStream standardOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ExplainFirmware.main(new String[] {System.getProperty("firmware")});
        } finally {
            System.setOut(standardOut);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("188 patches in "), lines.get(0));
        assertEquals(5, lines.size(), String.join("\n", lines));
        for (String line : lines.subList(1, 5)) {
            assertTrue(line.matches("CPU \\d: UPDATE: update from revision 0xf0 to 0x\\p{XDigit}+ .*"), line);
        }
    }
}
