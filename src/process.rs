//! Process setup shared by the command and the benchmarks: which memory
//! allocator serves the process, and how it keeps freed memory.
//!
//! Two allocators, each where it was measured to be faster (README,
//! "Dependencies"):
//! - a batch and its workers render letter after letter: mimalloc, whose
//!   per-thread free lists cost less than glibc's malloc, free, realloc and
//!   consolidation (~9% of a batch under glibc): 0.97x the batch's CPU time
//!   with workers, 0.91x in-process;
//! - every other command renders one letter, or a few, from a cold start:
//!   glibc's malloc, tuned below. mimalloc spreads a cold render's 2.7 MB
//!   over more 2 MiB stretches of its arena (a page of its own for each
//!   size of block) and the kernel zeroes a huge page for each: 1.04x the
//!   cold render's CPU time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU8, Ordering};

#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

/// An allocator for the process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Heap {
    /// The C library's malloc (glibc's on GNU/Linux).
    System = 1,
    /// mimalloc, v3 (the crate's default). Not its `secure` mode: guard pages
    /// and encrypted free lists cost time and guard against heap corruption
    /// that safe Rust does not make.
    Mimalloc = 2,
}

/// The [`Heap`] chosen, or 0 before the first allocation or choice.
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// Chooses the allocator of the process, if nothing has been allocated yet
/// (the command does it from the program's start-up functions, before
/// Rust's runtime allocates); returns the one in use. Once a block is
/// allocated the choice is fixed, so that every block is freed by the
/// allocator that made it.
pub fn choose(heap: Heap) -> Heap {
    // Relaxed: the choice is one value, made before there are other threads
    // (which see it through their spawning).
    let chosen = CHOSEN.compare_exchange(0, heap as u8, Ordering::Relaxed, Ordering::Relaxed);
    if chosen.is_ok() && heap == Heap::Mimalloc {
        /// `mi_option_allow_thp` in mimalloc.h (v3); the Rust binding does
        /// not name it.
        const ALLOW_THP: libmimalloc_sys::mi_option_t = 43;
        // Before its first arena is reserved: mimalloc marks its arenas for
        // transparent huge pages, and a batch's processes each touched twice
        // the memory (a 2 MiB page for every stretch used at all: 37 MiB at
        // the peak instead of 20, benches/peak-memory.py) for no CPU time
        // saved (benches/batch-cpu.py).
        // SAFETY: mi_option_set only stores a value in mimalloc's option
        // table; 0 is a documented value.
        unsafe { libmimalloc_sys::mi_option_set(ALLOW_THP, 0) }
    }
    current()
}

/// The allocator in use; the system's when something is allocated before
/// any choice (the library's own callers: tests, benchmarks).
pub fn current() -> Heap {
    match CHOSEN.load(Ordering::Relaxed) {
        2 => Heap::Mimalloc,
        1 => Heap::System,
        _ => choose(Heap::System),
    }
}

/// The allocator for a command line (the arguments after the program's
/// name) and whether a batch renders in its own threads
/// ([`crate::batch::worker::IN_PROCESS`]): mimalloc where letters are
/// rendered one after another (a batch's worker, a batch that renders in
/// its own threads), the system's otherwise. A batch's own process, when
/// it has workers, plans, reads and writes files: there mimalloc's larger
/// resident memory (21 MiB at 1,000 letters instead of 13, its pages of
/// every block size) made it the batch's peak, 19% higher at 10,000
/// letters than at 1,000 (benches/peak-memory.py). An argument `batch`
/// anywhere counts (global options may come first; a letter file named
/// `batch` only changes the allocator).
pub fn heap_for<'a>(mut args: impl Iterator<Item = &'a [u8]>, in_process: bool) -> Heap {
    let mut first = true;
    let renders = args.any(|a| {
        let worker = first && a == crate::batch::WORKER.as_bytes();
        first = false;
        worker || (in_process && a == b"batch")
    });
    if renders {
        Heap::Mimalloc
    } else {
        Heap::System
    }
}

/// Serves each call from the allocator [`current`] names.
pub struct Allocator;

// Not inlined: with `dist`'s whole-program optimisation every place that
// allocates would carry both allocators' paths and the choice between
// them (the binary grew by about 1 MB, past the 16 MB the speed issue
// allows); one call more per allocation costs nothing measurable.
//
// SAFETY: each call goes to one of two allocators that uphold GlobalAlloc's
// contract, and always the same one for a process (see `choose`), so a
// block is freed or resized by the allocator that made it.
unsafe impl GlobalAlloc for Allocator {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees, passed on.
        unsafe {
            match current() {
                Heap::Mimalloc => mimalloc::MiMalloc.alloc(layout),
                Heap::System => System.alloc(layout),
            }
        }
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees, passed on.
        unsafe {
            match current() {
                Heap::Mimalloc => mimalloc::MiMalloc.alloc_zeroed(layout),
                Heap::System => System.alloc_zeroed(layout),
            }
        }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's guarantees; the block is this allocator's.
        unsafe {
            match current() {
                Heap::Mimalloc => mimalloc::MiMalloc.dealloc(ptr, layout),
                Heap::System => System.dealloc(ptr, layout),
            }
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's guarantees; the block is this allocator's.
        unsafe {
            match current() {
                Heap::Mimalloc => mimalloc::MiMalloc.realloc(ptr, layout, new_size),
                Heap::System => System.realloc(ptr, layout, new_size),
            }
        }
    }
}

/// Tells the allocator to keep freed memory for reuse instead of handing
/// it back to the system at once.
///
/// glibc: every PDF stream is compressed with a fresh deflate state of
/// about 300 KB (krilla → flate2 → miniz_oxide); glibc serves each from new
/// pages (mmap, or a heap it trims right after) and the kernel zeroes them
/// again: about 400 page faults a letter, an eighth of a letter's time.
///
/// mimalloc purges (`madvise`) pages left free for a while, and its arenas
/// are backed by transparent huge pages where the system allows them: the
/// next letter faults them in again, zeroing up to 2 MiB at a time. A
/// 1,000-letter batch's system time was 0.220 ms a letter, 0.150 without
/// purging (benches/batch-cpu.py), as under glibc.
///
/// Kept, the pages are reused. Costs nothing in peak memory: the pages were
/// needed anyway.
pub fn keep_freed_memory() {
    match current() {
        Heap::Mimalloc => {
            /// `mi_option_purge_delay` in mimalloc.h (v3); the Rust binding
            /// does not name it.
            const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
            // SAFETY: mi_option_set only stores a value in mimalloc's option
            // table; -1 is its documented "never purge".
            unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
        }
        Heap::System => {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            {
                // Allocations below 32 MiB come from the heap, and the heap is
                // trimmed only when 256 MiB are free at its top.
                const MMAP_THRESHOLD: libc::c_int = 32 << 20;
                const TRIM_THRESHOLD: libc::c_int = 256 << 20;
                // SAFETY: mallopt only sets allocator parameters; glibc
                // documents it as callable at any time, from any thread, and
                // bad values are refused (returning 0), not undefined.
                unsafe {
                    libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
                    libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
                }
                huge_heap();
            }
        }
    }
}

/// Lets glibc's heap's next few megabytes be backed by 2 MiB pages (where
/// the system's transparent huge pages are `madvise` or `always`).
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
/// that thread (glibc: its heap, trimmed only past [`keep_freed_memory`]'s
/// threshold; mimalloc: its pages), while the render threads allocate from
/// heaps or pages of their own. Without this, that transient memory counts
/// in a batch's peak, and it grows with the letters (issue 20).
pub fn release_freed_memory() {
    match current() {
        // SAFETY: mi_collect only returns pages with no live block to
        // mimalloc's arenas (and, where purging is on, to the system); it
        // is thread-safe and touches no allocated memory.
        Heap::Mimalloc => unsafe { libmimalloc_sys::mi_collect(true) },
        Heap::System => {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            // SAFETY: malloc_trim only returns free pages of glibc's heaps to
            // the system; it is thread-safe and touches no allocated memory.
            unsafe {
                libc::malloc_trim(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heap(args: &[&str], in_process: bool) -> Heap {
        heap_for(args.iter().map(|a| a.as_bytes()), in_process)
    }

    #[test]
    fn the_processes_that_render_letter_after_letter_get_mimalloc() {
        let worker = crate::batch::WORKER;
        assert_eq!(heap(&[worker, "--lang", "ru"], false), Heap::Mimalloc);
        assert_eq!(heap(&["-q", "batch", "in"], true), Heap::Mimalloc);
        assert_eq!(heap(&["batch", "in", "-o", "out"], true), Heap::Mimalloc);
        // A batch with workers, and every other command.
        assert_eq!(heap(&["batch", "in", "-o", "out"], false), Heap::System);
        assert_eq!(heap(&["render", worker], false), Heap::System);
        assert_eq!(heap(&["render", "batch.yaml"], true), Heap::System);
        assert_eq!(heap(&["preview", "letter.yaml"], false), Heap::System);
        assert_eq!(heap(&[], false), Heap::System);
    }
}
