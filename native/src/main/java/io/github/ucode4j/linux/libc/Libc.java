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

    /**
     * {@code open(path, flags)}: opens a file or device without creating it.
     *
     * @param path the file's path, absolute or relative to the working directory
     * @param flags one of {@link #O_RDONLY}, {@link #O_WRONLY} or {@link #O_RDWR}, or-ed with {@link #O_NOFOLLOW}
     *     and {@link #O_CLOEXEC} as wanted
     * @return the new file descriptor, never negative; the caller closes it
     * @throws ErrnoException when the kernel refuses, e.g. {@code ENOENT} when there is no such file, {@code EACCES}
     *     without permission, {@code ELOOP} when {@link #O_NOFOLLOW} meets a link, {@code ENXIO} for an offline CPU's
     *     device
     */
    int open(String path, int flags) throws ErrnoException;

    /**
     * {@code close(fd)}: releases a descriptor. It is released even when this throws.
     *
     * @param fd a descriptor from {@link #open}
     * @throws ErrnoException when {@code fd} is not open ({@code EBADF}) or the last write-back failed ({@code EIO})
     */
    void close(int fd) throws ErrnoException;

    /**
     * {@code pread(fd, buffer, count, offset)}: reads at most {@code count} bytes into {@code buffer} from its
     * position, which is not moved.
     *
     * @param fd an open descriptor that can be read
     * @param buffer where the bytes go, starting at its position
     * @param count how many bytes to read at most; from 0 to the buffer's remaining bytes
     * @param offset where in the file to read from; for an MSR device, the register's number
     * @return the number of bytes read: fewer than {@code count} only at the end of a file, 0 past it
     * @throws ErrnoException when the read fails, e.g. {@code EIO} when the CPU refuses to read that MSR
     * @throws IllegalArgumentException when {@code count} exceeds the buffer's remaining bytes
     */
    long pread(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException;

    /**
     * {@code pwrite(fd, buffer, count, offset)}: writes at most {@code count} bytes of {@code buffer} from its
     * position, which is not moved.
     *
     * @param fd an open descriptor that can be written
     * @param buffer the bytes to write, starting at its position
     * @param count how many bytes to write at most; from 0 to the buffer's remaining bytes
     * @param offset where in the file to write; for an MSR device, the register's number
     * @return the number of bytes written, which may be fewer than {@code count}
     * @throws ErrnoException when the write fails, e.g. {@code EIO} when the CPU refuses to write that MSR
     * @throws IllegalArgumentException when {@code count} exceeds the buffer's remaining bytes
     */
    long pwrite(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException;

    /**
     * {@code ioctl(fd, request, argument)}, the argument being {@code argument}'s bytes from its position.
     *
     * @param fd an open device's descriptor
     * @param request the device's request code, which also tells the size and direction of the argument
     * @param argument the request's argument structure; the kernel may read it and write its answer back into it
     * @return the call's non-negative result, whose meaning is the request's
     * @throws ErrnoException when the device refuses the request; the errno is the device's own answer
     */
    int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException;

    /**
     * {@code mmap(NULL, length, protection, flags, fd, offset)}: maps whole pages where the kernel chooses.
     *
     * @param length how many bytes to map; positive, rounded up to whole pages by the kernel
     * @param protection {@link #PROT_READ} or-ed with {@link #PROT_WRITE} as wanted
     * @param flags {@link #MAP_SHARED} or {@link #MAP_PRIVATE}, or-ed with {@link #MAP_ANONYMOUS} and
     *     {@link #MAP_LOCKED} as wanted
     * @param fd the file or device to map, or -1 with {@link #MAP_ANONYMOUS}
     * @param offset where in the file the mapping starts; a multiple of the page size, 0 for anonymous memory
     * @return the mapping's address, page-aligned; the caller unmaps it with {@link #munmap}
     * @throws ErrnoException when the mapping fails, e.g. {@code ENOMEM} when the address space or a limit is
     *     exhausted, {@code ENODEV} when the device cannot be mapped
     */
    long mmap(long length, int protection, int flags, int fd, long offset) throws ErrnoException;

    /**
     * {@code munmap(address, length)}: removes a mapping; the memory must not be touched after.
     *
     * @param address the address {@link #mmap} returned
     * @param length the length given to {@link #mmap}
     * @throws ErrnoException when the range is not page-aligned or not valid ({@code EINVAL})
     */
    void munmap(long address, long length) throws ErrnoException;

    /**
     * {@code mlock(address, length)}: keeps the pages resident.
     *
     * @param address the start of mapped memory, page-aligned
     * @param length how many bytes from {@code address} to lock
     * @throws ErrnoException when the pages cannot be locked: {@code ENOMEM} past the locked-memory limit,
     *     {@code EPERM} without the privilege to lock
     */
    void mlock(long address, long length) throws ErrnoException;

    /**
     * {@code munlock(address, length)}: lets the pages be paged out again.
     *
     * @param address the start of memory locked with {@link #mlock}, page-aligned
     * @param length how many bytes from {@code address} to unlock
     * @throws ErrnoException when the range is not mapped ({@code ENOMEM}) or not valid ({@code EINVAL})
     */
    void munlock(long address, long length) throws ErrnoException;

    /**
     * {@code madvise(address, length, advice)}: tells the kernel how the pages are used.
     *
     * @param address the start of mapped memory, page-aligned
     * @param length how many bytes from {@code address} the advice covers
     * @param advice the advice, such as {@link #MADV_DONTFORK}
     * @throws ErrnoException when the advice or the range is not valid ({@code EINVAL}) or not mapped
     *     ({@code ENOMEM})
     */
    void madvise(long address, long length, int advice) throws ErrnoException;

    /**
     * {@code sched_setaffinity(tid, ...)}: lets thread {@code tid} (0: the calling thread) run only on {@code cpus}.
     *
     * @param tid the kernel's thread id, or 0 for the calling thread
     * @param cpus the CPUs, by number, the thread may run on; at least one online
     * @throws ErrnoException when none of {@code cpus} is online or allowed ({@code EINVAL}), the thread does not
     *     exist ({@code ESRCH}) or may not be moved ({@code EPERM})
     */
    void schedSetaffinity(int tid, BitSet cpus) throws ErrnoException;

    /**
     * {@code sched_getaffinity(tid, ...)}: the CPUs thread {@code tid} (0: the calling thread) may run on.
     *
     * @param tid the kernel's thread id, or 0 for the calling thread
     * @return the CPUs by number; never empty for a live thread
     * @throws ErrnoException when the thread does not exist ({@code ESRCH}) or the kernel's CPU mask is wider than
     *     any this binding will try ({@code EINVAL})
     */
    BitSet schedGetaffinity(int tid) throws ErrnoException;

    /**
     * {@code sched_getcpu()}: the CPU the calling thread runs on now.
     *
     * @return the CPU's number; the thread may move right after unless its affinity is a single CPU
     * @throws ErrnoException when the C library cannot tell ({@code ENOSYS})
     */
    int schedGetcpu() throws ErrnoException;

    /**
     * {@code geteuid()}: the effective user id. Never fails.
     *
     * @return the effective user id; 0 is root
     */
    int geteuid();
}
