package io.github.ucode4j.linux.libc;

import com.sun.jna.Pointer;
import java.util.BitSet;

/**
 * The C library calls ucode4j's Linux code makes, with Java types and errors as {@link ErrnoException}. Behind an
 * interface so that tests can inject failures; {@link JnaLibc} is the real one.
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

    /** {@code pread(fd, buffer, count, offset)}; returns the number of bytes read. */
    long pread(int fd, Pointer buffer, long count, long offset) throws ErrnoException;

    /** {@code pwrite(fd, buffer, count, offset)}; returns the number of bytes written. */
    long pwrite(int fd, Pointer buffer, long count, long offset) throws ErrnoException;

    /** {@code ioctl(fd, request, argument)}; returns the call's non-negative result. */
    int ioctl(int fd, long request, Pointer argument) throws ErrnoException;

    /** {@code mmap(NULL, length, protection, flags, fd, offset)}; returns the mapping. */
    Pointer mmap(long length, int protection, int flags, int fd, long offset) throws ErrnoException;

    /** {@code munmap(address, length)}. */
    void munmap(Pointer address, long length) throws ErrnoException;

    /** {@code mlock(address, length)}: keeps the pages resident. */
    void mlock(Pointer address, long length) throws ErrnoException;

    /** {@code munlock(address, length)}. */
    void munlock(Pointer address, long length) throws ErrnoException;

    /** {@code madvise(address, length, advice)}. */
    void madvise(Pointer address, long length, int advice) throws ErrnoException;

    /** {@code sched_setaffinity(tid, ...)}: lets thread {@code tid} (0: the calling thread) run only on {@code cpus}. */
    void schedSetaffinity(int tid, BitSet cpus) throws ErrnoException;

    /** {@code sched_getaffinity(tid, ...)}: the CPUs thread {@code tid} (0: the calling thread) may run on. */
    BitSet schedGetaffinity(int tid) throws ErrnoException;

    /** {@code sched_getcpu()}: the CPU the calling thread runs on now. */
    int schedGetcpu() throws ErrnoException;

    /** {@code geteuid()}: the effective user id; 0 is root. Never fails. */
    int geteuid();
}
