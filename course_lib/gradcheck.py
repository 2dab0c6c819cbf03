"""Numerical gradients by central differences, to check backpropagation.

    ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / (2h)        error O(h²)

and the relative error used to compare two gradients (CS231n's ``rel_error``):

    rel_error(a, b) = max |a − b| / max(|a| + |b|, 1e-12)

Rule of thumb in float64: < 1e-7 excellent, < 1e-4 suspicious near kinks, > 1e-2 a bug.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, check_positive


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function ``f`` at ``x``.

    f: callable taking an array shaped like x and returning a number.
    x: array of any shape (not modified).  Returns an array of x's shape (float64).
    """
    if not callable(f):
        raise TypeError(f"f must be a function that returns a number; got {type(f).__name__}.")
    h = check_positive(h, "h")
    x = as_array(x, "x").astype(np.float64, copy=True)   # our own copy: the caller's x is never touched
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        f_plus = float(f(x))
        flat[i] = old - h
        f_minus = float(f(x))
        flat[i] = old
        gflat[i] = (f_plus - f_minus) / (2.0 * h)
    if not np.all(np.isfinite(grad)):
        raise ValueError("f returned NaN or inf near x; the numerical gradient is undefined there.")
    return grad


def rel_error(a, b):
    """max |a − b| / max(|a| + |b|, 1e-12) over all entries; 0 means identical."""
    a = as_array(a, "a")
    b = as_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape; got {a.shape} and {b.shape}.")
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12), initial=0.0))
