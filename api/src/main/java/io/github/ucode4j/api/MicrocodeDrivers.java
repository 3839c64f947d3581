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

    /**
     * The drivers ServiceLoader finds through this class's loader (and the module layer).
     *
     * @return the drivers found, one per vendor, and the providers that could not be loaded; empty when none is
     *     installed
     */
    public static MicrocodeDrivers load() {
        ServiceProviders<MicrocodeOps> found = ServiceProviders.load(MicrocodeOps.class, MicrocodeDrivers.class.getClassLoader());
        return new MicrocodeDrivers(found.providers, found.problems);
    }

    /**
     * These drivers, the first one per vendor winning; for tests and embedders that assemble their own.
     *
     * @param drivers the drivers to use, in order of preference; not null, without null elements
     * @return the first driver of each vendor among {@code drivers}, with no provider problems
     */
    public static MicrocodeDrivers of(List<MicrocodeOps> drivers) {
        return new MicrocodeDrivers(drivers, List.of());
    }

    /**
     * The driver for {@code vendor}, if present.
     *
     * @param vendor the vendor whose driver is wanted; not null
     * @return that vendor's driver, or empty when none is installed
     */
    public Optional<MicrocodeOps> forVendor(Vendor vendor) {
        return Optional.ofNullable(byVendor.get(vendor));
    }

    /**
     * The driver that recognises {@code data}'s first {@value #SNIFF_BYTES} bytes, if one does. The buffer's
     * position is not changed.
     *
     * @param data the input, from its position; it may hold fewer than {@value #SNIFF_BYTES} bytes
     * @return the driver of the first vendor, in {@link Vendor} order, whose format the data starts with; empty when
     *     none recognises it (the data is not microcode a driver here reads)
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

    /**
     * Every driver, in {@link Vendor} order.
     *
     * @return every driver, one per vendor, in {@link Vendor} order; a copy
     */
    public List<MicrocodeOps> all() {
        return List.copyOf(byVendor.values());
    }

    /**
     * Providers that failed to load and were skipped.
     *
     * @return the providers that could not be instantiated, in the order ServiceLoader met them; empty when all loaded
     */
    public List<ProviderProblem> problems() {
        return problems;
    }
}
