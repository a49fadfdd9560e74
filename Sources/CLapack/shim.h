// C shim for LAPACKE and CBLAS (Debian: liblapacke-dev, libopenblas-dev).
#ifndef DESCENT_CLAPACK_SHIM_H
#define DESCENT_CLAPACK_SHIM_H
#include <lapacke.h>
#include <cblas.h>
#endif
