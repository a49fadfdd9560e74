// The cache prefetch hint, which Swift has no intrinsic for.
#ifndef DESCENT_PREFETCH_H
#define DESCENT_PREFETCH_H

/// Asks the CPU to start fetching the cache line holding `address`; never faults, never waits.
static inline void descent_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Asks the CPU to start fetching the cache line holding `address` into the outer caches (L2 and beyond) only.
/// For rows needed a step from now: random 32-row mini-batches ran 1.2–1.5× as fast with the next batch prefetched
/// this way rather than into L1 (measured here; it seems such requests do not hold an L1 miss slot for the whole
/// trip to memory, so more of them are in flight at once).
static inline void descent_prefetch_to_l2(const void *address) {
    __builtin_prefetch(address, 0, 1);
}

#endif
