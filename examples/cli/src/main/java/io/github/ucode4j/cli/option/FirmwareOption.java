package io.github.ucode4j.cli.option;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The {@code --firmware} option: where the patches to plan from are. */
public final class FirmwareOption {
    @Option(names = "--firmware", paramLabel = "PATH", defaultValue = "/lib/firmware",
            description = "A firmware directory (its intel-ucode/ and amd-ucode/ folders are read), or a microcode file "
                + "or directory. Repeatable. Default: ${DEFAULT-VALUE}.")
    List<Path> roots;

    /**
     * A cache of every patch found.
     *
     * @param inputs how files and folders are read (drivers, folder order)
     * @param warnings receives one line per input problem that does not stop the read
     * @return a cache of every patch under the roots given, {@code /lib/firmware} by default
     * @throws MicrocodeFormatException when a root is missing, a microcode file is broken, or two files conflict
     */
    public MicrocodeCache cache(MicrocodeInputs inputs, Consumer<String> warnings) throws MicrocodeFormatException {
        return MicrocodeCache.builder().addAll(inputs.readFirmware(roots, warnings)).build();
    }
}
