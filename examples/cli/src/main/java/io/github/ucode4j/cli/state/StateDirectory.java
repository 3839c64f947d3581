package io.github.ucode4j.cli.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ucode4j.cache.IoMessages;
import io.github.ucode4j.cache.OutputFiles;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Set;

/**
 * The folder where {@code ucode} keeps what it remembers between runs ({@value #DEFAULT} unless the option
 * {@code --state-dir} or the environment variable {@value #ENVIRONMENT} names another): today the record of the last
 * load, {@value #LAST_APPLY}.
 */
public final class StateDirectory {
    /** The state folder when nothing names another. */
    public static final String DEFAULT = "/var/lib/ucode4j";
    /** The environment variable that names the state folder when the option does not. */
    public static final String ENVIRONMENT = "UCODE4J_STATE_DIR";
    /** The name of the record of the last load in the state folder. */
    public static final String LAST_APPLY = "last-apply.json";

    // A record is a few hundred bytes a CPU; anything this large is not one, and is not read into memory.
    private static final long MAX_RECORD_SIZE = 4L << 20;

    private final Path directory;

    /**
     * The state folder {@code directory}, which need not exist yet.
     *
     * @param directory the folder; it need not exist yet
     */
    public StateDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * The file that holds the record of the last load.
     *
     * @return {@code last-apply.json} in the folder
     */
    public Path lastApplyFile() {
        return directory.resolve(LAST_APPLY);
    }

    /**
     * Replaces the record of the last load with {@code record}, atomically: a temporary file beside it, renamed over
     * it, never written through a symbolic link. The folder is created, mode 0755, when it is missing.
     *
     * @param record the record of the load just made
     * @throws IOException naming the path and the reason, when the folder cannot be created or the file written;
     *     the previous record is then unchanged
     */
    public void recordLastApply(LastApply record) throws IOException {
        createIfMissing();
        byte[] text = (Json.text(JsonSchema.LAST_APPLY, record) + "\n").getBytes(StandardCharsets.UTF_8);
        OutputFiles.write(lastApplyFile(), ByteBuffer.wrap(text), true);
    }

    /**
     * The record of the last load: none when the file does not exist, else the record or why it cannot be used (not
     * a regular file, unreadable, too large, not JSON, of another schema, a field missing or wrong), naming the file.
     * Never throws for what is in the folder: a broken record must not hide the rest of what a command shows.
     *
     * @return the record, or why there is none: {@link LastApplyState#NOT_RECORDED} when the file does not exist
     */
    public LastApplyState readLastApply() {
        Path file = lastApplyFile();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return LastApplyState.corrupt(file + ": not a regular file");
            }
            if (attributes.size() > MAX_RECORD_SIZE) {
                return LastApplyState.corrupt(file + ": " + attributes.size() + " bytes, larger than a record can be ("
                        + MAX_RECORD_SIZE + ")");
            }
            return parse(file, read(file));
        } catch (NoSuchFileException e) {
            return LastApplyState.NOT_RECORDED;
        } catch (IOException e) {
            return LastApplyState.corrupt(IoMessages.describe(e));
        }
    }

    private void createIfMissing() throws IOException {
        if (Files.notExists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory);
            // createDirectories applies the umask; the folder is meant to be readable by the metrics' readers.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // O_NOFOLLOW: a link put in the file's place since it was checked is refused, not read.
    private static byte[] read(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            return Channels.newInputStream(channel).readNBytes((int) MAX_RECORD_SIZE);
        }
    }

    private static LastApplyState parse(Path file, byte[] bytes) {
        try {
            JsonNode document = Json.mapper().readTree(bytes);
            if (document == null || !document.isObject()) {
                return LastApplyState.corrupt(file + ": not a JSON object");
            }
            String schema = document.path("schema").asText("");
            if (!schema.equals(JsonSchema.LAST_APPLY.id())) {
                return LastApplyState.corrupt(file + ": its \"schema\" is \"" + schema + "\", not \"" + JsonSchema.LAST_APPLY.id() + "\"");
            }
            ((ObjectNode) document).remove("schema");
            LastApply record = Json.mapper().readerFor(LastApply.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(document);
            return validated(file, record);
        } catch (JsonProcessingException e) {
            return LastApplyState.corrupt(file + ": " + located(e));
        } catch (IOException e) {
            return LastApplyState.corrupt(IoMessages.describe(e));
        }
    }

    // What the metrics read must be there; the rest is for people and other programs.
    private static LastApplyState validated(Path file, LastApply record) {
        if (record.result() == null || record.time() == null || record.counts() == null) {
            return LastApplyState.corrupt(file + ": \"result\", \"time\" and \"counts\" are required");
        }
        try {
            Instant.parse(record.time());
        } catch (DateTimeException e) {
            return LastApplyState.corrupt(file + ": \"time\" is not an ISO-8601 instant: \"" + record.time() + "\"");
        }
        return LastApplyState.of(record);
    }

    private static String located(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return "not a valid record" + at + ": " + e.getOriginalMessage();
    }
}
