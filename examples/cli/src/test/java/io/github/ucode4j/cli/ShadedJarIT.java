package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The runnable jar carries all of JNA but the natives of platforms other than Linux on x86-64 and aarch64. */
class ShadedJarIT {
    private static final Path JAR = Path.of(System.getProperty("ucode.jar", "target/ucode.jar"));
    /** JNA keeps each platform's native library in a folder named after it: {@code com/sun/jna/linux-x86-64/}. */
    private static final Pattern NATIVE_FOLDER = Pattern.compile("com/sun/jna/[a-z0-9]+-[a-z0-9-]+/.*");
    private static final Set<String> KEPT_PLATFORMS = Set.of("linux-x86-64", "linux-aarch64");

    @Test
    void carriesOnlyTheLinuxNativesOfJna() throws Exception {
        Set<String> shaded = entries(JAR);

        Set<String> natives = shaded.stream().filter(name -> NATIVE_FOLDER.matcher(name).matches()).collect(Collectors.toSet());

        assertThat(natives).isNotEmpty().allSatisfy(name -> assertThat(platform(name)).isIn(KEPT_PLATFORMS));
        assertThat(natives.stream().map(ShadedJarIT::platform)).containsAll(KEPT_PLATFORMS);
        assertThat(natives).anySatisfy(name -> assertThat(name).startsWith("com/sun/jna/linux-x86-64/libjnidispatch"));
    }

    @Test
    void carriesEveryOtherFileOfJna() throws Exception {
        Set<String> jna = entries(jnaJar());

        Set<String> needed = jna.stream()
                .filter(name -> name.startsWith("com/sun/jna/") && !name.endsWith("/"))
                .filter(name -> !NATIVE_FOLDER.matcher(name).matches() || KEPT_PLATFORMS.contains(platform(name)))
                .collect(Collectors.toSet());

        assertThat(entries(JAR)).containsAll(needed);
    }

    private static String platform(String nativeEntry) {
        return nativeEntry.split("/")[3];
    }

    /** JNA's own jar on the test class path (found as a resource: only native/ and driver-xen/ may use JNA's classes). */
    private static Path jnaJar() throws Exception {
        URL nativeClass = ShadedJarIT.class.getClassLoader().getResource("com/sun/jna/Native.class");
        assertThat(nativeClass).as("JNA on the test class path").isNotNull();
        return Path.of(((JarURLConnection) nativeClass.openConnection()).getJarFileURL().toURI());
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
        }
    }
}
