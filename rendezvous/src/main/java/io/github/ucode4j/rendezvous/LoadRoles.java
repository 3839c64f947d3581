package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.LoadProtocol.LoadUnit;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who does what in one rendezvous, by slot (the position of a CPU in the sorted request): which CPU loads first
 * and alone, which load in parallel, and which only hold still and read their revision after EXIT.
 */
final class LoadRoles {
    /** No slot: a follower with no loader, or no control CPU. */
    static final int NONE = -1;

    /** What one CPU does inside the stopped window. */
    enum Role {
        /** Loads first and alone; the others wait for its outcome. */
        CONTROL,
        /** Loads in parallel with the other loaders. */
        LOADER,
        /** Loads nothing: an SMT sibling of a loader, or a CPU with nothing to load. */
        FOLLOWER
    }

    private final Role[] roles;
    private final MicrocodePatch[] targets;
    private final int[] loaders;
    private final int controlSlot;

    private LoadRoles(Role[] roles, MicrocodePatch[] targets, int[] loaders, int controlSlot) {
        this.roles = roles;
        this.targets = targets;
        this.loaders = loaders;
        this.controlSlot = controlSlot;
    }

    /**
     * Assigns the roles: per core, the lowest-numbered participating thread (the primary, {@link
     * LogicalCpu#isPrimaryThread()}) loads the core's patch and its siblings follow; per thread, every CPU with a
     * patch loads. With {@code controlFirst}, the lowest-numbered loader becomes the control CPU.
     *
     * @throws IllegalArgumentException when threads of one core name different patches under a per-core protocol
     */
    static LoadRoles assign(RendezvousRequest request, boolean controlFirst) {
        int size = request.size();
        Role[] roles = new Role[size];
        MicrocodePatch[] targets = new MicrocodePatch[size];
        int[] loaders = new int[size];
        for (List<Integer> group : loadGroups(request)) {
            Optional<MicrocodePatch> patch = groupPatch(request, group);
            int loader = patch.isPresent() ? group.get(0) : NONE;
            for (int slot : group) {
                roles[slot] = slot == loader ? Role.LOADER : Role.FOLLOWER;
                targets[slot] = patch.orElse(null);
                loaders[slot] = loader;
            }
        }
        int control = NONE;
        for (int slot = 0; slot < size && controlFirst && control == NONE; slot++) {
            if (roles[slot] == Role.LOADER) {
                control = slot;
                roles[slot] = Role.CONTROL;
            }
        }
        return new LoadRoles(roles, targets, loaders, control);
    }

    // Slots that share one microcode engine, lowest CPU number first: a core's threads, or each thread alone.
    private static List<List<Integer>> loadGroups(RendezvousRequest request) {
        boolean perCore = request.protocol().unit() == LoadUnit.PER_CORE;
        Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
        for (int slot = 0; slot < request.size(); slot++) {
            LogicalCpu cpu = request.assignments().get(slot).cpu();
            List<Integer> key = perCore ? cpu.smtSiblings() : List.of(cpu.index());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(slot);
        }
        return List.copyOf(groups.values());
    }

    private static Optional<MicrocodePatch> groupPatch(RendezvousRequest request, List<Integer> group) {
        List<MicrocodePatch> patches = group.stream()
                .flatMap(slot -> request.assignments().get(slot).patch().stream())
                .distinct()
                .toList();
        if (patches.size() > 1) {
            int first = request.assignments().get(group.get(0)).cpu().index();
            throw new IllegalArgumentException("the threads of the core of CPU " + first
                    + " share one microcode engine but are given different patches: " + patches);
        }
        return patches.stream().findFirst();
    }

    /** The number of slots. */
    int size() {
        return roles.length;
    }

    /** What slot {@code slot} does. */
    Role role(int slot) {
        return roles[slot];
    }

    /** Whether slot {@code slot} loads (as control or in parallel). */
    boolean loads(int slot) {
        return roles[slot] != Role.FOLLOWER;
    }

    /** The patch slot {@code slot} loads, or its core's patch for a sibling; empty when it has none. */
    Optional<MicrocodePatch> target(int slot) {
        return Optional.ofNullable(targets[slot]);
    }

    /** The slot that loads for slot {@code slot}'s engine (itself when it loads), or {@link #NONE}. */
    int loaderOf(int slot) {
        return loaders[slot];
    }

    /** The control slot, or {@link #NONE}. */
    int controlSlot() {
        return controlSlot;
    }

    /** How many slots load. */
    int loaderCount() {
        int count = 0;
        for (Role role : roles) {
            count += role == Role.FOLLOWER ? 0 : 1;
        }
        return count;
    }
}
