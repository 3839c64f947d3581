package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.libc.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /proc/cpuinfo parsing, options from properties, errno names. */
class SmallPartsTest {

    @Test
    void cpuinfoIsParsedPerProcessorWithNumbersHexAndFlags() {
        CpuInfo info = CpuInfo.parse("processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmicrocode\t: 0x2006e05\n"
                + "flags\t\t: fpu  hypervisor fpu\n\nprocessor\t: 1\nmodel\t\t: x\n\npower management:\n");
        assertThat(info.processors()).containsOnlyKeys(0, 1);
        assertThat(info.field(0, "vendor_id")).contains("GenuineIntel");
        assertThat(info.decimal(0, "cpu family")).hasValue(6);
        assertThat(info.decimal(1, "model")).isEmpty();
        assertThat(info.hex(0, "microcode")).hasValue(0x2006e05);
        assertThat(info.flags(0)).containsExactlyInAnyOrder("fpu", "hypervisor");
        assertThatThrownBy(() -> CpuInfo.parse("processor : x\n")).hasMessageContaining("'processor' is not a number");
    }

    @Test
    void cpuinfoTakesOnlyWhatTheKernelPrintsAsAProcessorNumberAndKeepsProcessorOrder() {
        for (String number : List.of("+1", "-1", "\u0661", "1\u0660", "0x1", "")) {
            assertThatThrownBy(() -> CpuInfo.parse("processor\t: " + number + "\n")).as(number)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'processor' is not a number");
        }
        assertThatThrownBy(() -> CpuInfo.parse("processor : 1\n\nprocessor : 1\n")).hasMessageContaining("'processor 1' appears twice");
        assertThat(CpuInfo.parse("processor : 12\nmodel : \u0665\n\nprocessor : 3\n\nprocessor : 100\n").processors().keySet())
                .containsExactly(3, 12, 100);
        assertThat(CpuInfo.parse("processor : 0\nmodel : \u0665\n").decimal(0, "model")).isEmpty();
    }

    @Test
    void aCpuinfoFileTheKernelNeverWroteIsAnIoErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cpuinfo"), "processor\t: +1\n");

        assertThatThrownBy(() -> CpuInfo.read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": /proc/cpuinfo: 'processor' is not a number: '+1'");
        assertThat(CpuInfo.read(dir.resolve("absent"))).isEqualTo(CpuInfo.EMPTY);
    }

    @Test
    void msrOptionsComeFromSystemProperties() {
        try {
            System.setProperty(MsrOptions.ADDRESS_PROPERTY, "direct-map");
            System.setProperty(MsrOptions.PHYSMAP_PROPERTY, "0xff11000000000000");
            assertThat(MsrOptions.fromSystemProperties()).isEqualTo(new MsrOptions(MsrAddressPolicy.KERNEL_DIRECT_MAP, 0xff11000000000000L));
            System.setProperty(MsrOptions.ADDRESS_PROPERTY, "physical");
            assertThatThrownBy(MsrOptions::fromSystemProperties).hasMessageContaining("'user' or 'direct-map'");
        } finally {
            System.clearProperty(MsrOptions.ADDRESS_PROPERTY);
            System.clearProperty(MsrOptions.PHYSMAP_PROPERTY);
        }
        assertThat(MsrOptions.fromSystemProperties()).isEqualTo(MsrOptions.DEFAULT);
    }

    @Test
    void errnoNamesAndDescriptions() {
        assertThat(Errno.describe(Errno.EIO)).isEqualTo("Input/output error (EIO)");
        assertThat(Errno.symbol(Errno.EBADFD)).isEqualTo("EBADFD");
        assertThat(Errno.describe(999)).isEqualTo("errno 999");
    }
}
