package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The standard file exceptions in words: never a Java class name, never a bare path. */
class IoMessagesTest {
    @TempDir
    Path directory;

    static Stream<Arguments> exceptions() {
        return Stream.of(
                arguments(new NoSuchFileException("f"), "f: no such file or directory"),
                arguments(new AccessDeniedException("f"), "f: permission denied"),
                arguments(new NotDirectoryException("f"), "f: not a directory"),
                arguments(new FileSystemLoopException("f"), "f: a file system loop (a folder inside itself)"),
                arguments(new FileSystemException("f", null, "Input/output error"), "f: input/output error"),
                arguments(new FileSystemException("f", "g", "Invalid cross-device link"), "f -> g: invalid cross-device link"),
                arguments(new FileSystemException("f", null, "exists; pass overwrite to replace it"),
                        "f: exists; pass overwrite to replace it"),
                arguments(new IOException("f: the disk is full"), "f: the disk is full"),
                arguments(new IOException(), "an input or output error"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("exceptions")
    void describesEachInWords(IOException exception, String words) {
        assertThat(IoMessages.describe(exception)).isEqualTo(words);
    }

    @Test
    void aLoopOfSymbolicLinksIsCalledSo() throws Exception {
        Path loop = Files.createSymbolicLink(directory.resolve("loop"), Path.of("loop"));

        IOException thrown = readAttributes(loop);

        assertThat(IoMessages.reason(thrown)).isEqualTo("a loop of symbolic links");
    }

    @Test
    void aPathThroughAFileIsNotADirectory() throws Exception {
        Path file = Files.writeString(directory.resolve("file"), "");

        IOException thrown = readAttributes(file.resolve("inside"));

        assertThat(IoMessages.reason(thrown)).isEqualTo("not a directory");
    }

    private static IOException readAttributes(Path path) {
        try {
            Files.readAttributes(path, "size");
            throw new AssertionError("readable: " + path);
        } catch (IOException e) {
            return e;
        }
    }
}
