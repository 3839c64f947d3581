package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a physical CPU sits, from one {@code struct xen_sysctl_cputopo} entry: {@code u32 core} at 0,
 * {@code u32 socket} at 4, {@code u32 node} at 8.
 *
 * @param socket the physical package
 * @param core the core, unique within its package
 */
record PhysicalCore(int socket, int core) {
    /** The size of one entry. */
    static final int SIZE = 12;

    /**
     * The first {@code count} entries of {@code entries}, by physical CPU number; empty where Xen marks the CPU
     * absent, or gives an id too large for ucode4j's topology.
     */
    static List<Optional<PhysicalCore>> decode(ByteBuffer entries, int count) {
        ByteBuffer le = entries.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<Optional<PhysicalCore>> cores = new ArrayList<>(count);
        for (int cpu = 0; cpu < count; cpu++) {
            int core = le.getInt(cpu * SIZE);
            int socket = le.getInt(cpu * SIZE + 4);
            // XEN_INVALID_CORE_ID and XEN_INVALID_SOCKET_ID (~0, an absent CPU) read negative, as any id past 2^31 would.
            boolean known = core >= 0 && socket >= 0;
            cores.add(known ? Optional.of(new PhysicalCore(socket, core)) : Optional.empty());
        }
        return cores;
    }
}
