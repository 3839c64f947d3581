package io.github.ucode4j.api.host;

import io.github.ucode4j.api.ApplyException;
import java.nio.file.Path;

/**
 * A second JVM for {@link HostLockTest}: {@code hold DIR} takes the host lock in {@code DIR}, prints
 * {@code held PID} and keeps it until its standard input ends; {@code try DIR} tries to take it and prints
 * {@code acquired}, or {@code refused: } and why.
 */
final class HostLockHolder {
    private HostLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path runDirectory = Path.of(args[1]);
        if (args[0].equals("hold")) {
            try (HostLock lock = HostLock.acquire(runDirectory.resolve(HostLockTest.FILE_NAME), HostLockTest.ACTIVITY)) {
                System.out.println("held " + ProcessHandle.current().pid());
                System.out.flush();
                // Held until the parent closes our standard input, or dies (which closes it too).
                while (System.in.read() >= 0) {
                    // nothing to read but the end
                }
            }
            return;
        }
        try (HostLock lock = HostLock.acquire(runDirectory.resolve(HostLockTest.FILE_NAME), HostLockTest.ACTIVITY)) {
            System.out.println("acquired");
        } catch (ApplyException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
