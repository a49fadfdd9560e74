// The fused residual passes (Σr², Xᵀr, Σr), raw or standardized on the fly, in portable, AVX2+FMA and AVX-512F+FMA variants.
#include "residual_pass.h"
#include "prefetch.h"
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/// Rows between the one being summed and the one being prefetched in an indexed pass: their misses overlap.
enum { INDEXED_AHEAD = 4 };

/// Bytes ahead of the current row that a sequential pass prefetches: the hardware prefetcher follows the
/// stream, but asking ahead keeps more misses in flight while the core does arithmetic.
enum { STREAM_AHEAD_BYTES = 4096 };

ALWAYS_INLINE ptrdiff_t row_at(const ptrdiff_t *indices, ptrdiff_t k) { return indices ? indices[k] : k; }

ALWAYS_INLINE void prefetch_row(const double *x, const double *y, ptrdiff_t d, ptrdiff_t i) {
    const double *row = x + i * d;
    for (ptrdiff_t j = 0; j < d; j += 8) descent_prefetch(row + j);
    descent_prefetch(row + (d - 1));
    descent_prefetch(y + i);
}

/// Prefetches for the pair at position k: rows a few positions ahead (indexed) or a few KB ahead (sequential).
ALWAYS_INLINE void prefetch_ahead(
    const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t k, ptrdiff_t end,
    ptrdiff_t stream_rows) {
    if (indices) {
        if (k + INDEXED_AHEAD < end) prefetch_row(x, y, d, indices[k + INDEXED_AHEAD]);
        if (k + INDEXED_AHEAD + 1 < end) prefetch_row(x, y, d, indices[k + INDEXED_AHEAD + 1]);
    } else if (k + stream_rows + 2 <= end) {
        const double *next = x + (k + stream_rows) * d;
        for (ptrdiff_t j = 0; j < 2 * d; j += 8) descent_prefetch(next + j);
    }
}

ALWAYS_INLINE ptrdiff_t stream_rows_for(ptrdiff_t d) {
    ptrdiff_t rows = STREAM_AHEAD_BYTES / (ptrdiff_t)sizeof(double) / (d > 0 ? d : 1);
    return rows < 8 ? 8 : rows;
}

ALWAYS_INLINE void prefetch_first(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
                                  ptrdiff_t begin, ptrdiff_t end) {
    if (!indices) return;
    for (ptrdiff_t k = begin; k < end && k < begin + INDEXED_AHEAD; k++) prefetch_row(x, y, d, indices[k]);
}

// MARK: Baseline (two-lane vectors of the compiler's baseline target; also aarch64 NEON)

typedef double v2d __attribute__((vector_size(16)));

ALWAYS_INLINE v2d load2(const double *p) {
    v2d v;
    memcpy(&v, p, sizeof v);
    return v;
}

ALWAYS_INLINE void store2(double *p, v2d v) { memcpy(p, &v, sizeof v); }

/// Lanes j, j+1 of a row, standardized when `scaled`: (x − shift)·inverse_scale, rounded after each operation.
ALWAYS_INLINE v2d xs2(const double *row, ptrdiff_t j, const double *shift, const double *inverse_scale,
                       const int scaled) {
#pragma STDC FP_CONTRACT OFF
    v2d v = load2(row + j);
    if (scaled) v = (v - load2(shift + j)) * load2(inverse_scale + j);
    return v;
}

/// Entry j of a row, standardized as `xs2` standardizes it.
ALWAYS_INLINE double xs1(const double *row, ptrdiff_t j, const double *shift, const double *inverse_scale,
                          const int scaled) {
#pragma STDC FP_CONTRACT OFF
    double v = row[j];
    if (scaled) v = (v - shift[j]) * inverse_scale[j];
    return v;
}

/// x·w on two-lane vectors, four lanes at a time, then the scalar tail.
ALWAYS_INLINE double dot_baseline(const double *row, const double *w, ptrdiff_t d, const double *sh,
                                   const double *is, const int scaled) {
    v2d a0 = {0, 0}, a1 = {0, 0};
    ptrdiff_t j = 0;
    for (; j + 4 <= d; j += 4) {
        a0 += xs2(row, j, sh, is, scaled) * load2(w + j);
        a1 += xs2(row, j + 2, sh, is, scaled) * load2(w + j + 2);
    }
    double tail = 0;
    for (; j < d; j++) tail += xs1(row, j, sh, is, scaled) * w[j];
    v2d sum = a0 + a1;
    return (sum[0] + sum[1]) + tail;
}

/// x₀·w and x₁·w, each summed exactly as `dot_baseline` sums it, sharing the loads of w.
ALWAYS_INLINE void dot2_baseline(const double *r0, const double *r1, const double *w, ptrdiff_t d,
                                 double *p0, double *p1, const double *sh, const double *is, const int scaled) {
    v2d a0 = {0, 0}, a1 = {0, 0}, b0 = {0, 0}, b1 = {0, 0};
    ptrdiff_t j = 0;
    for (; j + 4 <= d; j += 4) {
        v2d w0 = load2(w + j), w1 = load2(w + j + 2);
        a0 += xs2(r0, j, sh, is, scaled) * w0;
        a1 += xs2(r0, j + 2, sh, is, scaled) * w1;
        b0 += xs2(r1, j, sh, is, scaled) * w0;
        b1 += xs2(r1, j + 2, sh, is, scaled) * w1;
    }
    double tail0 = 0, tail1 = 0;
    for (; j < d; j++) {
        tail0 += xs1(r0, j, sh, is, scaled) * w[j];
        tail1 += xs1(r1, j, sh, is, scaled) * w[j];
    }
    v2d sum0 = a0 + a1, sum1 = b0 + b1;
    *p0 = (sum0[0] + sum0[1]) + tail0;
    *p1 = (sum1[0] + sum1[1]) + tail1;
}

ALWAYS_INLINE double pass_baseline(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
                                   ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g,
                                   const double *sh, const double *is, const int scaled) {
    for (ptrdiff_t j = 0; j < d; j++) g[j] = 0;
    double sse0 = 0, sse1 = 0, rs0 = 0, rs1 = 0;
    ptrdiff_t stream_rows = stream_rows_for(d);
    prefetch_first(x, y, d, indices, begin, end);
    ptrdiff_t k = begin;
    for (; k + 2 <= end; k += 2) {
        prefetch_ahead(x, y, d, indices, k, end, stream_rows);
        ptrdiff_t i0 = row_at(indices, k), i1 = row_at(indices, k + 1);
        const double *row0 = x + i0 * d, *row1 = x + i1 * d;
        double p0, p1;
        dot2_baseline(row0, row1, w, d, &p0, &p1, sh, is, scaled);
        double e0 = (p0 + b) - y[i0], e1 = (p1 + b) - y[i1];
        sse0 += e0 * e0;
        sse1 += e1 * e1;
        rs0 += e0;
        rs1 += e1;
        v2d s0 = {e0, e0}, s1 = {e1, e1};
        ptrdiff_t j = 0;
        for (; j + 2 <= d; j += 2) {
            v2d x0 = xs2(row0, j, sh, is, scaled), x1 = xs2(row1, j, sh, is, scaled);
            store2(g + j, load2(g + j) + (s0 * x0 + s1 * x1));
        }
        if (j < d) {
            double x0 = xs1(row0, j, sh, is, scaled), x1 = xs1(row1, j, sh, is, scaled);
            g[j] += e0 * x0 + e1 * x1;
        }
    }
    if (k < end) {
        ptrdiff_t i = row_at(indices, k);
        const double *row = x + i * d;
        double e = (dot_baseline(row, w, d, sh, is, scaled) + b) - y[i];
        sse0 += e * e;
        rs0 += e;
        v2d s = {e, e};
        ptrdiff_t j = 0;
        for (; j + 2 <= d; j += 2) store2(g + j, load2(g + j) + s * xs2(row, j, sh, is, scaled));
        if (j < d) g[j] += e * xs1(row, j, sh, is, scaled);
    }
    g[d] = rs0 + rs1;
    return sse0 + sse1;
}

ALWAYS_INLINE double squares_baseline(const double *x, const double *y, ptrdiff_t d, ptrdiff_t begin,
                                      ptrdiff_t end, const double *w, double b, const double *sh, const double *is,
                                      const int scaled) {
    double sse0 = 0, sse1 = 0;
    ptrdiff_t stream_rows = stream_rows_for(d);
    ptrdiff_t k = begin;
    for (; k + 2 <= end; k += 2) {
        prefetch_ahead(x, y, d, NULL, k, end, stream_rows);
        double p0, p1;
        dot2_baseline(x + k * d, x + (k + 1) * d, w, d, &p0, &p1, sh, is, scaled);
        double e0 = (p0 + b) - y[k], e1 = (p1 + b) - y[k + 1];
        sse0 += e0 * e0;
        sse1 += e1 * e1;
    }
    if (k < end) {
        double e = (dot_baseline(x + k * d, w, d, sh, is, scaled) + b) - y[k];
        sse0 += e * e;
    }
    return sse0 + sse1;
}

#if defined(__x86_64__)

// MARK: AVX2 + FMA (four doubles a register)

#define AVX2 __attribute__((target("avx2,fma")))

AVX2 ALWAYS_INLINE __m256i avx2_tail_mask(ptrdiff_t lanes) {
    return _mm256_cmpgt_epi64(_mm256_set1_epi64x(lanes), _mm256_setr_epi64x(0, 1, 2, 3));
}

/// Block k (four lanes) of a row of d values; lanes past d read as 0 and never touch memory.
AVX2 ALWAYS_INLINE __m256d avx2_block(const double *p, ptrdiff_t k, ptrdiff_t nb, __m256i tail) {
    return k + 1 < nb ? _mm256_loadu_pd(p + 4 * k) : _mm256_maskload_pd(p + 4 * k, tail);
}

/// Full block q (four lanes) of a row, standardized when `scaled`.
AVX2 ALWAYS_INLINE __m256d avx2_xload(const double *p, ptrdiff_t q, const double *sh, const double *is, const int scaled);

/// (v − shift)·inverse_scale: two roundings, never one fused operation.
AVX2 ALWAYS_INLINE __m256d avx2_standardize(__m256d v, __m256d shift, __m256d inverse_scale) {
    return _mm256_mul_pd(_mm256_sub_pd(v, shift), inverse_scale);
}

/// `avx2_block` of a row, standardized when `scaled` (masked lanes stay 0).
AVX2 ALWAYS_INLINE __m256d avx2_xblock(const double *p, ptrdiff_t k, ptrdiff_t nb, __m256i tail, const double *sh,
                                      const double *is, const int scaled) {
    __m256d v = avx2_block(p, k, nb, tail);
    return scaled ? avx2_standardize(v, avx2_block(sh, k, nb, tail), avx2_block(is, k, nb, tail)) : v;
}

AVX2 ALWAYS_INLINE __m256d avx2_xload(const double *p, ptrdiff_t q, const double *sh, const double *is, const int scaled) {
    __m256d v = _mm256_loadu_pd(p + 4 * q);
    return scaled ? avx2_standardize(v, _mm256_loadu_pd(sh + 4 * q), _mm256_loadu_pd(is + 4 * q)) : v;
}

AVX2 ALWAYS_INLINE double avx2_sum(__m256d v) {
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

/// The pass with w and the gradient held in `nb` registers each (d ≤ 4·nb), for nb a constant after inlining.
AVX2 ALWAYS_INLINE double pass_avx2_registers(
    const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end,
    const double *w, double b, double *g, const ptrdiff_t nb, const int gradient, const double *sh,
    const double *is, const int scaled) {
    __m256i tail = avx2_tail_mask(d - 4 * (nb - 1));
    __m256d wv[4], gv[4], sv[4], iv[4];
    for (ptrdiff_t q = 0; q < nb; q++) {
        wv[q] = avx2_block(w, q, nb, tail);
        gv[q] = _mm256_setzero_pd();
        sv[q] = scaled ? avx2_block(sh, q, nb, tail) : _mm256_setzero_pd();
        iv[q] = scaled ? avx2_block(is, q, nb, tail) : _mm256_setzero_pd();
    }
    double sse0 = 0, sse1 = 0, rs0 = 0, rs1 = 0;
    ptrdiff_t stream_rows = stream_rows_for(d);
    prefetch_first(x, y, d, indices, begin, end);
    ptrdiff_t k = begin;
    for (; k + 2 <= end; k += 2) {
        prefetch_ahead(x, y, d, indices, k, end, stream_rows);
        ptrdiff_t i0 = row_at(indices, k), i1 = row_at(indices, k + 1);
        const double *row0 = x + i0 * d, *row1 = x + i1 * d;
        __m256d a[4], c[4];
        for (ptrdiff_t q = 0; q < nb; q++) {
            a[q] = avx2_block(row0, q, nb, tail);
            c[q] = avx2_block(row1, q, nb, tail);
            if (scaled) {
                a[q] = avx2_standardize(a[q], sv[q], iv[q]);
                c[q] = avx2_standardize(c[q], sv[q], iv[q]);
            }
        }
        __m256d p0 = _mm256_mul_pd(a[0], wv[0]), p1 = _mm256_mul_pd(c[0], wv[0]);
        for (ptrdiff_t q = 1; q < nb; q++) {
            p0 = _mm256_fmadd_pd(a[q], wv[q], p0);
            p1 = _mm256_fmadd_pd(c[q], wv[q], p1);
        }
        double e0 = (avx2_sum(p0) + b) - y[i0], e1 = (avx2_sum(p1) + b) - y[i1];
        sse0 = __builtin_fma(e0, e0, sse0);
        sse1 = __builtin_fma(e1, e1, sse1);
        if (gradient) {
            rs0 += e0;
            rs1 += e1;
            __m256d s0 = _mm256_set1_pd(e0), s1 = _mm256_set1_pd(e1);
            for (ptrdiff_t q = 0; q < nb; q++) gv[q] = _mm256_fmadd_pd(s1, c[q], _mm256_fmadd_pd(s0, a[q], gv[q]));
        }
    }
    if (k < end) {
        ptrdiff_t i = row_at(indices, k);
        const double *row = x + i * d;
        __m256d a[4];
        for (ptrdiff_t q = 0; q < nb; q++) {
            a[q] = avx2_block(row, q, nb, tail);
            if (scaled) a[q] = avx2_standardize(a[q], sv[q], iv[q]);
        }
        __m256d p = _mm256_mul_pd(a[0], wv[0]);
        for (ptrdiff_t q = 1; q < nb; q++) p = _mm256_fmadd_pd(a[q], wv[q], p);
        double e = (avx2_sum(p) + b) - y[i];
        sse0 = __builtin_fma(e, e, sse0);
        if (gradient) {
            rs0 += e;
            __m256d s = _mm256_set1_pd(e);
            for (ptrdiff_t q = 0; q < nb; q++) gv[q] = _mm256_fmadd_pd(s, a[q], gv[q]);
        }
    }
    if (gradient) {
        for (ptrdiff_t q = 0; q + 1 < nb; q++) _mm256_storeu_pd(g + 4 * q, gv[q]);
        _mm256_maskstore_pd(g + 4 * (nb - 1), tail, gv[nb - 1]);
        g[d] = rs0 + rs1;
    }
    return sse0 + sse1;
}

/// The pass for any d: w read from memory, the gradient accumulated in `g` itself.
AVX2 ALWAYS_INLINE double pass_avx2_memory(
    const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end,
    const double *w, double b, double *g, const int gradient, const double *sh, const double *is,
    const int scaled) {
    ptrdiff_t nb = (d + 3) / 4;
    __m256i tail = avx2_tail_mask(d - 4 * (nb - 1));
    if (gradient) for (ptrdiff_t j = 0; j < d; j++) g[j] = 0;
    double sse0 = 0, sse1 = 0, rs0 = 0, rs1 = 0;
    ptrdiff_t stream_rows = stream_rows_for(d);
    prefetch_first(x, y, d, indices, begin, end);
    ptrdiff_t k = begin;
    for (; k + 2 <= end; k += 2) {
        prefetch_ahead(x, y, d, indices, k, end, stream_rows);
        ptrdiff_t i0 = row_at(indices, k), i1 = row_at(indices, k + 1);
        const double *row0 = x + i0 * d, *row1 = x + i1 * d;
        __m256d wq = avx2_block(w, 0, nb, tail);
        __m256d p0 = _mm256_mul_pd(avx2_xblock(row0, 0, nb, tail, sh, is, scaled), wq);
        __m256d p1 = _mm256_mul_pd(avx2_xblock(row1, 0, nb, tail, sh, is, scaled), wq);
        for (ptrdiff_t q = 1; q < nb; q++) {
            wq = avx2_block(w, q, nb, tail);
            p0 = _mm256_fmadd_pd(avx2_xblock(row0, q, nb, tail, sh, is, scaled), wq, p0);
            p1 = _mm256_fmadd_pd(avx2_xblock(row1, q, nb, tail, sh, is, scaled), wq, p1);
        }
        double e0 = (avx2_sum(p0) + b) - y[i0], e1 = (avx2_sum(p1) + b) - y[i1];
        sse0 = __builtin_fma(e0, e0, sse0);
        sse1 = __builtin_fma(e1, e1, sse1);
        if (gradient) {
            rs0 += e0;
            rs1 += e1;
            __m256d s0 = _mm256_set1_pd(e0), s1 = _mm256_set1_pd(e1);
            for (ptrdiff_t q = 0; q + 1 < nb; q++) {
                __m256d gq = _mm256_loadu_pd(g + 4 * q);
                gq = _mm256_fmadd_pd(s1, avx2_xload(row1, q, sh, is, scaled), _mm256_fmadd_pd(s0, avx2_xload(row0, q, sh, is, scaled), gq));
                _mm256_storeu_pd(g + 4 * q, gq);
            }
            ptrdiff_t q = nb - 1;
            __m256d gq = _mm256_maskload_pd(g + 4 * q, tail);
            gq = _mm256_fmadd_pd(s1, avx2_xblock(row1, q, nb, tail, sh, is, scaled), _mm256_fmadd_pd(s0, avx2_xblock(row0, q, nb, tail, sh, is, scaled), gq));
            _mm256_maskstore_pd(g + 4 * q, tail, gq);
        }
    }
    if (k < end) {
        ptrdiff_t i = row_at(indices, k);
        const double *row = x + i * d;
        __m256d p = _mm256_mul_pd(avx2_xblock(row, 0, nb, tail, sh, is, scaled), avx2_block(w, 0, nb, tail));
        for (ptrdiff_t q = 1; q < nb; q++) p = _mm256_fmadd_pd(avx2_xblock(row, q, nb, tail, sh, is, scaled), avx2_block(w, q, nb, tail), p);
        double e = (avx2_sum(p) + b) - y[i];
        sse0 = __builtin_fma(e, e, sse0);
        if (gradient) {
            rs0 += e;
            __m256d s = _mm256_set1_pd(e);
            for (ptrdiff_t q = 0; q < nb; q++) {
                __m256d gq = _mm256_maskload_pd(g + 4 * q, q + 1 < nb ? _mm256_set1_epi64x(-1) : tail);
                gq = _mm256_fmadd_pd(s, avx2_xblock(row, q, nb, tail, sh, is, scaled), gq);
                _mm256_maskstore_pd(g + 4 * q, q + 1 < nb ? _mm256_set1_epi64x(-1) : tail, gq);
            }
        }
    }
    if (gradient) g[d] = rs0 + rs1;
    return sse0 + sse1;
}

AVX2 ALWAYS_INLINE double pass_avx2_any(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
                             ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g, int gradient,
    const double *sh, const double *is, const int scaled) {
    switch ((d + 3) / 4) {
    case 1: return pass_avx2_registers(x, y, d, indices, begin, end, w, b, g, 1, gradient, sh, is, scaled);
    case 2: return pass_avx2_registers(x, y, d, indices, begin, end, w, b, g, 2, gradient, sh, is, scaled);
    case 3: return pass_avx2_registers(x, y, d, indices, begin, end, w, b, g, 3, gradient, sh, is, scaled);
    case 4: return pass_avx2_registers(x, y, d, indices, begin, end, w, b, g, 4, gradient, sh, is, scaled);
    default: return pass_avx2_memory(x, y, d, indices, begin, end, w, b, g, gradient, sh, is, scaled);
    }
}

/// The pass on the stored values.
AVX2 static double pass_avx2_raw(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
    ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g, int gradient) {
    return pass_avx2_any(x, y, d, indices, begin, end, w, b, g, gradient, NULL, NULL, 0);
}

/// The pass on the values standardized as they are read.
AVX2 static double pass_avx2_scaled(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
    ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g, int gradient, const double *sh,
    const double *is) {
    return pass_avx2_any(x, y, d, indices, begin, end, w, b, g, gradient, sh, is, 1);
}

// MARK: AVX-512F + FMA (eight doubles a register)

#define AVX512 __attribute__((target("avx512f,fma")))

/// Block k (eight lanes) of a row of d values; lanes past d read as 0 and never touch memory.
AVX512 ALWAYS_INLINE __m512d avx512_block(const double *p, ptrdiff_t k, ptrdiff_t nb, __mmask8 tail) {
    return k + 1 < nb ? _mm512_loadu_pd(p + 8 * k) : _mm512_maskz_loadu_pd(tail, p + 8 * k);
}

/// (v − shift)·inverse_scale: two roundings, never one fused operation.
AVX512 ALWAYS_INLINE __m512d avx512_standardize(__m512d v, __m512d shift, __m512d inverse_scale) {
    return _mm512_mul_pd(_mm512_sub_pd(v, shift), inverse_scale);
}

/// `avx512_block` of a row, standardized when `scaled` (masked lanes stay 0).
AVX512 ALWAYS_INLINE __m512d avx512_xblock(const double *p, ptrdiff_t k, ptrdiff_t nb, __mmask8 tail, const double *sh,
                                      const double *is, const int scaled) {
    __m512d v = avx512_block(p, k, nb, tail);
    return scaled ? avx512_standardize(v, avx512_block(sh, k, nb, tail), avx512_block(is, k, nb, tail)) : v;
}

AVX512 ALWAYS_INLINE double avx512_sum(__m512d v) {
    __m256d h = _mm256_add_pd(_mm512_castpd512_pd256(v), _mm512_extractf64x4_pd(v, 1));
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(h), _mm256_extractf128_pd(h, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

AVX512 ALWAYS_INLINE __mmask8 avx512_tail_mask(ptrdiff_t lanes) { return (__mmask8)((1u << lanes) - 1u); }

/// The pass with w and the gradient held in `nb` registers each (d ≤ 8·nb), for nb a constant after inlining.
AVX512 ALWAYS_INLINE double pass_avx512_registers(
    const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end,
    const double *w, double b, double *g, const ptrdiff_t nb, const int gradient, const double *sh,
    const double *is, const int scaled) {
    __mmask8 tail = avx512_tail_mask(d - 8 * (nb - 1));
    __m512d wv[4], gv[4], sv[4], iv[4];
    for (ptrdiff_t q = 0; q < nb; q++) {
        wv[q] = avx512_block(w, q, nb, tail);
        gv[q] = _mm512_setzero_pd();
        sv[q] = scaled ? avx512_block(sh, q, nb, tail) : _mm512_setzero_pd();
        iv[q] = scaled ? avx512_block(is, q, nb, tail) : _mm512_setzero_pd();
    }
    double sse0 = 0, sse1 = 0, rs0 = 0, rs1 = 0;
    ptrdiff_t stream_rows = stream_rows_for(d);
    prefetch_first(x, y, d, indices, begin, end);
    ptrdiff_t k = begin;
    for (; k + 2 <= end; k += 2) {
        prefetch_ahead(x, y, d, indices, k, end, stream_rows);
        ptrdiff_t i0 = row_at(indices, k), i1 = row_at(indices, k + 1);
        const double *row0 = x + i0 * d, *row1 = x + i1 * d;
        __m512d a[4], c[4];
        for (ptrdiff_t q = 0; q < nb; q++) {
            a[q] = avx512_block(row0, q, nb, tail);
            c[q] = avx512_block(row1, q, nb, tail);
            if (scaled) {
                a[q] = avx512_standardize(a[q], sv[q], iv[q]);
                c[q] = avx512_standardize(c[q], sv[q], iv[q]);
            }
        }
        __m512d p0 = _mm512_mul_pd(a[0], wv[0]), p1 = _mm512_mul_pd(c[0], wv[0]);
        for (ptrdiff_t q = 1; q < nb; q++) {
            p0 = _mm512_fmadd_pd(a[q], wv[q], p0);
            p1 = _mm512_fmadd_pd(c[q], wv[q], p1);
        }
        double e0 = (avx512_sum(p0) + b) - y[i0], e1 = (avx512_sum(p1) + b) - y[i1];
        sse0 = __builtin_fma(e0, e0, sse0);
        sse1 = __builtin_fma(e1, e1, sse1);
        if (gradient) {
            rs0 += e0;
            rs1 += e1;
            __m512d s0 = _mm512_set1_pd(e0), s1 = _mm512_set1_pd(e1);
            for (ptrdiff_t q = 0; q < nb; q++) gv[q] = _mm512_fmadd_pd(s1, c[q], _mm512_fmadd_pd(s0, a[q], gv[q]));
        }
    }
    if (k < end) {
        ptrdiff_t i = row_at(indices, k);
        const double *row = x + i * d;
        __m512d a[4];
        for (ptrdiff_t q = 0; q < nb; q++) {
            a[q] = avx512_block(row, q, nb, tail);
            if (scaled) a[q] = avx512_standardize(a[q], sv[q], iv[q]);
        }
        __m512d p = _mm512_mul_pd(a[0], wv[0]);
        for (ptrdiff_t q = 1; q < nb; q++) p = _mm512_fmadd_pd(a[q], wv[q], p);
        double e = (avx512_sum(p) + b) - y[i];
        sse0 = __builtin_fma(e, e, sse0);
        if (gradient) {
            rs0 += e;
            __m512d s = _mm512_set1_pd(e);
            for (ptrdiff_t q = 0; q < nb; q++) gv[q] = _mm512_fmadd_pd(s, a[q], gv[q]);
        }
    }
    if (gradient) {
        for (ptrdiff_t q = 0; q + 1 < nb; q++) _mm512_storeu_pd(g + 8 * q, gv[q]);
        _mm512_mask_storeu_pd(g + 8 * (nb - 1), tail, gv[nb - 1]);
        g[d] = rs0 + rs1;
    }
    return sse0 + sse1;
}

/// The pass for any d: w read from memory, the gradient accumulated in `g` itself.
AVX512 ALWAYS_INLINE double pass_avx512_memory(
    const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end,
    const double *w, double b, double *g, const int gradient, const double *sh, const double *is,
    const int scaled) {
    ptrdiff_t nb = (d + 7) / 8;
    __mmask8 tail = avx512_tail_mask(d - 8 * (nb - 1));
    if (gradient) for (ptrdiff_t j = 0; j < d; j++) g[j] = 0;
    double sse0 = 0, sse1 = 0, rs0 = 0, rs1 = 0;
    ptrdiff_t stream_rows = stream_rows_for(d);
    prefetch_first(x, y, d, indices, begin, end);
    ptrdiff_t k = begin;
    for (; k + 2 <= end; k += 2) {
        prefetch_ahead(x, y, d, indices, k, end, stream_rows);
        ptrdiff_t i0 = row_at(indices, k), i1 = row_at(indices, k + 1);
        const double *row0 = x + i0 * d, *row1 = x + i1 * d;
        __m512d wq = avx512_block(w, 0, nb, tail);
        __m512d p0 = _mm512_mul_pd(avx512_xblock(row0, 0, nb, tail, sh, is, scaled), wq);
        __m512d p1 = _mm512_mul_pd(avx512_xblock(row1, 0, nb, tail, sh, is, scaled), wq);
        for (ptrdiff_t q = 1; q < nb; q++) {
            wq = avx512_block(w, q, nb, tail);
            p0 = _mm512_fmadd_pd(avx512_xblock(row0, q, nb, tail, sh, is, scaled), wq, p0);
            p1 = _mm512_fmadd_pd(avx512_xblock(row1, q, nb, tail, sh, is, scaled), wq, p1);
        }
        double e0 = (avx512_sum(p0) + b) - y[i0], e1 = (avx512_sum(p1) + b) - y[i1];
        sse0 = __builtin_fma(e0, e0, sse0);
        sse1 = __builtin_fma(e1, e1, sse1);
        if (gradient) {
            rs0 += e0;
            rs1 += e1;
            __m512d s0 = _mm512_set1_pd(e0), s1 = _mm512_set1_pd(e1);
            for (ptrdiff_t q = 0; q < nb; q++) {
                __mmask8 m = q + 1 < nb ? (__mmask8)0xFF : tail;
                __m512d gq = _mm512_maskz_loadu_pd(m, g + 8 * q);
                gq = _mm512_fmadd_pd(s1, avx512_xblock(row1, q, nb, tail, sh, is, scaled), _mm512_fmadd_pd(s0, avx512_xblock(row0, q, nb, tail, sh, is, scaled), gq));
                _mm512_mask_storeu_pd(g + 8 * q, m, gq);
            }
        }
    }
    if (k < end) {
        ptrdiff_t i = row_at(indices, k);
        const double *row = x + i * d;
        __m512d p = _mm512_mul_pd(avx512_xblock(row, 0, nb, tail, sh, is, scaled), avx512_block(w, 0, nb, tail));
        for (ptrdiff_t q = 1; q < nb; q++) p = _mm512_fmadd_pd(avx512_xblock(row, q, nb, tail, sh, is, scaled), avx512_block(w, q, nb, tail), p);
        double e = (avx512_sum(p) + b) - y[i];
        sse0 = __builtin_fma(e, e, sse0);
        if (gradient) {
            rs0 += e;
            __m512d s = _mm512_set1_pd(e);
            for (ptrdiff_t q = 0; q < nb; q++) {
                __mmask8 m = q + 1 < nb ? (__mmask8)0xFF : tail;
                __m512d gq = _mm512_maskz_loadu_pd(m, g + 8 * q);
                gq = _mm512_fmadd_pd(s, avx512_xblock(row, q, nb, tail, sh, is, scaled), gq);
                _mm512_mask_storeu_pd(g + 8 * q, m, gq);
            }
        }
    }
    if (gradient) g[d] = rs0 + rs1;
    return sse0 + sse1;
}

AVX512 ALWAYS_INLINE double pass_avx512_any(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
                                 ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g, int gradient,
    const double *sh, const double *is, const int scaled) {
    switch ((d + 7) / 8) {
    case 1: return pass_avx512_registers(x, y, d, indices, begin, end, w, b, g, 1, gradient, sh, is, scaled);
    case 2: return pass_avx512_registers(x, y, d, indices, begin, end, w, b, g, 2, gradient, sh, is, scaled);
    case 3: return pass_avx512_registers(x, y, d, indices, begin, end, w, b, g, 3, gradient, sh, is, scaled);
    case 4: return pass_avx512_registers(x, y, d, indices, begin, end, w, b, g, 4, gradient, sh, is, scaled);
    default: return pass_avx512_memory(x, y, d, indices, begin, end, w, b, g, gradient, sh, is, scaled);
    }
}

/// The pass on the stored values.
AVX512 static double pass_avx512_raw(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
    ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g, int gradient) {
    return pass_avx512_any(x, y, d, indices, begin, end, w, b, g, gradient, NULL, NULL, 0);
}

/// The pass on the values standardized as they are read.
AVX512 static double pass_avx512_scaled(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
    ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g, int gradient, const double *sh,
    const double *is) {
    return pass_avx512_any(x, y, d, indices, begin, end, w, b, g, gradient, sh, is, 1);
}

#endif

// MARK: Dispatch

/// The baseline pass on the stored values.
static double pass_baseline_raw(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
                                ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g) {
    return pass_baseline(x, y, d, indices, begin, end, w, b, g, NULL, NULL, 0);
}

/// The baseline pass on the values standardized as they are read.
static double pass_baseline_scaled(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices,
                                   ptrdiff_t begin, ptrdiff_t end, const double *w, double b, double *g,
                                   const double *sh, const double *is) {
    return pass_baseline(x, y, d, indices, begin, end, w, b, g, sh, is, 1);
}

/// The baseline loss-only pass on the stored values.
static double squares_baseline_raw(const double *x, const double *y, ptrdiff_t d, ptrdiff_t begin, ptrdiff_t end,
                                   const double *w, double b) {
    return squares_baseline(x, y, d, begin, end, w, b, NULL, NULL, 0);
}

/// The baseline loss-only pass on the values standardized as they are read.
static double squares_baseline_scaled(const double *x, const double *y, ptrdiff_t d, ptrdiff_t begin,
                                      ptrdiff_t end, const double *w, double b, const double *sh, const double *is) {
    return squares_baseline(x, y, d, begin, end, w, b, sh, is, 1);
}

double descent_residual_pass_at_level(
    descent_vector_level level, const double *x, const double *y, ptrdiff_t d, const double *shift,
    const double *inverse_scale, const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end, const double *w,
    double intercept, double *gradient) {
    const int scaled = shift != NULL && inverse_scale != NULL;
#if defined(__x86_64__)
    if (d > 0 && level == DESCENT_VECTOR_AVX512) {
        return scaled ? pass_avx512_scaled(x, y, d, indices, begin, end, w, intercept, gradient, 1, shift, inverse_scale)
                      : pass_avx512_raw(x, y, d, indices, begin, end, w, intercept, gradient, 1);
    }
    if (d > 0 && level == DESCENT_VECTOR_AVX2) {
        return scaled ? pass_avx2_scaled(x, y, d, indices, begin, end, w, intercept, gradient, 1, shift, inverse_scale)
                      : pass_avx2_raw(x, y, d, indices, begin, end, w, intercept, gradient, 1);
    }
#endif
    (void)level;
    return scaled ? pass_baseline_scaled(x, y, d, indices, begin, end, w, intercept, gradient, shift, inverse_scale)
                  : pass_baseline_raw(x, y, d, indices, begin, end, w, intercept, gradient);
}

double descent_residual_pass(
    const double *x, const double *y, ptrdiff_t d, const double *shift, const double *inverse_scale,
    const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end, const double *w, double intercept, double *gradient) {
    return descent_residual_pass_at_level(
        descent_vector_level_current(), x, y, d, shift, inverse_scale, indices, begin, end, w, intercept, gradient);
}

double descent_squared_residuals_at_level(
    descent_vector_level level, const double *x, const double *y, ptrdiff_t d, const double *shift,
    const double *inverse_scale, ptrdiff_t begin, ptrdiff_t end, const double *w, double intercept) {
    const int scaled = shift != NULL && inverse_scale != NULL;
#if defined(__x86_64__)
    if (d > 0 && level == DESCENT_VECTOR_AVX512) {
        return scaled ? pass_avx512_scaled(x, y, d, NULL, begin, end, w, intercept, NULL, 0, shift, inverse_scale)
                      : pass_avx512_raw(x, y, d, NULL, begin, end, w, intercept, NULL, 0);
    }
    if (d > 0 && level == DESCENT_VECTOR_AVX2) {
        return scaled ? pass_avx2_scaled(x, y, d, NULL, begin, end, w, intercept, NULL, 0, shift, inverse_scale)
                      : pass_avx2_raw(x, y, d, NULL, begin, end, w, intercept, NULL, 0);
    }
#endif
    (void)level;
    return scaled ? squares_baseline_scaled(x, y, d, begin, end, w, intercept, shift, inverse_scale)
                  : squares_baseline_raw(x, y, d, begin, end, w, intercept);
}

double descent_squared_residuals(
    const double *x, const double *y, ptrdiff_t d, const double *shift, const double *inverse_scale, ptrdiff_t begin,
    ptrdiff_t end, const double *w, double intercept) {
    return descent_squared_residuals_at_level(
        descent_vector_level_current(), x, y, d, shift, inverse_scale, begin, end, w, intercept);
}

void descent_prefetch_rows(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t count) {
    for (ptrdiff_t k = 0; k < count; k++) {
        const double *row = x + indices[k] * d;
        for (ptrdiff_t j = 0; j < d; j += 8) descent_prefetch_to_l2(row + j);
        descent_prefetch_to_l2(row + (d - 1));
        descent_prefetch_to_l2(y + indices[k]);
    }
}
