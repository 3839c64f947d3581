package io.github.ucode4j.testing;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.opentest4j.TestAbortedException;

/**
 * The project's property-test harness: runs a {@link Property} over values from a seeded {@link Generator}.
 *
 * <ul>
 *   <li>{@code -Dproperty.tries=N} sets how many values each property tries (default 1000).
 *   <li>Each try has its own seed; a failure prints it, and {@code -Dproperty.seed=SEED} replays exactly that try.
 *   <li>A failing value is shrunk with the given {@link Shrinker} (byte arrays: by halving) before it is reported.
 * </ul>
 */
public final class Properties {
    /** How many tries when {@code property.tries} is not set. */
    public static final int DEFAULT_TRIES = 1000;

    // Bounds the shrinking of one failure, so a slow property cannot make a failing run take for ever.
    private static final int MAX_SHRINK_STEPS = 2000;
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private Properties() {
    }

    /** The number of tries per property, from {@code property.tries}. */
    public static int tries() {
        return Integer.getInteger("property.tries", DEFAULT_TRIES);
    }

    /** Checks {@code property} for {@link #tries()} values of {@code generator}, without shrinking. */
    public static <T> void forAll(String name, Generator<T> generator, Property<T> property) {
        forAll(name, generator, Shrinker.none(), property);
    }

    /** Checks {@code property} for {@link #tries()} byte arrays, shrinking a failing one by halving. */
    public static void forAllBytes(String name, Generator<byte[]> generator, Property<byte[]> property) {
        forAll(name, generator, Shrinker.bytesByHalving(), property);
    }

    /**
     * Checks {@code property} for {@link #tries()} values of {@code generator} (one, the replayed one, when
     * {@code property.seed} is set).
     *
     * @throws AssertionError naming the property, the try, the seed to replay, and the shrunk value, with the
     *     property's own failure as the cause
     */
    public static <T> void forAll(String name, Generator<T> generator, Shrinker<T> shrinker, Property<T> property) {
        Optional<Long> replay = Optional.ofNullable(System.getProperty("property.seed")).map(Properties::parseSeed);
        int tries = replay.isPresent() ? 1 : tries();
        long seed = replay.orElseGet(() -> new SplittableRandom().nextLong());
        for (int attempt = 1; attempt <= tries; attempt++, seed += SEED_STEP) {
            T value = generator.next(new SplittableRandom(seed));
            Throwable failure = failureOf(property, value);
            if (failure != null) {
                throw report(name, attempt, tries, seed, value, failure, shrinker, property);
            }
        }
    }

    // Seeds are printed as unsigned hex, so half of them do not fit Long.decode.
    private static long parseSeed(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        return trimmed.startsWith("0x") ? Long.parseUnsignedLong(trimmed.substring(2), 16) : Long.parseLong(trimmed);
    }

    // An assumption that aborts inside a property (a missing corpus, say) skips the whole test: it is no failure.
    private static <T> Throwable failureOf(Property<T> property, T value) {
        try {
            property.check(value);
            return null;
        } catch (TestAbortedException e) {
            throw e;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private static <T> AssertionError report(String name, int attempt, int tries, long seed, T value, Throwable failure,
                                             Shrinker<T> shrinker, Property<T> property) {
        T smallest = value;
        Throwable smallestFailure = failure;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk && steps < MAX_SHRINK_STEPS) {
            shrunk = false;
            for (T candidate : (Iterable<T>) shrinker.candidates(smallest)::iterator) {
                if (++steps > MAX_SHRINK_STEPS) {
                    break;
                }
                Throwable candidateFailure = failureOf(property, candidate);
                if (candidateFailure != null) {
                    smallest = candidate;
                    smallestFailure = candidateFailure;
                    shrunk = true;
                    break;
                }
            }
        }
        String seedText = "0x" + Long.toHexString(seed);
        String message = "property '" + name + "' failed on try " + attempt + " of " + tries + " (seed " + seedText
                + "); replay with -Dproperty.seed=" + seedText + System.lineSeparator()
                + "  value: " + describe(value) + System.lineSeparator()
                + (smallest == value ? "" : "  shrunk: " + describe(smallest) + System.lineSeparator())
                + "  failure: " + smallestFailure;
        return new AssertionError(message, smallestFailure);
    }

    private static String describe(Object value) {
        if (value instanceof byte[] bytes) {
            String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
            return bytes.length + " bytes: " + hex + (bytes.length > 64 ? "..." : "");
        }
        String text = String.valueOf(value);
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
