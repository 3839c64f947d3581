import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes the documentation files the Debian package installs gzipped, as Debian wants them: best compression, and no
 * name or time in the gzip header, so that the same text always gives the same bytes. The build runs it as a source
 * file, once per job:
 * <pre>
 * java DebianDocs.java man FROM_FOLDER TO_FOLDER                   each FROM_FOLDER/NAME.1 as TO_FOLDER/NAME.1.gz
 * java DebianDocs.java changelog PACKAGE VERSION MAINTAINER TO_FILE  the package's changelog, one entry
 * </pre>
 */
public final class DebianDocs {
    private static final int GZIP_MAGIC = 0x8b1f;
    private static final byte DEFLATE = 8;
    /** The header's extra flags: 2 says the slowest, best compression was used (what Debian's checks look for). */
    private static final byte BEST_COMPRESSION_FLAG = 2;
    private static final byte UNIX = 3;
    private static final DateTimeFormatter CHANGELOG_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private DebianDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("man")) {
            gzipManPages(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length == 5 && args[0].equals("changelog")) {
            writeChangelog(args[1], args[2], args[3], Path.of(args[4]));
        } else {
            throw new IllegalArgumentException("usage: java DebianDocs.java man FROM_FOLDER TO_FOLDER"
                    + " | changelog PACKAGE MAVEN_VERSION MAINTAINER TO_FILE");
        }
    }

    private static void gzipManPages(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(from, "*.1")) {
            for (Path page : pages) {
                Files.write(to.resolve(page.getFileName() + ".gz"), gzip(Files.readAllBytes(page)));
            }
        }
    }

    /**
     * A native package's changelog (Debian asks every package for one): a single entry for this build, whose version
     * is the package's. The project's history is its version control's, not repeated here.
     */
    private static void writeChangelog(String name, String mavenVersion, String maintainer, Path to) throws IOException {
        String entry = String.format(Locale.ROOT, "%s (%s) unstable; urgency=medium%n%n"
                        + "  * Built from ucode4j %s.%n%n"
                        + " -- %s  %s%n",
                name, debianVersion(mavenVersion), mavenVersion, maintainer,
                CHANGELOG_DATE.format(ZonedDateTime.now()));
        Files.createDirectories(to.getParent());
        Files.write(to, gzip(entry.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The version the Debian package gets from Maven's (jdeb's rule): {@code 0.1.0-SNAPSHOT} is {@code 0.1.0~snapshot},
     * which sorts before {@code 0.1.0}, as a snapshot comes before its release.
     */
    private static String debianVersion(String mavenVersion) {
        return mavenVersion.replace('-', '~').toLowerCase(Locale.ROOT);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
        ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) GZIP_MAGIC).put(DEFLATE).put((byte) 0) // no name, comment or extra field
                .putInt(0)                                                 // no modification time
                .put(BEST_COMPRESSION_FLAG).put(UNIX);
        out.writeBytes(header.array());

        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();

        CRC32 crc = new CRC32();
        crc.update(content);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue()).putInt(content.length).array());
        return out.toByteArray();
    }
}
