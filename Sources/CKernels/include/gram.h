// The Gram matrix of shifted rows [x − s, 1, y − t]: the closed-form solver's one compute-bound pass.
#ifndef DESCENT_GRAM_H
#define DESCENT_GRAM_H

#include <stddef.h>
#include "vector_level.h"

/// Rows summed into one block's accumulators before the block joins the running total.
#define DESCENT_GRAM_BLOCK_ROWS 1024

/// Writes AᵀA, order columns + 2, for the `rows` rows A = [x − s, 1, y − t] at `level` (callers pass a level the
/// CPU supports). x is row-major rows × columns; y holds `rows` targets, or is NULL for a zero target column;
/// shift holds s (columns entries), an ignored entry, then t. `gram` receives the full symmetric matrix,
/// row-major. Rows are summed in blocks of DESCENT_GRAM_BLOCK_ROWS in a fixed order, so the result depends only
/// on the inputs and the level. Returns 0, or -1 (and leaves `gram` alone) when scratch memory is unavailable.
int descent_gram_at_level(
    descent_vector_level level, const double *x, const double *y, size_t rows, size_t columns, const double *shift,
    double *gram);

#endif
