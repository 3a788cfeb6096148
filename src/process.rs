//! Process setup shared by the command and the benchmarks.

/// Tells the C allocator to keep freed memory for reuse instead of handing
/// it back to the system at once.
///
/// Every PDF stream is compressed with a fresh deflate state of about 300 KB
/// (krilla → flate2 → miniz_oxide); glibc serves each from new pages (mmap,
/// or a heap it trims right after) and the kernel zeroes them again: about
/// 400 page faults a letter, an eighth of a letter's time. Kept, they are
/// reused. Costs nothing in peak memory: the pages were needed anyway.
pub fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // Allocations below 32 MiB come from the heap, and the heap is trimmed
        // only when 256 MiB are free at its top.
        const MMAP_THRESHOLD: libc::c_int = 32 << 20;
        const TRIM_THRESHOLD: libc::c_int = 256 << 20;
        // SAFETY: mallopt only sets allocator parameters; glibc documents it as
        // callable at any time, from any thread, and bad values are refused
        // (returning 0), not undefined.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
        }
    }
}

/// Hands the memory freed so far back to the system, once a batch's plan
/// is made: the folder walk, the data file's grid and the checks of every
/// output allocate in the main thread, and what they free there stays with
/// that thread's heap (trimmed only past [`keep_freed_memory`]'s threshold),
/// while the render threads allocate from heaps of their own. Without this,
/// that transient memory counts in a batch's peak, and it grows with the
/// letters (issue 20).
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only returns free pages of glibc's heaps to the
        // system; it is thread-safe and touches no allocated memory.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
