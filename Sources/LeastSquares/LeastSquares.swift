// LeastSquares: the closed-form solver, through LAPACK, with certified-grade accuracy and diagnostics.
import CLapack
