// How the C library's allocator treats the memory a command frees. Swift's Glibc module does not name mallopt
// (malloc.h), so it is called from C.
#ifndef PROCESS_MEMORY_H
#define PROCESS_MEMORY_H

/// Keeps memory a command frees for what it allocates next, rather than giving it back to the system to ask for
/// again: each page the system gives a process costs a page fault and is zeroed, 1.5 to 2.5 microseconds a page on
/// the machines measured (Benchmarks/README.md), and a run after a day's append at 10M events took 42,000 of them.
/// The allocator keeps 64 MB at the top of each of its heaps (M_TOP_PAD). For a program that runs one command and
/// exits (the command line): one that runs on (the service) lets memory go back as usual. Does nothing where the C
/// library is not glibc.
void journey_keep_freed_memory(void);

#endif
