// Gram matrices of shifted rows: outer products of packed row panels kept in registers, one variant per vector level.
#include "gram.h"
#include <stdlib.h>
#include <string.h>

// The baseline variant multiplies and adds separately everywhere (aarch64 would otherwise fuse them).
#pragma STDC FP_CONTRACT OFF

/// Eight doubles: a zmm register at AVX-512, two ymm at AVX2, four SSE2 or NEON registers at baseline.
typedef double gram_vector __attribute__((vector_size(64)));

enum {
    LANES = 8,                  ///< doubles in a gram_vector
    PANEL_ROWS = 64,            ///< packed rows streamed through one tile: 64 × 8 × 40 B = 20 KB, in L1
    MOST_TILE_COLUMNS = 12,     ///< the widest tile: 12 accumulators (AVX-512 has 32 registers)
};

/// block[k][j…j+7] += Σᵢ panel[i][j…j+7]·panel[i][k] for the `count` columns k from `first`, accumulators in
/// registers while the panel's rows stream past (inlined with constant `count` and `fused`). The first
/// `ahead_lines` iterations each prefetch one cache line from `ahead`.
static inline __attribute__((always_inline)) void gram_tile(
    const double *panel, size_t rows, size_t stride, size_t j, size_t first, const size_t count, const int fused,
    double *block, const char *ahead, size_t ahead_lines) {
    gram_vector sums[MOST_TILE_COLUMNS];
    for (size_t c = 0; c < count; c++) memcpy(&sums[c], block + (first + c) * stride + j, sizeof(gram_vector));
    // Pointers walk the panel, so every load is base + displacement (Intel splits FMAs with an indexed
    // memory operand into two micro-ops at issue).
    const double *lanes = panel + j, *column = panel + first;
    for (size_t i = 0; i < rows; i++, lanes += stride, column += stride) {
        if (i < ahead_lines) __builtin_prefetch(ahead + 64 * i, 0, 3);
        gram_vector a;
        memcpy(&a, lanes, sizeof a);
        for (size_t c = 0; c < count; c++) {
            double v = column[c];
            gram_vector b = {v, v, v, v, v, v, v, v};
            sums[c] = fused ? __builtin_elementwise_fma(a, b, sums[c]) : sums[c] + a * b;
        }
    }
    for (size_t c = 0; c < count; c++) memcpy(block + (first + c) * stride + j, &sums[c], sizeof(gram_vector));
}

/// Adds the panel's outer products to the upper triangle of `block` (rows k, eight-lane groups of j ≤ k), in tiles
/// of at most `most` columns; a tile's width is a constant in each switch case so its accumulators stay in registers.
/// The tiles share out the prefetching of `next_bytes` from `next` (the following panel's rows), so memory
/// fetches them while this panel's arithmetic runs instead of when they are packed.
static inline __attribute__((always_inline)) void gram_panel(
    const double *panel, size_t rows, size_t stride, size_t order, const size_t most, const int fused, double *block,
    const double *next, size_t next_bytes) {
    size_t all_tiles = 0;
    for (size_t j = 0; j < order; j += LANES) all_tiles += (order - j + most - 1) / most;
    size_t lines = (next_bytes + 63) / 64, tile = 0;
    for (size_t j = 0; j < order; j += LANES) {
        size_t columns = order - j, tiles = (columns + most - 1) / most;
        for (size_t t = 0; t < tiles; t++, tile++) {
            size_t from = j + columns * t / tiles, to = j + columns * (t + 1) / tiles;
            size_t first_line = lines * tile / all_tiles, end_line = lines * (tile + 1) / all_tiles;
            const char *ahead = (const char *)next + 64 * first_line;
            switch (to - from) {
#define GRAM_TILE_CASE(n) \
    case n: gram_tile(panel, rows, stride, j, from, n, fused, block, ahead, end_line - first_line); break;
                GRAM_TILE_CASE(1) GRAM_TILE_CASE(2) GRAM_TILE_CASE(3) GRAM_TILE_CASE(4)
                GRAM_TILE_CASE(5) GRAM_TILE_CASE(6) GRAM_TILE_CASE(7) GRAM_TILE_CASE(8)
                GRAM_TILE_CASE(9) GRAM_TILE_CASE(10) GRAM_TILE_CASE(11) GRAM_TILE_CASE(12)
#undef GRAM_TILE_CASE
                default: break;
            }
        }
    }
}

/// Adds the Gram matrix of `rows` rows (at most DESCENT_GRAM_BLOCK_ROWS) to `block`, packing PANEL_ROWS
/// shifted rows [x − s, 1, y − t, 0…] at a time into `panel` (its padding columns stay zero). Rows up to
/// `available` (≥ rows) may be prefetched: the next block's first panel is fetched during this block's last.
static inline __attribute__((always_inline)) void gram_block(
    const double *x, const double *y, size_t rows, size_t available, size_t columns, const double *shift,
    size_t stride, double *panel, double *block, const size_t most, const int fused) {
    size_t order = columns + 2;
    for (size_t start = 0; start < rows; start += PANEL_ROWS) {
        size_t count = rows - start < PANEL_ROWS ? rows - start : PANEL_ROWS;
        for (size_t i = 0; i < count; i++) {
            const double *source = x + (start + i) * columns;
            double *row = panel + i * stride;
            size_t k = 0;
            for (; k + LANES <= columns; k += LANES) {
                gram_vector value, offset;
                memcpy(&value, source + k, sizeof value);
                memcpy(&offset, shift + k, sizeof offset);
                value -= offset;
                memcpy(row + k, &value, sizeof value);
            }
            for (; k < columns; k++) row[k] = source[k] - shift[k];
            row[columns] = 1;
            row[columns + 1] = y ? y[start + i] - shift[columns + 1] : 0;
        }
        size_t next_start = start + count;
        size_t next_rows = available - next_start < PANEL_ROWS ? available - next_start : PANEL_ROWS;
        if (y) {
            for (size_t b = 0; b < next_rows * sizeof(double); b += 64) {
                __builtin_prefetch((const char *)(y + next_start) + b, 0, 3);
            }
        }
        gram_panel(
            panel, count, stride, order, most, fused, block, x + next_start * columns,
            next_rows * columns * sizeof(double));
    }
}

typedef void gram_block_function(
    const double *x, const double *y, size_t rows, size_t available, size_t columns, const double *shift,
    size_t stride, double *panel, double *block);

static void gram_block_baseline(
    const double *x, const double *y, size_t rows, size_t available, size_t columns, const double *shift,
    size_t stride, double *panel, double *block) {
    gram_block(x, y, rows, available, columns, shift, stride, panel, block, 3, 0);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static void gram_block_avx2(
    const double *x, const double *y, size_t rows, size_t available, size_t columns, const double *shift,
    size_t stride, double *panel, double *block) {
    gram_block(x, y, rows, available, columns, shift, stride, panel, block, 6, 1);
}

__attribute__((target("avx512f,fma"))) static void gram_block_avx512(
    const double *x, const double *y, size_t rows, size_t available, size_t columns, const double *shift,
    size_t stride, double *panel, double *block) {
    gram_block(x, y, rows, available, columns, shift, stride, panel, block, MOST_TILE_COLUMNS, 1);
}
#endif

static gram_block_function *gram_block_at_level(descent_vector_level level) {
#if defined(__x86_64__)
    if (level == DESCENT_VECTOR_AVX512) return gram_block_avx512;
    if (level == DESCENT_VECTOR_AVX2) return gram_block_avx2;
#endif
    (void)level;
    return gram_block_baseline;
}

int descent_gram_at_level(
    descent_vector_level level, const double *x, const double *y, size_t rows, size_t columns, const double *shift,
    double *gram) {
    static const double no_columns = 0;
    if (columns == 0) x = &no_columns;  // x may be NULL then, and C forbids even adding 0 to NULL
    size_t order = columns + 2, stride = (order + LANES - 1) / LANES * LANES;
    size_t panel_size = PANEL_ROWS * stride, matrix_size = order * stride;
    // 64-byte rows at 64-byte boundaries: every vector load and store of the panel and the block is aligned.
    double *scratch = aligned_alloc(64, (panel_size + 2 * matrix_size) * sizeof(double));
    if (scratch == NULL) return -1;
    memset(scratch, 0, (panel_size + 2 * matrix_size) * sizeof(double));
    double *panel = scratch, *block = panel + panel_size, *total = block + matrix_size;
    gram_block_function *accumulate = gram_block_at_level(level);
    for (size_t start = 0; start < rows; start += DESCENT_GRAM_BLOCK_ROWS) {
        size_t count = rows - start < DESCENT_GRAM_BLOCK_ROWS ? rows - start : DESCENT_GRAM_BLOCK_ROWS;
        memset(block, 0, matrix_size * sizeof(double));
        accumulate(
            x + start * columns, y ? y + start : NULL, count, rows - start, columns, shift, stride, panel, block);
        for (size_t e = 0; e < matrix_size; e++) total[e] += block[e];
    }
    for (size_t k = 0; k < order; k++) {
        for (size_t j = 0; j <= k; j++) {
            gram[j * order + k] = total[k * stride + j];
            gram[k * order + j] = total[k * stride + j];
        }
    }
    free(scratch);
    return 0;
}
