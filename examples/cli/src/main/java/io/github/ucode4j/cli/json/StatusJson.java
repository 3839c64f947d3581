package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.cli.PlatformDifferences;
import java.util.List;

/**
 * {@code ucode status --format=json}: the backend that read the machine, whether a hypervisor is present (null
 * when unknown), whether every CPU has the same state ({@code consistent}), every CPU, and the backend's notes.
 *
 * @param backend the name of the backend that read the machine
 * @param hypervisor whether a hypervisor is present, or null when unknown
 * @param consistent whether every CPU has the same state
 * @param cpus every logical CPU, in CPU order
 * @param notes what a person should know about the read: facts that could not be read and why
 */
public record StatusJson(String backend, Boolean hypervisor, boolean consistent, List<CpuJson> cpus, List<String> notes) {

    /**
     * The DTO for {@code platform}.
     *
     * @param platform the machine as read
     * @return the document: the backend, the hypervisor if known, each CPU and whether they agree
     */
    public static StatusJson of(Platform platform) {
        PlatformDifferences differences = PlatformDifferences.of(platform);
        return new StatusJson(platform.backend(), platform.hypervisorPresent().orElse(null), differences.consistent(),
                platform.cpus().stream().map(cpu -> CpuJson.of(cpu, differences)).toList(), platform.notes());
    }
}
