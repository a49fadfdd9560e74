// The fused residual passes of linear regression over row-major rows: loss and gradient in one read.
#ifndef DESCENT_RESIDUAL_PASS_H
#define DESCENT_RESIDUAL_PASS_H

#include <stddef.h>
#include "vector_level.h"

/// Σr² over rows begin..<end (r = x·w + b − y); writes Σ r·xᵢ to gradient[0..<d] and Σ r to gradient[d].
/// With `shift` and `inverse_scale` (d entries each) non-null, every value is read as (x − shift[j])·inverse_scale[j],
/// subtracted and multiplied with a rounding after each, so the pass gives the bits of the same pass over a copy of
/// x standardized that way; with either NULL the pass runs on x as stored. With `indices` non-null the rows are x[indices[k]·d …] and y[indices[k]] for k in begin..<end, otherwise
/// row k itself; visiting the same rows in the same order gives the same bits either way. Rows are taken two at
/// a time from `begin`, in a fixed order: the same inputs at the same level give the same bits.
double descent_residual_pass_at_level(
    descent_vector_level level, const double *x, const double *y, ptrdiff_t d, const double *shift,
    const double *inverse_scale, const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end, const double *w,
    double intercept, double *gradient);

/// `descent_residual_pass_at_level` at `descent_vector_level_current()`.
double descent_residual_pass(
    const double *x, const double *y, ptrdiff_t d, const double *shift, const double *inverse_scale,
    const ptrdiff_t *indices, ptrdiff_t begin, ptrdiff_t end, const double *w, double intercept, double *gradient);

/// Σr² over rows begin..<end (all of x, no indices), read and summed exactly as `descent_residual_pass_at_level`
/// reads and sums it (standardized on the fly when `shift` and `inverse_scale` are non-null).
double descent_squared_residuals_at_level(
    descent_vector_level level, const double *x, const double *y, ptrdiff_t d, const double *shift,
    const double *inverse_scale, ptrdiff_t begin, ptrdiff_t end, const double *w, double intercept);

/// `descent_squared_residuals_at_level` at `descent_vector_level_current()`.
double descent_squared_residuals(
    const double *x, const double *y, ptrdiff_t d, const double *shift, const double *inverse_scale, ptrdiff_t begin,
    ptrdiff_t end, const double *w, double intercept);

/// Starts fetching the rows indices[0..<count] of x (every cache line of each) and their targets into L2.
void descent_prefetch_rows(const double *x, const double *y, ptrdiff_t d, const ptrdiff_t *indices, ptrdiff_t count);

#endif
