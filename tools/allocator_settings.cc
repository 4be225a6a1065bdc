// jemalloc's settings for the mcastlab command, read once when the allocator starts.
//
// thp:always asks the kernel for 2 MiB pages for the heap (madvise, so it works where the
// kernel's transparent huge pages are set to "madvise", Debian's default) and metadata_thp does
// the same for jemalloc's own tables. A large run's state is tens of megabytes of small objects
// reached in no particular order, so with 4 KiB pages much of its time went to page faults and
// TLB misses: the 256-router control-plane run takes about a quarter less wall time this way
// (docs/PERFORMANCE.md), for about 20 MB more peak RSS. Outputs do not depend on it.
// MALLOC_CONF in the environment still overrides it (MALLOC_CONF=thp:default turns it off).
#ifdef MCASTLAB_WITH_JEMALLOC
extern "C" {
// The name and type are jemalloc's: it reads this symbol if the program defines it.
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables)
const char* malloc_conf = "thp:always,metadata_thp:always";
}
#endif
