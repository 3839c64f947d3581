package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CpuSignatureTest {

    @ParameterizedTest(name = "{0} -> {4}")
    @CsvSource({
        "0x000906a4, 0x06, 0x9a, 4, 06-9a-04",   // Alder Lake
        "0x00050654, 0x06, 0x55, 4, 06-55-04",   // Skylake-SP
        "0x00000f43, 0x0f, 0x04, 3, 0f-04-03",   // Pentium 4: family 0xf, extended family 0
        "0x00a00f11, 0x19, 0x01, 1, 19-01-01",   // Zen 3 Milan
        "0x00b40f40, 0x1a, 0x44, 0, 1a-44-00",   // Zen 5
        "0x00000633, 0x06, 0x03, 3, 06-03-03",   // Pentium II: family 6 takes the (zero) extended model
        "0x00010676, 0x06, 0x17, 6, 06-17-06",
        "0x00000f4a, 0x0f, 0x04, 0xa, 0f-04-0a",
        "0x00100f22, 0x10, 0x02, 2, 10-02-02",   // AMD family 10h
        "0x00020512, 0x05, 0x01, 2, 05-01-02",   // family 5 ignores the extended model bits
    })
    void decodesKnownSignatures(String eax, String family, String model, String stepping, String text) {
        CpuSignature signature = CpuSignature.of(Integer.decode(eax));
        assertThat(signature.family()).isEqualTo(Integer.decode(family));
        assertThat(signature.model()).isEqualTo(Integer.decode(model));
        assertThat(signature.stepping()).isEqualTo(Integer.decode(stepping));
        assertThat(signature.familyModelStepping()).isEqualTo(text);
    }

    @Test
    void printsRawAndDecoded() {
        assertThat(CpuSignature.of(0x50654)).hasToString("0x00050654 (06-55-04)");
        assertThat(CpuSignature.of(0x50654).hex()).isEqualTo("0x00050654");
    }

    @Test
    void encodesDisplayedValuesCanonically() {
        assertThat(CpuSignature.fromDisplay(0x19, 0x01, 1).eax()).isEqualTo(0x00a00f11);
        assertThat(CpuSignature.fromDisplay(6, 0x9a, 4).eax()).isEqualTo(0x000906a4);
        assertThat(CpuSignature.fromDisplay(0xf, 4, 3).eax()).isEqualTo(0x00000f43);
        assertThat(CpuSignature.fromDisplay(0x1a, 0x44, 0).eax()).isEqualTo(0x00b40f40);
    }

    @Test
    void refusesValuesThatCannotBeEncoded() {
        assertThatThrownBy(() -> CpuSignature.fromDisplay(5, 0x10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuSignature.fromDisplay(0x10f, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuSignature.fromDisplay(6, 0x100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuSignature.fromDisplay(6, 0, 0x10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void displayEncodingRoundTripsForCanonicalSignatures() {
        // Canonical: processor type and reserved bits zero, extended fields only where the decoding uses them.
        Generator<CpuSignature> canonical = random -> {
            int family = random.nextInt(0, 0xf + 0x100);
            int model = random.nextInt(0, family >= 6 ? 0x100 : 0x10);
            return CpuSignature.fromDisplay(family, model, random.nextInt(0, 0x10));
        };
        Properties.forAll("fromDisplay inverts the decoding", canonical, signature -> {
            CpuSignature again = CpuSignature.fromDisplay(signature.family(), signature.model(), signature.stepping());
            assertThat(again).isEqualTo(signature);
        });
    }

    @Test
    void comparesAsUnsignedRawValues() {
        assertThat(CpuSignature.of(0x80000000).compareTo(CpuSignature.of(1))).isPositive();
        // Same decoded fields, different raw values (processor type bits): different signatures.
        assertThat(CpuSignature.of(0x1050654)).isNotEqualTo(CpuSignature.of(0x50654));
        assertThat(CpuSignature.of(0x1050654).familyModelStepping()).isEqualTo("06-55-04");
    }
}
