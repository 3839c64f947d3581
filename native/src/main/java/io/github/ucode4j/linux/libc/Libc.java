package io.github.ucode4j.linux.libc;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * The C library calls ucode4j's Linux code makes, with Java types and errors as {@link ErrnoException}. Behind an
 * interface so that tests can inject failures; {@link JnaLibc} is the real one.
 *
 * <p>Memory is given as a {@link ByteBuffer} where the call reads or writes bytes (its position is where they start;
 * a direct buffer is passed as it is, a heap buffer is copied in and out by the binding), and as an address where the
 * call maps or advises whole pages ({@link MemoryRegion} owns such memory).
 *
 * <p>Constants are those of x86-64 Linux, the only platform whose microcode ucode4j loads.
 */
public interface Libc {
    /** Open for reading only. */
    int O_RDONLY = 0;
    /** Open for writing only. */
    int O_WRONLY = 1;
    /** Open for reading and writing. */
    int O_RDWR = 2;
    /** Fail with {@code ELOOP} when the last path component is a symbolic link. */
    int O_NOFOLLOW = 0x20000;
    /** Close the descriptor in a child after {@code exec}. */
    int O_CLOEXEC = 0x80000;

    /** Pages may be read. */
    int PROT_READ = 1;
    /** Pages may be written. */
    int PROT_WRITE = 2;
    /** Changes are shared with the file or device mapped. */
    int MAP_SHARED = 0x01;
    /** Changes are private to this process. */
    int MAP_PRIVATE = 2;
    /** Not backed by a file; zero-filled. */
    int MAP_ANONYMOUS = 0x20;
    /** Lock the pages of the mapping in memory, as {@code mlock} would. */
    int MAP_LOCKED = 0x2000;
    /** Do not make the pages available to a child after {@code fork}. */
    int MADV_DONTFORK = 10;

    /** {@code open(path, flags)}; returns the file descriptor. */
    int open(String path, int flags) throws ErrnoException;

    /** {@code close(fd)}. */
    void close(int fd) throws ErrnoException;

    /**
     * {@code pread(fd, buffer, count, offset)}: reads at most {@code count} bytes into {@code buffer} from its
     * position, which is not moved.
     *
     * @return the number of bytes read
     * @throws IllegalArgumentException when {@code count} exceeds the buffer's remaining bytes
     */
    long pread(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException;

    /**
     * {@code pwrite(fd, buffer, count, offset)}: writes at most {@code count} bytes of {@code buffer} from its
     * position, which is not moved.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when {@code count} exceeds the buffer's remaining bytes
     */
    long pwrite(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException;

    /** {@code ioctl(fd, request, argument)}, the argument being {@code argument}'s bytes from its position; returns the call's non-negative result. */
    int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException;

    /** {@code mmap(NULL, length, protection, flags, fd, offset)}; returns the mapping's address. */
    long mmap(long length, int protection, int flags, int fd, long offset) throws ErrnoException;

    /** {@code munmap(address, length)}. */
    void munmap(long address, long length) throws ErrnoException;

    /** {@code mlock(address, length)}: keeps the pages resident. */
    void mlock(long address, long length) throws ErrnoException;

    /** {@code munlock(address, length)}. */
    void munlock(long address, long length) throws ErrnoException;

    /** {@code madvise(address, length, advice)}. */
    void madvise(long address, long length, int advice) throws ErrnoException;

    /** {@code sched_setaffinity(tid, ...)}: lets thread {@code tid} (0: the calling thread) run only on {@code cpus}. */
    void schedSetaffinity(int tid, BitSet cpus) throws ErrnoException;

    /** {@code sched_getaffinity(tid, ...)}: the CPUs thread {@code tid} (0: the calling thread) may run on. */
    BitSet schedGetaffinity(int tid) throws ErrnoException;

    /** {@code sched_getcpu()}: the CPU the calling thread runs on now. */
    int schedGetcpu() throws ErrnoException;

    /** {@code geteuid()}: the effective user id; 0 is root. Never fails. */
    int geteuid();
}
