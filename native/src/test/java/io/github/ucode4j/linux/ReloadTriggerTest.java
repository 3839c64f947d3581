package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload write through the real C library: the kernel's answer is the write's errno. */
class ReloadTriggerTest {
    @TempDir
    Path root;

    @Test
    void writesOneAndReportsSuccess() throws Exception {
        Path reload = Files.writeString(root.resolve("reload"), "");

        assertThat(ReloadTrigger.through(JnaLibc.load()).reload(reload)).isEmpty();
        assertThat(Files.readString(reload)).isEqualTo("1");
    }

    @Test
    void theWritesErrnoIsTheKernelsAnswer() throws Exception {
        Path reload = Files.writeString(root.resolve("reload"), "");
        InterposedLibc kernelSaysBadFile = new InterposedLibc().failWrite(reload.toString(), Errno.EBADFD);

        assertThat(ReloadTrigger.through(kernelSaysBadFile).reload(reload)).isEqualTo(OptionalInt.of(Errno.EBADFD));
    }

    @Test
    void aReloadFileThatCannotBeOpenedOrIsALinkIsAnError() throws Exception {
        assertThatThrownBy(() -> ReloadTrigger.through(JnaLibc.load()).reload(root.resolve("absent")))
                .isInstanceOf(ApplyException.class).hasMessageContaining("ENOENT");
        Path link = Files.createSymbolicLink(root.resolve("link"), Files.writeString(root.resolve("target"), ""));
        assertThatThrownBy(() -> ReloadTrigger.through(JnaLibc.load()).reload(link))
                .isInstanceOf(ApplyException.class).hasMessageContaining("ELOOP");
        assertThat(Files.readString(root.resolve("target"))).isEmpty();
    }
}
