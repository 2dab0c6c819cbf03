"""Numerical gradients by central differences, to check backpropagation.

    ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / (2h)        error O(h²)

and the relative error used to compare two gradients (CS231n's ``rel_error``):

    rel_error(a, b) = max |a − b| / max(|a| + |b|, 1e-12)

Rule of thumb in float64: < 1e-7 excellent, < 1e-4 suspicious near kinks, > 1e-2 a bug.
"""
from __future__ import annotations

import numbers

import numpy as np

from ._validate import _describe, as_array, check_positive
from .i18n import _


def _value_of(f, x, where):
    """f(x) as a float, or a clear error naming f and what it returned."""
    value = f(x)
    name = getattr(f, "__name__", type(f).__name__)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.floating, np.integer)):
        got = (_("an array of shape {shape}").format(shape=value.shape) if isinstance(value, np.ndarray)
               else _describe(value))
        raise TypeError(
            _("f must return a single number (a scalar, e.g. the loss E); f ({name}) returned {got} at {where}. "
              "If f computes one value per entry, return their sum (np.sum) or the entry you want.").format(
                name=name, got=got, where=where)
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(
            _("f must return a finite number near x; f ({name}) returned {value} at {where}, so the numerical "
              "gradient is undefined there (try a smaller h or another x).").format(name=name, value=value, where=where)
        )
    return value


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of a scalar function ``f`` at ``x``.

    f: callable taking an array shaped like x and returning a number.
    x: array of any shape (not modified).  Returns an array of x's shape (float64).
    """
    if not callable(f):
        raise TypeError(_("f must be a function that returns a number; got {got}.").format(got=_describe(f)))
    h = check_positive(h, "h")
    x = as_array(x, "x").astype(np.float64, copy=True)   # our own copy: the caller's x is never touched
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        where = f"x[{', '.join(str(int(k)) for k in np.unravel_index(i, x.shape))}]" if x.ndim else "x"
        flat[i] = old + h
        f_plus = _value_of(f, x, f"{where} + h")
        flat[i] = old - h
        f_minus = _value_of(f, x, f"{where} − h")
        flat[i] = old
        gflat[i] = (f_plus - f_minus) / (2.0 * h)          # Python floats: overflow gives inf, checked below
        if not np.isfinite(gflat[i]):
            raise ValueError(
                _("the numerical gradient overflowed at {where}: f changes from {f_minus:g} to {f_plus:g} over 2h, "
                  "which float64 cannot hold; f's values near x are too large.").format(
                    where=where, f_minus=f_minus, f_plus=f_plus)
            )
    return grad


def rel_error(a, b):
    """max |a − b| / max(|a| + |b|, 1e-12) over all entries; 0 means identical."""
    a = as_array(a, "a")
    b = as_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(_("a and b must have the same shape; got {shape_a} and {shape_b}.").format(
            shape_a=a.shape, shape_b=b.shape))
    # Halving a and b changes nothing in the ratio but keeps |a − b| and |a| + |b| finite near 1e308.
    a, b = a / 2, b / 2
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 0.5e-12), initial=0.0))
