package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.cli.json.StatusJson;
import io.github.ucode4j.cli.text.PlatformText;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.simulated.Topology;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A CPU whose state differs from most is flagged, in text and in JSON. */
class PlatformDifferencesTest {

    @Test
    void aCoreLeftOnAnOlderRevisionIsFlagged() {
        // On Intel both threads of a core share one engine: core 1 (CPUs 1 and 3) runs another revision.
        Platform platform = SimulatedMachine.builder(Vendor.INTEL, Topology.parse("1x2x2")).revision(Revision.of(0xb4))
                .revision(1, Revision.of(0xaa)).build().platform();

        PlatformDifferences differences = PlatformDifferences.of(platform);
        StringWriter text = new StringWriter();
        PlatformText.print(platform, new PrintWriter(text, true));

        assertThat(differences.consistent()).isFalse();
        assertThat(differences.cpus()).containsExactly(1, 3);
        assertThat(text.toString()).contains("CPU 1 differs: revision 0xaa where most CPUs have 0xb4").contains("<- differs");
        assertThat(StatusJson.of(platform).cpus()).extracting(c -> c.differs()).containsExactly(false, true, false, true);
    }

    @Test
    void aMachineWhoseCpusAgreeHasNoDifferences() {
        Platform platform = SimulatedMachine.builder(Vendor.AMD, Topology.parse("2x1x2")).build().platform();

        assertThat(PlatformDifferences.of(platform).consistent()).isTrue();
        assertThat(PlatformDifferences.of(platform).descriptions()).isEmpty();
    }
}
