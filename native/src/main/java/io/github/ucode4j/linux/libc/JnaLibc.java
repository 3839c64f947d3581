package io.github.ucode4j.linux.libc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.github.ucode4j.api.ApplyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;

/**
 * The real {@link Libc}: JNA direct mappings bound through {@link NativeLibrary#getProcess()}, so that symbols
 * resolve as the dynamic linker resolves them for the process and an {@code LD_PRELOAD} interposer sees every
 * call.
 *
 * <p>Errors: every call's return value is checked first, and {@link Native#getLastError()} is read only when it
 * says the call failed; glibc may leave errno set by a call that succeeded.
 *
 * <p>Pointers cross the binding as {@code long}: on x86-64 a pointer and a 64-bit integer are passed alike, and
 * JNA's own pointer type stays out of every signature above this class.
 *
 * <p>Thread-safe: it holds no state.
 */
public final class JnaLibc implements Libc {
    private static final int WORD_BITS = Long.SIZE;
    /** glibc's {@code cpu_set_t}: 1024 CPUs. The affinity calls grow from here when the kernel has more. */
    private static final int INITIAL_CPU_SET_WORDS = 1024 / WORD_BITS;
    /** Enough for any kernel's {@code NR_CPUS} (8192 today); a bound, so that the retry loop ends. */
    private static final int MAX_CPU_SET_WORDS = 65536 / WORD_BITS;

    private static final JnaLibc INSTANCE = new JnaLibc();

    private JnaLibc() {
    }

    /**
     * The C library of this process.
     *
     * @return the one binding, shared by every caller; the natives are bound on the first call
     * @throws ApplyException when JNA cannot load its native part or bind the C library here
     */
    public static Libc load() throws ApplyException {
        try {
            Natives.ensureRegistered();
            return INSTANCE;
        } catch (LinkageError e) {
            throw new ApplyException("JNA could not bind the C library: " + e,
                    "run on x86-64 Linux with JNA's native library available (jna.boot.library.path, or a writable temporary directory)");
        }
    }

    @Override
    public int open(String path, int flags) throws ErrnoException {
        return (int) check("open " + path, Natives.open(path, flags, 0));
    }

    @Override
    public void close(int fd) throws ErrnoException {
        check("close", Natives.close(fd));
    }

    @Override
    public long pread(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException {
        return check("pread", Natives.pread(fd, buffer, within(buffer, count), offset));
    }

    @Override
    public long pwrite(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException {
        return check("pwrite", Natives.pwrite(fd, buffer, within(buffer, count), offset));
    }

    private static long within(ByteBuffer buffer, long count) {
        if (count < 0 || count > buffer.remaining()) {
            throw new IllegalArgumentException(count + " bytes asked of a buffer with " + buffer.remaining() + " remaining");
        }
        return count;
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        return (int) check("ioctl", Natives.ioctl(fd, request, argument));
    }

    @Override
    public long mmap(long length, int protection, int flags, int fd, long offset) throws ErrnoException {
        return check("mmap", Natives.mmap(0, length, protection, flags, fd, offset));
    }

    @Override
    public void munmap(long address, long length) throws ErrnoException {
        check("munmap", Natives.munmap(address, length));
    }

    @Override
    public void mlock(long address, long length) throws ErrnoException {
        check("mlock", Natives.mlock(address, length));
    }

    @Override
    public void munlock(long address, long length) throws ErrnoException {
        check("munlock", Natives.munlock(address, length));
    }

    @Override
    public void madvise(long address, long length, int advice) throws ErrnoException {
        check("madvise", Natives.madvise(address, length, advice));
    }

    @Override
    public void schedSetaffinity(int tid, BitSet cpus) throws ErrnoException {
        long[] words = cpus.toLongArray();
        long[] mask = new long[Math.max(INITIAL_CPU_SET_WORDS, words.length)];
        System.arraycopy(words, 0, mask, 0, words.length);
        check("sched_setaffinity", Natives.sched_setaffinity(tid, (long) mask.length * Long.BYTES, mask));
    }

    @Override
    public BitSet schedGetaffinity(int tid) throws ErrnoException {
        for (int words = INITIAL_CPU_SET_WORDS; ; words *= 2) {
            long[] mask = new long[words];
            int result = Natives.sched_getaffinity(tid, (long) words * Long.BYTES, mask);
            if (result == 0) {
                return BitSet.valueOf(mask);
            }
            int errno = Native.getLastError();
            // EINVAL: the kernel's CPU mask is wider than ours; try twice as wide.
            if (errno != Errno.EINVAL || words >= MAX_CPU_SET_WORDS) {
                throw ErrnoException.of("sched_getaffinity", errno);
            }
        }
    }

    @Override
    public int schedGetcpu() throws ErrnoException {
        return (int) check("sched_getcpu", Natives.sched_getcpu());
    }

    @Override
    public int geteuid() {
        return Natives.geteuid();
    }

    /**
     * The {@code length} bytes at {@code address}, which this process has mapped, as a little-endian buffer; valid
     * only until they are unmapped.
     */
    static ByteBuffer view(long address, long length) {
        return new Pointer(address).getByteBuffer(0, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns {@code result} when the call succeeded (not -1), else throws with the thread's errno. */
    private static long check(String call, long result) throws ErrnoException {
        if (result == -1) {
            throw ErrnoException.of(call, Native.getLastError());
        }
        return result;
    }

    /** The direct mappings; registered on first use, so that loading {@link JnaLibc} touches nothing native. */
    private static final class Natives {
        static {
            Native.register(Natives.class, NativeLibrary.getProcess());
        }

        private Natives() {
        }

        /** Runs the static initialiser, which binds the natives or throws a {@link LinkageError}. */
        static void ensureRegistered() {
            // Calling any static member runs the class initialiser once.
        }

        static native int open(String path, int flags, int mode);

        static native int close(int fd);

        static native long pread(int fd, ByteBuffer buffer, long count, long offset);

        static native long pwrite(int fd, ByteBuffer buffer, long count, long offset);

        static native int ioctl(int fd, long request, ByteBuffer argument);

        static native long mmap(long address, long length, int protection, int flags, int fd, long offset);

        static native int munmap(long address, long length);

        static native int mlock(long address, long length);

        static native int munlock(long address, long length);

        static native int madvise(long address, long length, int advice);

        static native int sched_setaffinity(int pid, long size, long[] mask);

        static native int sched_getaffinity(int pid, long size, long[] mask);

        static native int sched_getcpu();

        static native int geteuid();
    }
}
