package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's layering rules, checked over every module's sources: JNA may appear only in {@code native/}
 * and {@code driver-xen/}, so that parsing, planning and the rendezvous stay pure Java and run anywhere.
 */
class ArchitectureTest {
    private static final Set<String> JNA_MODULES = Set.of("native", "driver-xen");
    private static final Pattern JNA_USE = Pattern.compile("\\bcom\\.sun\\.jna\\b");

    @Test
    void jnaIsUsedOnlyInTheNativeAndXenModules() {
        Path repository = Path.of(System.getProperty("ucode4j.repository", ".."));
        assertThat(repository.resolve("api/pom.xml")).as("repository root").exists();
        assertThat(jnaUsesOutsideAllowedModules(repository)).isEmpty();
    }

    @Test
    void theRuleCatchesAnImportAndAFullyQualifiedUse(@TempDir Path repository) throws IOException {
        String jna = "com.sun" + ".jna"; // split, so that this file does not break the rule it tests
        write(repository.resolve("cache/src/main/java/a/Bad.java"), "package a;\nimport " + jna + ".Native;\nclass Bad {}\n");
        write(repository.resolve("rendezvous/src/test/java/b/Sneaky.java"), "package b;\nclass Sneaky { " + jna + ".Pointer p; }\n");
        write(repository.resolve("native/src/main/java/c/Fine.java"), "package c;\nimport " + jna + ".Native;\nclass Fine {}\n");
        write(repository.resolve("cache/src/main/java/a/Clean.java"), "package a;\nclass Clean {}\n");
        assertThat(jnaUsesOutsideAllowedModules(repository))
                .containsExactlyInAnyOrder(Path.of("cache/src/main/java/a/Bad.java"), Path.of("rendezvous/src/test/java/b/Sneaky.java"));
    }

    private static List<Path> jnaUsesOutsideAllowedModules(Path repository) {
        List<Path> offenders = new ArrayList<>();
        try {
            Files.walkFileTree(repository, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName().toString();
                    boolean skipped = !dir.equals(repository)
                            && (name.startsWith(".") || name.equals("target") || JNA_MODULES.contains(name) && dir.getParent().equals(repository));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (file.toString().endsWith(".java") && JNA_USE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                        offenders.add(repository.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offenders;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
