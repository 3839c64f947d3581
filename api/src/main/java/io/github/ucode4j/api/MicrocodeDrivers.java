package io.github.ucode4j.api;

import io.github.ucode4j.api.spi.MicrocodeOps;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor drivers ({@link MicrocodeOps}) on the class or module path, by vendor and by content.
 *
 * <p>Immutable and thread-safe.
 */
public final class MicrocodeDrivers {
    /** How many leading bytes {@link #recognize} shows a driver. */
    public static final int SNIFF_BYTES = 64;

    private final Map<Vendor, MicrocodeOps> byVendor;
    private final List<ProviderProblem> problems;

    private MicrocodeDrivers(List<MicrocodeOps> drivers, List<ProviderProblem> problems) {
        Map<Vendor, MicrocodeOps> map = new EnumMap<>(Vendor.class);
        for (MicrocodeOps driver : drivers) {
            map.putIfAbsent(driver.vendor(), driver);
        }
        this.byVendor = map;
        this.problems = List.copyOf(problems);
    }

    /** The drivers ServiceLoader finds through this class's loader (and the module layer). */
    public static MicrocodeDrivers load() {
        ServiceProviders<MicrocodeOps> found = ServiceProviders.load(MicrocodeOps.class, MicrocodeDrivers.class.getClassLoader());
        return new MicrocodeDrivers(found.providers, found.problems);
    }

    /** These drivers, the first one per vendor winning; for tests and embedders that assemble their own. */
    public static MicrocodeDrivers of(List<MicrocodeOps> drivers) {
        return new MicrocodeDrivers(drivers, List.of());
    }

    /** The driver for {@code vendor}, if present. */
    public Optional<MicrocodeOps> forVendor(Vendor vendor) {
        return Optional.ofNullable(byVendor.get(vendor));
    }

    /**
     * The driver that recognises {@code data}'s first {@value #SNIFF_BYTES} bytes, if one does. The buffer's
     * position is not changed.
     */
    public Optional<MicrocodeOps> recognize(ByteBuffer data) {
        ByteBuffer head = data.slice();
        head.limit(Math.min(head.remaining(), SNIFF_BYTES));
        for (MicrocodeOps driver : byVendor.values()) {
            if (driver.recognizes(head.duplicate().order(ByteOrder.LITTLE_ENDIAN))) {
                return Optional.of(driver);
            }
        }
        return Optional.empty();
    }

    /** Every driver, in {@link Vendor} order. */
    public List<MicrocodeOps> all() {
        return List.copyOf(byVendor.values());
    }

    /** Providers that failed to load and were skipped. */
    public List<ProviderProblem> problems() {
        return problems;
    }
}
