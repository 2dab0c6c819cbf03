"""Input validation shared by every public function.

Each helper raises an error whose message names the parameter, says what is
allowed and shows what was given, so a student never has to read a deep NumPy
traceback to find out that ``lr`` was negative.  (Idea borrowed from
scikit-learn's ``_parameter_constraints``.)
"""
from __future__ import annotations

import numbers

import numpy as np

from .i18n import _


def _describe(value) -> str:
    """A short description of ``value`` for error messages."""
    if isinstance(value, np.ndarray):
        return _("an array of shape {shape} and dtype {dtype}").format(shape=value.shape, dtype=value.dtype)
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return _("{text} ({type})").format(text=text, type=type(value).__name__)


def join_or(items) -> str:
    """``"1 or 2"``, ``"1 or 2 or 3"`` in the current language (items shown with ``str``)."""
    items = [str(i) for i in items]
    text = items[0]
    for item in items[1:]:
        text = _("{first} or {last}").format(first=text, last=item)
    return text


def as_array(x, name, *, ndim=None, shape=None, dtype=float, allow_nan=False):
    """Convert ``x`` to a NumPy array of ``dtype`` and check it.

    ndim:  an int or a tuple of allowed ints.
    shape: a tuple where ``None`` means "any size along this axis".
    Strings, ``None`` and ragged lists raise ``TypeError``; NaN/inf raise ``ValueError``.
    The caller's array is never modified (a copy is made only when needed;
    callers must not write into the result).
    """
    if x is None or isinstance(x, (str, bytes)):
        raise TypeError(_("{name} must be numbers (a number, a list or a NumPy array); got {got}.").format(
            name=name, got=_describe(x)))
    try:
        arr = np.asarray(x, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            _("{name} must contain only numbers in a regular (non-ragged) shape; got {got}: {error}").format(
                name=name, got=_describe(x), error=exc)
        ) from None
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            raise ValueError(_("{name} must be {ndim}-dimensional; got shape {shape}.").format(
                name=name, ndim=join_or(allowed), shape=arr.shape))
    if shape is not None:
        ok = arr.ndim == len(shape) and all(s is None or s == a for s, a in zip(shape, arr.shape))
        if not ok:
            want = "(" + ", ".join(_("any") if s is None else str(s) for s in shape) + ")"
            raise ValueError(_("{name} must have shape {want}; got shape {shape}.").format(
                name=name, want=want, shape=arr.shape))
    if not allow_nan and arr.dtype.kind in "fc" and not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(_("{name} contains {bad} NaN or infinite value(s); every value must be a finite number.")
                         .format(name=name, bad=bad))
    return arr


def check_number(value, name, *, min_value=None, max_value=None, inclusive=True):
    """A finite real number (not bool, not str) within the optional bounds; returns it as float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a number; got {got}.").format(name=name, got=_describe(value)))
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(_("{name} must be a finite number; got {value!r}.").format(name=name, value=value))
    if min_value is not None and (value < min_value if inclusive else value <= min_value):
        text = _("{name} must be >= {min_value}; got {value!r}.") if inclusive else \
            _("{name} must be > {min_value}; got {value!r}.")
        raise ValueError(text.format(name=name, min_value=min_value, value=value))
    if max_value is not None and (value > max_value if inclusive else value >= max_value):
        text = _("{name} must be <= {max_value}; got {value!r}.") if inclusive else \
            _("{name} must be < {max_value}; got {value!r}.")
        raise ValueError(text.format(name=name, max_value=max_value, value=value))
    return value


def check_positive(value, name):
    """A finite number > 0 (learning rates, tolerances, scales)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a positive number; got {got}.").format(name=name, got=_describe(value)))
    if not (np.isfinite(value) and value > 0):
        raise ValueError(_("{name} must be a positive number; got {got}.").format(name=name, got=repr(value)))
    return float(value)


def check_int(value, name, *, min_value=None, max_value=None):
    """An integer (not bool) within the optional bounds."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(_("{name} must be an integer; got {got}.").format(name=name, got=_describe(value)))
    value = int(value)
    if min_value is not None and value < min_value:
        raise ValueError(_("{name} must be >= {min_value}; got {value!r}.").format(
            name=name, min_value=min_value, value=value))
    if max_value is not None and value > max_value:
        raise ValueError(_("{name} must be <= {max_value}; got {value!r}.").format(
            name=name, max_value=max_value, value=value))
    return value


def check_choice(value, name, choices):
    """``value`` must be one of ``choices`` (strings are compared exactly)."""
    choices = tuple(choices)
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(_("{name} must be one of {allowed}; got {value!r}.").format(
            name=name, allowed=allowed, value=value))
    return value


def check_probability(value, name):
    """A number in [0, 1)."""
    value = check_number(value, name, min_value=0.0)
    if value >= 1.0:
        raise ValueError(_("{name} must be in [0, 1); got {value!r}.").format(name=name, value=value))
    return value


def as_rng(rng):
    """Normalise ``rng``: a ``numpy.random.Generator``, an int seed or None (fresh entropy)."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        if rng is not None and rng < 0:
            raise ValueError(_("rng (a seed) must be a non-negative integer; got {rng}.").format(rng=rng))
        return np.random.default_rng(rng)
    raise TypeError(_("rng must be a numpy.random.Generator, an int seed or None; got {got}.").format(
        got=_describe(rng)))


def check_bool(value, name):
    """A real boolean (True/False or NumPy's bool_); strings such as "no" are refused, not read as truthy."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(_("{name} must be True or False; got {got}.").format(name=name, got=_describe(value)))
