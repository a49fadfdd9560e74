# Writes ridge-sklearn.json: scikit-learn's Ridge on Datasets/diabetes.csv, after a StandardScaler and on the raw features.
# Run from the repository root: python3 Tests/EngineTests/Fixtures/ridge-sklearn.py  (needs numpy, scikit-learn)
import json
import numpy as np
import sklearn
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

data = np.genfromtxt("Datasets/diabetes.csv", delimiter=",", names=True)
names = list(data.dtype.names)
X = np.column_stack([data[c] for c in names[:-1]]).astype(np.float64)
y = data[names[-1]].astype(np.float64)
n = X.shape[0]
cases = []
for alpha in [0.05, 0.5]:
    scaler = StandardScaler().fit(X)  # population standard deviation (ddof=0)
    standardized = Ridge(alpha=n * alpha, solver="svd").fit(scaler.transform(X), y)
    w = standardized.coef_ / scaler.scale_
    b = standardized.intercept_ - float(np.dot(w, scaler.mean_))
    cases.append({"l2": alpha, "standardized": True, "weights": [float(v) for v in w], "intercept": float(b)})
    raw = Ridge(alpha=n * alpha, solver="svd").fit(X, y)
    cases.append({"l2": alpha, "standardized": False, "weights": [float(v) for v in raw.coef_], "intercept": float(raw.intercept_)})
with open("Tests/EngineTests/Fixtures/ridge-sklearn.json", "w") as f:
    json.dump({"source": f"scikit-learn {sklearn.__version__}, Ridge(alpha=n*l2, solver='svd'), n={n}", "cases": cases}, f, indent=1)
    f.write("\n")
