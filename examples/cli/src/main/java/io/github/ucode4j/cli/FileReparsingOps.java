package io.github.ucode4j.cli;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A vendor driver that, asked to parse the bytes of one known patch, parses the whole file that patch came from.
 *
 * <p>Why: the simulated CPU checks a patch by parsing the bytes a loader receives as if they were a file. That holds
 * for Intel, whose patch is a file, but an AMD patch is a section of a container, and the AMD parser rejects it
 * without the container around it. Until the simulated machine wraps AMD patches itself, the demo gives it this
 * driver. Everything else is the vendor's driver unchanged.
 */
public final class FileReparsingOps implements MicrocodeOps {
    private final MicrocodeOps driver;
    private final ByteBuffer patch;
    private final ByteBuffer file;

    /** {@code driver}, parsing {@code file} whenever it is asked to parse exactly {@code patch}. */
    public FileReparsingOps(MicrocodeOps driver, ByteBuffer patch, ByteBuffer file) {
        this.driver = driver;
        this.patch = patch.duplicate();
        this.file = file.duplicate();
    }

    @Override
    public Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException {
        return driver.parse(data.equals(patch) ? file.duplicate() : data, source, mode);
    }

    @Override
    public Vendor vendor() {
        return driver.vendor();
    }

    @Override
    public boolean recognizes(ByteBuffer head) {
        return driver.recognizes(head);
    }

    @Override
    public Match match(MicrocodePatch candidate, CpuState cpu) {
        return driver.match(candidate, cpu);
    }

    @Override
    public Optional<LoadObjection> lateLoadObjection(MicrocodePatch candidate, CpuState cpu) {
        return driver.lateLoadObjection(candidate, cpu);
    }

    @Override
    public int compare(MicrocodePatch a, MicrocodePatch b) {
        return driver.compare(a, b);
    }

    @Override
    public String firmwareName(CpuSignature signature) {
        return driver.firmwareName(signature);
    }

    @Override
    public ByteBuffer firmwareFile(List<MicrocodePatch> patches) {
        return driver.firmwareFile(patches);
    }

    @Override
    public String earlyCpioPath() {
        return driver.earlyCpioPath();
    }

    @Override
    public LoadProtocol loadProtocol() {
        return driver.loadProtocol();
    }
}
