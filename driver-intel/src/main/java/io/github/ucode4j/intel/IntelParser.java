package io.github.ucode4j.intel;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.ParseMode;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Picks binary or {@code .dat} text by content, then reads the patch stream in the requested mode. The format found
 * is logged at {@code DEBUG}, each patch at {@code TRACE}.
 */
final class IntelParser {
    private static final System.Logger LOG = System.getLogger(IntelParser.class.getName());

    private IntelParser() {
    }

    static Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException {
        ByteBuffer input = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (!input.hasRemaining()) {
            throw new MicrocodeFormatException(InputRule.EMPTY, source, 0, "");
        }
        Optional<DatText> text = Optional.empty();
        Optional<MicrocodeFormatException> notText = Optional.empty();
        if (DatText.isText(head(input))) {
            try {
                text = Optional.of(DatText.decode(input, source));
            } catch (MicrocodeFormatException e) {
                if (mode != ParseMode.RECOVER) {
                    throw e;
                }
                notText = Optional.of(e); // recover mode scans text that does not decode as bytes, saying why
            }
        }
        ByteBuffer stream = text.map(DatText::stream).orElse(input);
        InputPositions positions = text.isPresent() ? text.get() : InputPositions.IDENTITY;
        Diagnostics diagnostics = new Diagnostics(source, mode, positions);
        notText.ifPresent(diagnostics::rejected);
        List<MicrocodePatch> patches = mode == ParseMode.RECOVER
                ? RecoveryScanner.scan(stream, diagnostics)
                : PatchStream.readAll(stream, diagnostics);
        boolean dat = text.isPresent();
        LOG.log(Level.DEBUG, () -> source + ": Intel " + (dat ? ".dat text" : "binary") + ", read " + mode + ", "
                + patches.size() + " patches");
        if (LOG.isLoggable(Level.TRACE)) {
            patches.forEach(patch -> LOG.log(Level.TRACE, source + ": " + patch));
        }
        return new Bundle(source, Vendor.INTEL, patches, diagnostics.findings());
    }

    /**
     * Whether {@code head} starts with a microcode header (loader version 1; header version 1, or 2 for an
     * in-field scan image, which the parser then rejects by name rather than as unrecognised) or {@code .dat} text.
     */
    static boolean recognizes(ByteBuffer head) {
        ByteBuffer view = head.slice().order(ByteOrder.LITTLE_ENDIAN);
        boolean header = view.limit() >= IntelLayout.LOADER_VERSION + 4
                && isKnownHeaderVersion(view.getInt(IntelLayout.HEADER_VERSION))
                && view.getInt(IntelLayout.LOADER_VERSION) == 1;
        return header || (view.hasRemaining() && DatText.looksLikeText(head(view)));
    }

    private static boolean isKnownHeaderVersion(int version) {
        return version == 1 || version == IntelLayout.IN_FIELD_SCAN_HEADER_VERSION;
    }

    /** The first bytes a driver is shown to recognise an input, as {@link MicrocodeDrivers} shows them. */
    private static ByteBuffer head(ByteBuffer input) {
        return input.slice(0, Math.min(input.limit(), MicrocodeDrivers.SNIFF_BYTES));
    }
}
