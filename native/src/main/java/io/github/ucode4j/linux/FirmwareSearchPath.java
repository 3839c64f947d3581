package io.github.ucode4j.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The kernel firmware loader's own search path, {@code /sys/module/firmware_class/parameters/path} (the boot option
 * {@code firmware_class.path}): one directory the loader tries before {@code /lib/firmware/updates} and
 * {@code /lib/firmware} whenever a driver asks for a firmware file.
 *
 * <p>What this relies on, from Linux's {@code drivers/base/firmware_loader/main.c}, {@code kernel/params.c} and
 * {@code fs/sysfs/file.c}:
 * <ul>
 *   <li>the value is a C string in a 256-byte buffer: at most {@value #MAX_LENGTH} characters, a longer write is
 *       refused (ENOSPC);
 *   <li>a write stores the bytes as written, up to the first NUL, so a trailing newline would become part of the
 *       directory's name on kernels that do not strip it: values are written without one;
 *   <li>reading shows the value followed by a newline;
 *   <li>sysfs ignores a write of no bytes, so the empty value (the default: no extra directory) is written as one
 *       NUL byte, which the kernel stores as the empty string;
 *   <li>the loader skips an empty value, and otherwise reads {@code <value>/<name>} first.
 * </ul>
 * Values are handled as bytes (each byte one ISO-8859-1 character), so whatever was there is put back exactly.
 */
final class FirmwareSearchPath {
    /** The longest value the kernel holds: its buffer is 256 bytes, the last for the terminating NUL. */
    static final int MAX_LENGTH = 255;

    private final Path parameter;

    FirmwareSearchPath(Path parameter) {
        this.parameter = parameter;
    }

    /** The parameter's file, {@code /sys/module/firmware_class/parameters/path}. */
    Path parameter() {
        return parameter;
    }

    /**
     * Why the search path cannot be set here, in words a person can act on, or empty when it can.
     */
    Optional<String> unusable() {
        if (!Files.isRegularFile(parameter, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(parameter + " is missing: the kernel backend points the kernel's firmware loader at a private "
                    + "folder through it, and never writes /lib/firmware; load the loader (modprobe firmware_class) if it is a "
                    + "module, or load microcode at boot through the early initramfs, or use the msr backend");
        }
        if (!Files.isWritable(parameter)) {
            return Optional.of(parameter + " cannot be written (is sysfs mounted read-only, as in a container?): the kernel "
                    + "backend needs it to point the kernel's firmware loader at a private folder, and never writes "
                    + "/lib/firmware instead; run it on the host, load microcode at boot through the early initramfs, or use "
                    + "the msr backend");
        }
        return Optional.empty();
    }

    /**
     * The value, without the newline the kernel shows after it.
     *
     * @throws IOException when the parameter cannot be read
     */
    String read() throws IOException {
        byte[] shown;
        try (InputStream in = Files.newInputStream(parameter, LinkOption.NOFOLLOW_LINKS)) {
            shown = in.readNBytes(MAX_LENGTH + 2);
        }
        int end = 0;
        while (end < shown.length && shown[end] != 0) {
            end++;
        }
        if (end > 0 && shown[end - 1] == '\n') {
            end--;
        }
        return new String(shown, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * Sets the value: its bytes without a newline, or a single NUL for the empty value.
     *
     * @throws IOException when {@code value} does not fit the kernel's parameter or the write fails (the kernel keeps
     *     the value it had then)
     */
    void write(String value) throws IOException {
        if (value.length() > MAX_LENGTH || value.indexOf('\0') >= 0) {
            throw new IOException("cannot set " + parameter + " to '" + value + "': the kernel holds at most " + MAX_LENGTH
                    + " characters, without NUL");
        }
        byte[] bytes = value.isEmpty() ? new byte[] {0} : value.getBytes(StandardCharsets.ISO_8859_1);
        try (SeekableByteChannel out = Files.newByteChannel(parameter, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer data = ByteBuffer.wrap(bytes);
            while (data.hasRemaining()) {
                out.write(data);
            }
        } catch (IOException e) {
            throw new IOException("setting " + parameter + " to '" + value + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Why {@code directory} cannot be the search path's value, or empty when it can: the value must fit the kernel's
     * {@value #MAX_LENGTH} characters and, to be written and shown back unchanged, be printable ASCII.
     */
    static Optional<String> cannotName(Path directory) {
        String value = directory.toString();
        if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Optional.of("the folder " + value + " has characters other than printable ASCII: the firmware loader's search "
                    + "path cannot name it exactly; choose another run directory");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("the folder " + value + " is " + value.length() + " characters long: the firmware loader's search "
                    + "path holds at most " + MAX_LENGTH + "; choose a shorter run directory");
        }
        return Optional.empty();
    }
}
