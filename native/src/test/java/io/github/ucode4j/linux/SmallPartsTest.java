package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.linux.libc.Errno;
import org.junit.jupiter.api.Test;

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
