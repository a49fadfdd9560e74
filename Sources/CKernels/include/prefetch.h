// The cache prefetch hint, which Swift has no intrinsic for.
#ifndef DESCENT_PREFETCH_H
#define DESCENT_PREFETCH_H

/// Asks the CPU to start fetching the cache line holding `address`; never faults, never waits.
static inline void descent_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
