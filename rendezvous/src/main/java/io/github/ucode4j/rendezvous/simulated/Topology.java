package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.LogicalCpu;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a simulated machine: sockets x cores per socket x threads per core.
 *
 * <p>CPUs are numbered as Linux usually numbers them: first thread of every core (socket by socket), then the
 * second thread of every core, and so on; on a 1x4x2 machine CPU 0 and CPU 4 are the two threads of core 0. Core
 * ids restart in each socket.
 *
 * @param sockets the number of packages, at least 1
 * @param coresPerSocket the number of cores in each package, at least 1
 * @param threadsPerCore the number of SMT threads in each core, at least 1
 */
public record Topology(int sockets, int coresPerSocket, int threadsPerCore) {

    /**
     * @param sockets the number of packages, 1 or more
     * @param coresPerSocket the number of cores in each package, 1 or more
     * @param threadsPerCore the number of SMT threads in each core, 1 or more
     * @throws IllegalArgumentException when a count is below 1, or the machine would have more than 4096 CPUs
     */
    public Topology {
        if (sockets < 1 || coresPerSocket < 1 || threadsPerCore < 1) {
            throw new IllegalArgumentException("every count must be at least 1: " + sockets + "x" + coresPerSocket + "x" + threadsPerCore);
        }
        if ((long) sockets * coresPerSocket * threadsPerCore > 4096) {
            throw new IllegalArgumentException("a simulated machine has at most 4096 CPUs");
        }
    }

    /**
     * Reads {@code SxCxT}, as in {@code 1x2x2}.
     *
     * @param text {@code SxCxT} with decimal counts; surrounding white space is ignored
     * @return the topology
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Topology parse(String text) {
        String[] parts = text.trim().split("x");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a topology reads sockets x cores x threads, as in 1x2x2: " + text);
        }
        try {
            return new Topology(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a topology reads sockets x cores x threads, as in 1x2x2: " + text, e);
        }
    }

    /**
     * The number of logical CPUs.
     *
     * @return sockets times cores per socket times threads per core, 1 to 4096
     */
    public int cpuCount() {
        return sockets * coresPerSocket * threadsPerCore;
    }

    /**
     * Every logical CPU, by index.
     *
     * @return one CPU per index from 0, in index order, with its core, package and SMT siblings; unmodifiable
     */
    public List<LogicalCpu> cpus() {
        int cores = sockets * coresPerSocket;
        List<LogicalCpu> cpus = new ArrayList<>(cpuCount());
        for (int thread = 0; thread < threadsPerCore; thread++) {
            for (int globalCore = 0; globalCore < cores; globalCore++) {
                List<Integer> siblings = new ArrayList<>(threadsPerCore);
                for (int sibling = 0; sibling < threadsPerCore; sibling++) {
                    siblings.add(sibling * cores + globalCore);
                }
                cpus.add(new LogicalCpu(thread * cores + globalCore, globalCore % coresPerSocket,
                        globalCore / coresPerSocket, siblings));
            }
        }
        return List.copyOf(cpus);
    }

    /** {@code 1x2x2}. */
    @Override
    public String toString() {
        return sockets + "x" + coresPerSocket + "x" + threadsPerCore;
    }
}
