// Which vector instructions the numeric kernels may use on this CPU, chosen once at run time.
#ifndef DESCENT_VECTOR_LEVEL_H
#define DESCENT_VECTOR_LEVEL_H

/// The widest instruction set the kernels use. Results are deterministic for a given level; different
/// levels may differ in the last bits (fused multiply-add rounds once, a separate multiply and add twice).
typedef enum {
    DESCENT_VECTOR_BASELINE = 0,  ///< portable C, what the compiler's baseline target gives
    DESCENT_VECTOR_AVX2 = 1,      ///< x86-64 AVX2 with FMA (4 doubles a register)
    DESCENT_VECTOR_AVX512 = 2,    ///< x86-64 AVX-512F with FMA (8 doubles a register)
} descent_vector_level;

/// The level the kernels run at: the CPU's best, unless the environment variable DESCENT_VECTOR_LEVEL
/// (`baseline`, `avx2` or `avx512`) asks for a lower one. Read once; the same answer afterwards.
descent_vector_level descent_vector_level_current(void);

/// The best level this CPU supports, whatever the environment says.
descent_vector_level descent_vector_level_supported(void);

#endif
