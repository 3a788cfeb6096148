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
        huge_heap();
    }
}

/// Lets the heap's next few megabytes be backed by 2 MiB pages (where the
/// system's transparent huge pages are `madvise` or `always`).
///
/// A cold render touches about 2 MB of heap for the first time, page by
/// page: ~490 faults of 4 KiB, each one allocated, zeroed and charged by the
/// kernel (2.5 µs a fault on the benchmark VM: 1.3 ms for 512 pages), a
/// seventh of the render's CPU time. One 2 MiB page is one fault, but all
/// of it is zeroed at once (~0.27 ms in a cold render under perf): worth it
/// for the first 2 MiB, which a render fills, not for the next, of which
/// it uses a few pages; so only the first is marked.
///
/// A huge page needs a 2 MiB-aligned range of one mapping, and glibc's heap
/// starts anywhere: the heap is grown past the next 2 MiB boundary at once,
/// the stretch before the boundary is taken by a block that is never used
/// nor touched (address space only: it is never written, so it costs no
/// memory), and the 2 MiB from the boundary on are marked for a huge page.
/// Allocations then start at the boundary. Best effort: when the allocator
/// does not serve that block from the top of the heap, or the system
/// refuses, everything stays as it was.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn huge_heap() {
    const HUGE: usize = 2 << 20;
    /// How far the heap is grown at once: past the marked huge page.
    const SPAN: usize = 4 << 20;
    /// glibc's own default for M_TOP_PAD, put back afterwards.
    const DEFAULT_TOP_PAD: libc::c_int = 128 << 10;
    // SAFETY: sbrk(0) and mallinfo2 only read the allocator's and kernel's
    // state. The block from malloc is never read or written and never freed
    // (unless it is not where it was meant to be, and then it is freed at
    // once, unused). madvise(MADV_HUGEPAGE) changes no content, only how the
    // kernel backs pages of a range inside the heap's mapping.
    unsafe {
        let end = libc::sbrk(0) as usize;
        if end == usize::MAX {
            return;
        }
        // The free chunk at the top of the heap, where the next block that
        // does not fit elsewhere is cut from.
        let top = end - libc::mallinfo2().keepcost;
        // The first boundary past the heap's end, so that the block grows
        // the heap (by M_TOP_PAD past itself): one inside the heap would be
        // served from what is there, and nothing past it to mark.
        let boundary = (end + 64).next_multiple_of(HUGE);
        // Its chunk starts 16 bytes before the pointer and is the request
        // and 8 bytes long (the next chunk's first 8 bytes are the block's
        // last), rounded up to 16. It ends 32 bytes short of the boundary:
        // the allocator writes the header of the free chunk after it there,
        // now, before the range is marked; a page touched past the boundary
        // before that would leave the first 2 MiB to small pages.
        let stop = boundary - 32;
        let request = stop - top - 8;
        libc::mallopt(libc::M_TOP_PAD, SPAN as libc::c_int);
        let block = libc::malloc(request);
        libc::mallopt(libc::M_TOP_PAD, DEFAULT_TOP_PAD);
        if block.is_null() {
            return;
        }
        if block as usize - 16 + request + 8 != stop {
            libc::free(block);
            return;
        }
        if libc::sbrk(0) as usize >= boundary + HUGE {
            libc::madvise(boundary as *mut libc::c_void, HUGE, libc::MADV_HUGEPAGE);
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
