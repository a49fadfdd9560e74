// Detects the CPU's vector instruction sets once and lets DESCENT_VECTOR_LEVEL lower the choice.
#include "vector_level.h"
#include <stdlib.h>
#include <string.h>

descent_vector_level descent_vector_level_supported(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) return DESCENT_VECTOR_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return DESCENT_VECTOR_AVX2;
#endif
    return DESCENT_VECTOR_BASELINE;
}

static descent_vector_level chosen_level(void) {
    descent_vector_level best = descent_vector_level_supported();
    const char *asked = getenv("DESCENT_VECTOR_LEVEL");
    if (asked == NULL) return best;
    descent_vector_level wanted = best;
    if (strcmp(asked, "baseline") == 0) wanted = DESCENT_VECTOR_BASELINE;
    else if (strcmp(asked, "avx2") == 0) wanted = DESCENT_VECTOR_AVX2;
    else if (strcmp(asked, "avx512") == 0) wanted = DESCENT_VECTOR_AVX512;
    return wanted < best ? wanted : best;
}

descent_vector_level descent_vector_level_current(void) {
    // Racing first calls compute the same value, so a plain int with relaxed atomics is enough.
    static int cached = -1;
    int level = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (level < 0) {
        level = (int)chosen_level();
        __atomic_store_n(&cached, level, __ATOMIC_RELAXED);
    }
    return (descent_vector_level)level;
}
