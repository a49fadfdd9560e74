# Computes the λmax / κ reference for HessianSpectrumTests with numpy (run once; output committed as reference.json).
# The design is exact in binary: x[i][j] = ((i*31 + j*17 + (i*j) % 13) % 101) / 101 - 0.5, the ones column last.
import json
import numpy as np

def design(n, m, ones):
    d = m - 1 if ones else m
    a = np.array([[((i * 31 + j * 17 + (i * j) % 13) % 101) / 101 - 0.5 for j in range(d)] for i in range(n)])
    return np.column_stack([a, np.ones(n)]) if ones else a

cases = []
for n, m, ones, rho in [(40, 120, True, 0.0), (40, 120, True, 0.7), (40, 120, False, 0.7), (200, 30, True, 0.3), (60, 61, True, 2.5)]:
    a = design(n, m, ones)
    p = np.eye(m)
    if ones:
        p[m - 1, m - 1] = 0
    w = np.linalg.eigvalsh(a.T @ a + rho * p)
    kappa = float(np.sqrt(w[-1] / w[0])) if w[0] > m * np.finfo(float).eps * w[-1] else None
    cases.append({"rows": n, "columns": m, "onesLast": ones, "penalty": rho, "largest": float(w[-1]), "kappa": kappa})
print(json.dumps({"numpy": np.__version__, "cases": cases}, indent=1))
