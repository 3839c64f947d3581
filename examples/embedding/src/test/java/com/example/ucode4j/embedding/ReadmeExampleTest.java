package com.example.ucode4j.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example of the repository's README, taken from the README's own text, compiles against the library and
 * runs: on Debian's firmware (the README's {@code /lib/firmware} replaced by the corpus's) against the simulated
 * machine, it explains every CPU, as {@link ExplainFirmware}, the same program, does.
 */
class ReadmeExampleTest {
    private static final Path README = Path.of(System.getProperty("readme", "../../README.md"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final String CLASS = "ReadmeExample";

    @TempDir
    Path directory;

    @Test
    void theReadmesJavaExampleCompilesAndExplainsEveryCpu() throws Exception {
        Path source = directory.resolve(CLASS + ".java");
        Files.writeString(source, program(readmeExample()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-classpath", libraryClassPath(), "-d", directory.toString(),
                source.toString());
        assertEquals(0, status, "the README's example does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));

        List<String> lines = run(directory);

        assertEquals(4, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.matches("CPU \\d: UPDATE: update from revision 0xf0 to 0x\\p{XDigit}+ .*"), line);
        }
    }

    private static String readmeExample() throws Exception {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        assertTrue(block.find(), "no ```java block in " + README.toAbsolutePath());
        String firmware = System.getProperty("firmware");
        return block.group(1).replace("\"/lib/firmware\"", "\"" + firmware + "\"");
    }

    // The README shows statements; a reader puts them in a main method of their own, with the imports their IDE adds.
    private static String program(String statements) {
        return Stream.of("io.github.ucode4j.api.*", "io.github.ucode4j.api.spi.*", "io.github.ucode4j.cache.*",
                        "io.github.ucode4j.cache.input.*", "java.nio.file.Path", "java.util.List")
                .map(name -> "import " + name + ";\n").collect(Collectors.joining())
                + "public final class " + CLASS + " {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + statements.indent(8)
                + "    }\n}\n";
    }

    // The jars (or class folders) of the library's api and cache modules, which the example uses.
    private static String libraryClassPath() {
        return Stream.of(ApplyBackends.class, MicrocodeInputs.class)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
                .map(ReadmeExampleTest::path)
                .collect(Collectors.joining(System.getProperty("path.separator")));
    }

    private static String path(URL location) {
        try {
            return Paths.get(location.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // Runs the compiled example on the simulated machine, in a loader whose parent holds the drivers and backends.
    private static List<String> run(Path classes) throws Exception {
        System.setProperty("ucode4j.backend", "simulated");
        System.setProperty("ucode4j.simulated.topology", "1x2x2");
        System.setProperty("ucode4j.simulated.signature", "0xa0655"); // 06-a5-05: the default 06-9e-0a is early-only
        System.setProperty("ucode4j.simulated.revision", "0xf0");
        PrintStream standardOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(CLASS).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(standardOut);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
