package io.github.ucode4j.testing;

/** A statement about one value; it holds when {@link #check} returns, and fails when it throws. */
@FunctionalInterface
public interface Property<T> {

    /** Checks the statement for {@code value}, throwing (usually an assertion error) when it does not hold. */
    void check(T value) throws Exception;
}
