package kiln.runtime.tensor;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Large buffers mapped straight from the kernel ({@code mmap}), 2 MiB aligned and advised to use transparent
 * huge pages ({@code madvise(MADV_HUGEPAGE)}). On this kind of VM a first touch costs one fault per page: 4096
 * faults for 16 MiB of 4 KiB pages (about 50 ms), 8 faults with huge pages (about 1 ms). Linux only; elsewhere
 * {@link #AVAILABLE} is false and callers allocate from an arena.
 */
final class HugePages {
    static final long HUGE_PAGE = 2L << 20;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_HUGEPAGE = 14;

    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MADVISE;
    static final boolean AVAILABLE;

    static {
        MethodHandle mmap = null;
        MethodHandle munmap = null;
        MethodHandle madvise = null;
        if (System.getProperty("os.name", "").startsWith("Linux") && !"false".equals(System.getProperty(
                "kiln.hugePages"))) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(), FunctionDescriptor.of(
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(), FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                madvise = linker.downcallHandle(libc.find("madvise").orElseThrow(), FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
            } catch (RuntimeException | LinkageError unavailable) {
                mmap = null;
            }
        }
        MMAP = mmap;
        MUNMAP = munmap;
        MADVISE = madvise;
        AVAILABLE = mmap != null;
    }

    private HugePages() {
    }

    /** Maps {@code bytes} (a multiple of 4 KiB) of zeroed memory at a 2 MiB boundary. */
    @SuppressWarnings("restricted") // the mapping is exactly `bytes` long and lives until unmap
    static MemorySegment map(long bytes) {
        try {
            long span = bytes + HUGE_PAGE;
            long raw = (long) MMAP.invokeExact(0L, span, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
            if (raw == -1) {
                throw new OutOfMemoryError("mmap of " + span + " bytes failed");
            }
            long start = (raw + HUGE_PAGE - 1) & -HUGE_PAGE;
            unmapRange(raw, start - raw);
            unmapRange(start + bytes, raw + span - start - bytes);
            int ignored = (int) MADVISE.invokeExact(start, bytes, MADV_HUGEPAGE);
            return MemorySegment.ofAddress(start).reinterpret(bytes);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
    }

    static void unmap(MemorySegment segment) {
        unmapRange(segment.address(), segment.byteSize());
    }

    private static void unmapRange(long address, long bytes) {
        if (bytes == 0) {
            return;
        }
        try {
            int ignored = (int) MUNMAP.invokeExact(address, bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
    }
}
