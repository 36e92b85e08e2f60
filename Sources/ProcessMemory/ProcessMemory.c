#include "ProcessMemory.h"

// Any header of the C library says which it is (__GLIBC__).
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

void journey_keep_freed_memory(void) { (void)mallopt(M_TOP_PAD, 64 << 20); }

#else

void journey_keep_freed_memory(void) {}

#endif
