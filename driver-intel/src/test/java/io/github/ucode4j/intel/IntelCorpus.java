package io.github.ucode4j.intel;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real Intel files of the corpus, read once, in sorted order; tests skip when the corpus is absent. */
final class IntelCorpus {
    private static List<Path> files;

    private IntelCorpus() {
    }

    /** The files of {@code intel-ucode}, sorted by name. */
    static synchronized List<Path> files() {
        if (files == null) {
            try (Stream<Path> listing = Files.list(Corpus.intelFirmware())) {
                files = listing.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file parsed strictly, its source named by its file name, as iucode_tool is given it. */
    static List<Bundle> bundles() throws MicrocodeFormatException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files()) {
            bundles.add(new IntelMicrocodeOps().parse(ByteBuffer.wrap(read(file)), file.getFileName().toString()));
        }
        return bundles;
    }
}
