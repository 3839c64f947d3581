package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.host.CpuDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CPU device files when an access never returns: later accesses to that CPU give up at their deadline. */
class CpuDevicesTest {
    private static final long PATCH_LOADER = 0xC0010020L;
    private static final long REVISION = 0x8B;

    @TempDir
    Path root;

    /** Ordinary files standing for CPU 0's and CPU 1's msr devices and CPU 0's cpuid device. */
    private FixtureMachine devices() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        for (int cpu = 0; cpu < 2; cpu++) {
            Files.createDirectories(machine.roots.msr(cpu).getParent());
            Files.createFile(machine.roots.msr(cpu));
        }
        Files.write(machine.roots.cpuid(0), new byte[32]);
        return machine;
    }

    // The timeout is only a safety net: without a deadline on the wait, the second access would wait for ever.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anAccessToACpuWhoseEarlierAccessNeverReturnedFailsAtItsDeadlineNamingTheCpu() throws Exception {
        FixtureMachine machine = devices();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InterposedLibc libc = new InterposedLibc().holdWrites(machine.roots.msr(0).toString(), entered, release);
        AtomicReference<Exception> hungFailure = new AtomicReference<>();
        try (CpuDevices devices = new CpuDevices(libc, machine.roots, Duration.ofMillis(200))) {
            devices.write(1, REVISION, 0x0a0011d5L);
            Thread hung = new Thread(() -> {
                try {
                    devices.write(0, PATCH_LOADER, 0x1000);
                } catch (ApplyException e) {
                    hungFailure.set(e);
                }
            }, "held in pwrite");
            hung.setDaemon(true);
            hung.start();
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("the write reached pwrite").isTrue();

            assertThatThrownBy(() -> devices.read(0, REVISION)).isInstanceOfSatisfying(ApplyException.class,
                    e -> assertThat(e.cpu()).isEqualTo(OptionalInt.of(0)))
                    .hasMessageContaining("reading MSR 0x8b on CPU 0 was not attempted")
                    .hasMessageContaining("still busy with an earlier access that has not returned")
                    .hasMessageContaining("CPU 0 is presumed hung");
            assertThatThrownBy(() -> devices.cpuid(0, 1, 0)).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("CPUID leaf 0x1 on CPU 0 was not attempted")
                    .hasMessageContaining("CPU 0 is presumed hung");
            assertThat(devices.read(1, REVISION)).as("another CPU is not held up").isEqualTo(0x0a0011d5L);

            release.countDown();
            hung.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(hungFailure.get()).isNull();
            assertThat(devices.read(0, PATCH_LOADER)).as("once the access returns, the CPU can be used again").isEqualTo(0x1000);
        }
    }
}
