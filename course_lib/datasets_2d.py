r"""Toy data sets on the plane, as in the TensorFlow Playground (playground.tensorflow.org), and their features.

Every generator returns ``(X, y)``: X (n, 2) points (x1, x2) in about [−6, 6]², y (n,) labels 0 or 1
(the Playground's −1 is our 0).  ``noise`` is a share in [0, 0.5] (the Playground's 0–50 %).

=========  ==========================================================================================
circle     label 1 inside radius 2.5, label 0 on the ring 3.5 … 5 (radius 5); noise moves the points
xor        x1, x2 uniform in ±(0.3 … 5.3); label 1 when x1·x2 ≥ 0 (same sign), else 0
gauss      two Gaussian clouds around (2, 2) (label 1) and (−2, −2) (label 0); variance 0.5 + 7·noise
spiral     two interleaved spirals: radius 5·i/m at the angle 3.5π·i/m (+ π for label 0)
=========  ==========================================================================================

Input features (the Playground's FEATURES): ``features(X, ["x1", "x2", "x1^2", …])`` stacks the chosen
columns; names in ``FEATURES``.  ``train_test_split`` shuffles and splits like the Playground.
"""
from __future__ import annotations

import numpy as np

from ._validate import _describe, as_array, as_rng, check_int, check_number
from .i18n import _

#: The data sets ``make_dataset`` generates.
GENERATED = ("circle", "xor", "gauss", "spiral")

#: Input features: name → function of the points X (n, 2) giving one column (n,).
FEATURES = {
    "x1": lambda X: X[:, 0],
    "x2": lambda X: X[:, 1],
    "x1^2": lambda X: X[:, 0] ** 2,
    "x2^2": lambda X: X[:, 1] ** 2,
    "x1*x2": lambda X: X[:, 0] * X[:, 1],
    "sin(x1)": lambda X: np.sin(X[:, 0]),
    "sin(x2)": lambda X: np.sin(X[:, 1]),
}
#: How the features are written on the screen.
FEATURE_LABELS = {"x1": "x1", "x2": "x2", "x1^2": "x1²", "x2^2": "x2²", "x1*x2": "x1·x2",
                  "sin(x1)": "sin x1", "sin(x2)": "sin x2"}


def _circle(n, noise, rng):
    radius = 5.0
    X, y = [], []
    for inner, (r_lo, r_hi) in ((True, (0.0, 0.5 * radius)), (False, (0.7 * radius, radius))):
        m = n // 2 if inner else n - n // 2
        r = rng.uniform(r_lo, r_hi, m)
        angle = rng.uniform(0, 2 * np.pi, m)
        P = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
        P += rng.uniform(-radius, radius, (m, 2)) * noise
        X.append(P)
        y.append((np.hypot(P[:, 0], P[:, 1]) < 0.5 * radius).astype(np.intp))   # label of the moved point
    return np.vstack(X), np.concatenate(y)


def _xor(n, noise, rng):
    padding = 0.3
    P = rng.uniform(-5, 5, (n, 2))
    P += np.where(P > 0, padding, -padding)          # keep a gap around the axes
    P += rng.uniform(-5, 5, (n, 2)) * noise
    return P, (P[:, 0] * P[:, 1] >= 0).astype(np.intp)


def _gauss(n, noise, rng):
    variance = 0.5 + 7.0 * noise                     # the Playground: 0.5 … 4 for noise 0 … 0.5
    m = n // 2
    ones = rng.normal(2.0, np.sqrt(variance), (m, 2))
    zeros = rng.normal(-2.0, np.sqrt(variance), (n - m, 2))
    return np.vstack([ones, zeros]), np.concatenate([np.ones(m, np.intp), np.zeros(n - m, np.intp)])


def _spiral(n, noise, rng):
    X, y = [], []
    for label, shift in ((1, 0.0), (0, np.pi)):
        m = n // 2 if label else n - n // 2
        i = np.arange(m)
        r = i / m * 5
        t = 1.75 * i / m * 2 * np.pi + shift
        P = np.column_stack([r * np.sin(t), r * np.cos(t)]) + rng.uniform(-1, 1, (m, 2)) * noise
        X.append(P)
        y.append(np.full(m, label, np.intp))
    return np.vstack(X), np.concatenate(y)


_GENERATORS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral}


def make_dataset(name, n=500, noise=0.0, rng=None):
    """(X, y): n points of the Playground's data set ``name`` (circle, xor, gauss, spiral); X (n, 2), y (n,) 0/1."""
    if not isinstance(name, str) or name not in _GENERATORS:
        allowed = ", ".join(map(repr, GENERATED))
        raise (ValueError if isinstance(name, str) else TypeError)(
            _("name (the data set) must be one of {allowed}; got {got}.").format(
                allowed=allowed, got=_describe(name) if not isinstance(name, str) else repr(name)))
    n = check_int(n, _("n (the number of points)"), min_value=2)
    noise = check_number(noise, _("noise (a share of the data's scale)"), min_value=0.0, max_value=0.5)
    return _GENERATORS[name](n, noise, as_rng(rng))


def check_features(names, name="features"):
    """A non-empty list of distinct names from ``FEATURES``, in the order of ``FEATURES``."""
    allowed = ", ".join(map(repr, FEATURES))
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise TypeError(_("{name} must be a list of feature names from {allowed}; got {got}.").format(
            name=name, allowed=allowed, got=_describe(names)))
    unknown = [f for f in names if not isinstance(f, str) or f not in FEATURES]
    if unknown:
        raise ValueError(_("{name} must be a list of feature names from {allowed}; got the unknown {unknown!r}.")
                         .format(name=name, allowed=allowed, unknown=unknown))
    if not names:
        raise ValueError(_("{name} must name at least one feature from {allowed}; got an empty list.").format(
            name=name, allowed=allowed))
    return [f for f in FEATURES if f in names]


def features(X, names):
    """The chosen input features of the points X (n, 2) as columns: (n, len(names)), e.g. x1, x2, x1²."""
    X = as_array(X, "X", shape=(None, 2))
    return np.column_stack([FEATURES[f](X) for f in check_features(names, "names")])


def train_test_split(X, y, train_share=0.5, rng=None):
    """Shuffle the samples and split them: ((X_train, y_train), (X_test, y_test)); the first ``train_share`` train.

    At least one sample lands on each side.
    """
    X, y = np.asarray(X), np.asarray(y)
    train_share = check_number(train_share, "train_share", min_value=0.1, max_value=0.9)
    order = as_rng(rng).permutation(len(X))
    k = min(max(int(round(train_share * len(X))), 1), len(X) - 1)
    return (X[order[:k]], y[order[:k]]), (X[order[k:]], y[order[k:]])


__all__ = ["GENERATED", "FEATURES", "FEATURE_LABELS", "make_dataset", "features", "check_features",
           "train_test_split"]
