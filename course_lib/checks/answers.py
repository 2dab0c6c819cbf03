"""Reading a student's answer: the one parsing helper every kind of exercise uses.

A checker never raises at the student.  When an answer cannot be read as what the
exercise expects, ``read_numbers`` raises ``AnswerProblem`` with a message for the
student, and the exercise turns it into a ✗ Result.  The rules, the same everywhere:

* ``...`` anywhere in the answer means "not attempted yet" (``contains_ellipsis``);
* a string is never read as a number, even ``"-0.27"``: the message says
  "you typed a string '-0.27' — write the number without quotes";
* True/False are truth values, not the numbers 1/0;
* NaN and ±inf are refused with a hint that a calculation went wrong;
* None, dicts, sets, functions and ragged lists each get their own message.
"""
from __future__ import annotations

import ast
import math
import numbers

import numpy as np

__all__ = ["AnswerProblem", "contains_ellipsis", "describe", "fmt", "read_numbers", "same", "close"]


class AnswerProblem(Exception):
    """The answer cannot be read as what the exercise expects; ``str(exc)`` is the message for the student."""


def fmt(value) -> str:
    """Format a number, array or tuple compactly and stably for messages (4 significant digits)."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4g}"
    if isinstance(value, np.ndarray):
        if value.ndim == 0 and value.dtype.kind in "biuf":
            return fmt(value.item())
        text = np.array2string(value, separator=", ", threshold=20, max_line_width=10_000,
                               formatter={"float_kind": lambda v: f"{v:.4g}"}).replace("\n", "")
        return text if len(text) <= 200 else text[:197] + "..."
    if isinstance(value, (tuple, list)):
        inner = ", ".join(fmt(v) for v in value[:12]) + (", ..." if len(value) > 12 else "")
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if callable(value):
        return f"the function {getattr(value, '__name__', type(value).__name__)}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(value) -> str:
    """What the student gave, in words: ``'0.5' (a string)``, ``an array of shape (2, 3)``, ``None``."""
    if value is None:
        return "None"
    if isinstance(value, (str, bytes)):
        return f"{fmt(value)} (a string)"
    if isinstance(value, (bool, np.bool_)):
        return f"{bool(value)} (a truth value, bool)"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, type):
        return f"the class {value.__name__}"
    if callable(value):
        return fmt(value)
    kinds = {dict: "a dict", set: "a set", list: "a list", tuple: "a tuple"}
    name = type(value).__name__
    kind = next((k for t, k in kinds.items() if isinstance(value, t)),
                f"{'an' if name[0] in 'aeiou' else 'a'} {name}")
    return f"{fmt(value)} ({kind})"


def contains_ellipsis(value) -> bool:
    """True when ``...`` (the untouched template) appears in the answer, also inside a tuple or list."""
    if value is Ellipsis:
        return True
    if isinstance(value, (tuple, list)):
        return any(contains_ellipsis(v) for v in value)
    return isinstance(value, np.ndarray) and value.dtype == object and any(v is Ellipsis for v in value.flat)


def _is_numeric_text(text) -> bool:
    """True for text that reads as numbers: '-0.27', '113', '(12, 3)', '[1, 2]', '−1.5'."""
    text = str(text).strip().replace("−", "-")
    try:
        float(text)
        return True
    except ValueError:
        pass
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return _first_odd_item(value) is None and isinstance(value, (tuple, list, int, float))


def _first_odd_item(value):
    """The first entry of a (nested) list/tuple that is not a plain number, or None."""
    if isinstance(value, (tuple, list)):
        for item in value:
            odd = _first_odd_item(item)
            if odd is not None:
                return odd
        return None
    if isinstance(value, np.ndarray):
        if value.dtype.kind == "O":                 # an array of Python objects: look at each one
            return _first_odd_item(value.tolist())
        return None if value.dtype.kind in "iuf" else value
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        return (value,)          # wrapped, so that an odd None is still "found"
    return None


def read_numbers(value, *, subject="your answer is", output=False, shape=None) -> np.ndarray:
    """``value`` as a float array, or ``AnswerProblem`` saying in words why it is not numbers.

    subject: how the message starts, e.g. "your answer is" or "relu(-3) returned"
    output:  True when ``value`` is what the student's function returned (changes the advice)
    shape:   the required shape, or None for any
    """
    act = "return" if output else "write"
    if value is None:
        raise AnswerProblem(f"{subject} None; " + ("did you forget `return`?" if output
                                                  else f"{act} a number (or numbers) instead."))
    if isinstance(value, (str, bytes)):
        text = value.decode(errors="replace") if isinstance(value, bytes) else value
        if _is_numeric_text(text):
            raise AnswerProblem(f"{subject} a string {fmt(text)}, not a number: {act} it without quotes, "
                                f"e.g. {text.strip().replace('−', '-')}.")
        raise AnswerProblem(f"{subject} the text {fmt(text)}; {act} a number (or numbers) without quotes.")
    if isinstance(value, (bool, np.bool_)):
        raise AnswerProblem(f"{subject} {bool(value)}, a truth value (bool), not a number; {act} the number itself.")
    if isinstance(value, (dict, set, frozenset)):
        raise AnswerProblem(f"{subject} {describe(value)}; {act} a number, or numbers in a tuple, list or array.")
    if callable(value):
        name = getattr(value, "__name__", "f")
        name = name if name.isidentifier() else "f"
        raise AnswerProblem(f"{subject} {fmt(value)}, not a number; " +
                            ("return its result, not the function itself." if output else
                             f"call it and give its result, e.g. {name}(...) with the inputs in the parentheses."))
    odd = _first_odd_item(value)
    if odd is not None:
        item = odd[0] if isinstance(odd, tuple) else odd
        if isinstance(item, np.ndarray) and item.dtype.kind == "b":
            raise AnswerProblem(f"{subject} an array of truth values (bool); {act} numbers.")
        if isinstance(item, np.ndarray) and item.dtype.kind in "US":
            raise AnswerProblem(f"{subject} an array of strings; {act} the numbers without quotes.")
        if isinstance(item, np.ndarray):
            raise AnswerProblem(f"{subject} an array of {item.dtype} values; {act} real numbers.")
        if isinstance(item, (str, bytes)) and _is_numeric_text(item):
            raise AnswerProblem(f"{subject} {fmt(value)}, which contains the string {item!r}: "
                                f"{act} the numbers without quotes.")
        if item is value:
            raise AnswerProblem(f"{subject} {describe(item)}; {act} a real number.")
        raise AnswerProblem(f"{subject} {fmt(value)}, which contains {describe(item)}; {act} numbers only.")
    try:
        arr = np.asarray(value, dtype=float)
    except OverflowError:
        raise AnswerProblem(f"{subject} a number too large to compute with; check the calculation.") from None
    except (TypeError, ValueError):
        raise AnswerProblem(f"{subject} {describe(value)}, which is not a regular table of numbers "
                            "(rows of different lengths?).") from None
    if not np.all(np.isfinite(arr)):
        bad = "nan (not a number)" if np.any(np.isnan(arr)) else "inf (infinity)"
        what = bad if arr.ndim == 0 else f"{fmt(value)}, which contains {bad}"
        raise AnswerProblem(f"{subject} {what}: a calculation went wrong "
                            "(0/0, a division by zero or an overflow); check it step by step.")
    if shape is not None and arr.shape != tuple(shape):
        raise AnswerProblem(f"{subject} {describe(value)}; expected {shape_words(shape)}.")
    return arr


def shape_words(shape) -> str:
    """``()`` → "one number"; ``(3,)`` → "3 value(s) shaped (3,)"."""
    shape = tuple(shape)
    if shape == ():
        return "one number"
    return f"{math.prod(shape)} value(s) shaped {shape}"


def close(got, want, tol, rtol=0.0, equal_nan=False) -> bool:
    """``got`` and ``want`` (numbers, arrays or tuples of arrays) agree in shape and within the tolerances."""
    if isinstance(want, tuple) and _ragged(want):
        return (isinstance(got, (tuple, list)) and len(got) == len(want)
                and all(close(g, w, tol, rtol, equal_nan) for g, w in zip(got, want)))
    try:
        g = np.asarray(got, dtype=float)
        w = np.asarray(want, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return False
    if g.shape != w.shape:
        return False
    if not equal_nan and not np.all(np.isfinite(g)):
        return False
    return bool(np.allclose(g, w, rtol=rtol, atol=tol, equal_nan=equal_nan))


def same(got, want, tol=1e-6) -> bool:
    """True when ``got`` equals ``want`` within the absolute tolerance ``tol`` (shapes must agree, no NaN).

    Strings are compared without case and surrounding spaces.
    """
    if isinstance(want, str):
        return isinstance(got, str) and got.strip().lower() == want.strip().lower()
    if isinstance(got, (str, bytes, bool, np.bool_)):
        return False
    return close(got, want, tol)


def _ragged(values) -> bool:
    """True for a tuple of arrays of different shapes, e.g. the (W, b) a function returns."""
    try:
        np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return True
    return False
