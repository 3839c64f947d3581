package io.github.ucode4j.bench;

import io.github.ucode4j.api.LoadProtocol.LoadUnit;
import io.github.ucode4j.bench.RendezvousModel.Machine;
import io.github.ucode4j.bench.RendezvousModel.Order;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints {@link RendezvousModel}'s stopped windows for 1 to 512 logical CPUs (two threads per core), serial,
 * control-first and all-parallel, each against serial; per-core loads (Intel) and per-thread loads (AMD); then
 * checks the goals for 128 cores x SMT2: control-first within 2.1 and all-parallel within 1.1 apply latencies.
 *
 * <p>Usage: {@code RendezvousModelTable [latency-us=1000] [jitter-us=20] [sync-us=25] [seed=1]}. The default
 * sync cost is the overhead goal (a 50 µs window of two steps); {@code bench/rendezvous.sh} passes the one
 * {@link RendezvousOverhead} measured.
 */
public final class RendezvousModelTable {
    private static final int LARGEST = 512;
    private static final Machine GOAL_MACHINE = new Machine(128, 2, LoadUnit.PER_CORE);
    private static final double CONTROL_FIRST_GOAL = 2.1;
    private static final double ALL_PARALLEL_GOAL = 1.1;

    private RendezvousModelTable() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        Duration latency = micros(options.getOrDefault("latency-us", "1000"));
        Duration jitter = micros(options.getOrDefault("jitter-us", "20"));
        Duration sync = micros(options.getOrDefault("sync-us", "25"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        RendezvousModel model = new RendezvousModel(latency, jitter, sync, seed);

        System.out.printf("rendezvous model: apply %.0f µs ± %.0f µs (uniform, seed %d), sync %.1f µs per step, SMT2%n",
                us(latency), us(jitter), seed, us(sync));
        printTable(model, LoadUnit.PER_CORE, "Intel, one load per core");
        printTable(model, LoadUnit.PER_THREAD, "AMD, one load per thread");
        printGoal(model, Order.CONTROL_FIRST, scaled(latency, CONTROL_FIRST_GOAL));
        printGoal(model, Order.ALL_PARALLEL, scaled(latency, ALL_PARALLEL_GOAL));
    }

    private static void printTable(RendezvousModel model, LoadUnit unit, String title) {
        System.out.printf("%n%s%n%6s %6s %6s %12s %26s %26s%n", title, "CPUs", "cores", "loads", "serial ms",
                "control-first ms (/serial)", "all-parallel ms (/serial)");
        for (int cpus = 1; cpus <= LARGEST; cpus *= 2) {
            // One CPU is one single-threaded core; from two on, every core has two threads.
            Machine machine = cpus == 1 ? new Machine(1, 1, unit) : new Machine(cpus / 2, 2, unit);
            double serial = ms(model.window(machine, Order.SERIAL));
            double controlFirst = ms(model.window(machine, Order.CONTROL_FIRST));
            double allParallel = ms(model.window(machine, Order.ALL_PARALLEL));
            System.out.printf("%6d %6d %6d %12.3f %17.3f (%6.4f) %17.3f (%6.4f)%n", cpus, machine.cores(),
                    machine.loads(), serial, controlFirst, controlFirst / serial, allParallel, allParallel / serial);
        }
    }

    private static void printGoal(RendezvousModel model, Order order, Duration goal) {
        Duration window = model.window(GOAL_MACHINE, order);
        Duration budget = model.syncBudget(GOAL_MACHINE, order, goal);
        System.out.printf("goal %d cores x SMT2, %s: %.3f ms <= %.3f ms (serial %.3f ms): %s; holds while sync per step"
                        + " <= %.1f µs%n", GOAL_MACHINE.cores(), order, ms(window), ms(goal),
                ms(model.window(GOAL_MACHINE, Order.SERIAL)), window.compareTo(goal) <= 0 ? "met" : "NOT met", us(budget));
    }

    // key=value arguments; an unknown key is an error rather than a silently ignored typo.
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !pair[0].matches("latency-us|jitter-us|sync-us|seed")) {
                throw new IllegalArgumentException("expected latency-us=, jitter-us=, sync-us= or seed=, not " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    private static Duration micros(String value) {
        return Duration.ofNanos(Math.round(Double.parseDouble(value) * 1000));
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    private static double ms(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    private static double us(Duration duration) {
        return duration.toNanos() / 1e3;
    }
}
