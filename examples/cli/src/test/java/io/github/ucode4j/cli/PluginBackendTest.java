package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ucode4j.plugin.ExamplePluginBackend;
import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.spi.ApplyBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third party's backend, in its own jar, is found by ServiceLoader and selected by name through the CLI. */
class PluginBackendTest {
    @TempDir
    Path directory;

    private final SystemProperties properties = new SystemProperties();

    @AfterEach
    void restoreProperties() {
        properties.restore();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        ExamplePluginBackend.forget();
    }

    @Test
    void serviceLoaderFindsThePluginButNeverPicksItByItself() {
        ApplyBackends backends = ApplyBackends.load();

        assertThat(backends.named(ExamplePluginBackend.NAME)).get().extracting(ApplyBackend::autoSelectable).isEqualTo(false);
        assertThat(backends.problems()).isEmpty();
    }

    @Test
    void theSystemPropertySelectsIt() {
        properties.set(ApplyBackends.PROPERTY, ExamplePluginBackend.NAME);

        Ucode.Run run = Ucode.run("status", "--format=json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("backend").asText()).isEqualTo(ExamplePluginBackend.NAME);
        assertThat(run.json().get("cpus")).hasSize(1);
    }

    @Test
    void theBackendOptionSelectsItAndApplyHandsItThePlannedPatch() throws Exception {
        Path firmware = GeneratedFirmware.forLateLoadableCpu(directory.resolve("firmware"), 0xc6);
        properties.set("ucode4j.run-dir", directory.resolve("run").toString());

        Ucode.Run dryRun = Ucode.run("apply", "--backend=example-plugin", "--dry-run", "--firmware=" + firmware);
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("backend example-plugin, 1 logical CPUs", "plan: UPDATE 1");
        assertThat(ExamplePluginBackend.handed()).as("a dry run hands the backend nothing").isEmpty();

        Ucode.Run apply = Ucode.run("apply", "--backend=example-plugin", "--yes", "--firmware=" + firmware);

        // The plugin records the patch and changes no CPU, so the read-back reports the load as failed.
        assertThat(apply.exitCode()).isEqualTo(ExitCode.APPLY_FAILED);
        assertThat(apply.out()).contains("the example plugin recorded");
        assertThat(ExamplePluginBackend.handed()).singleElement().satisfies(handed -> {
            assertThat(handed.options().plannedPatch()).get().extracting(p -> p.revision().value()).isEqualTo(0xc6);
            assertThat(handed.bytes()).hasSize(handed.options().plannedPatch().orElseThrow().size());
        });
    }

    @Test
    void theBackendOptionsHelpListsEveryBackendDiscoveryFindsThePluginIncluded() {
        List<String> names = ApplyBackends.load().all().stream().map(ApplyBackend::name).toList();

        for (String command : List.of("status", "explain", "apply")) {
            Ucode.Run help = Ucode.run(command, "--help");

            assertThat(help.exitCode()).isZero();
            assertThat(names).contains("msr", "kernel", "xen", "simulated", ExamplePluginBackend.NAME);
            assertThat(help.out().replaceAll("\\s+", " ")).as(command).contains("The apply backend, one of " + String.join(", ", names) + ".");
        }
    }
}
