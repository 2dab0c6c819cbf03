"""Reading a student's answer: the one parsing helper every kind of exercise uses.

A checker never raises at the student.  When an answer cannot be read as what the
exercise expects, ``read_numbers`` raises ``AnswerProblem`` with a message for the
student, and the exercise turns it into a ✗ Result.  The rules, the same everywhere:

* ``...`` anywhere in the answer means "not attempted yet" (``contains_ellipsis``);
* a string is never read as a number, even ``"-0.27"``: the message says
  "you typed a string '-0.27' — write the number without quotes";
* a string of numbers typed with a Japanese keyboard's full-width characters (``"０．５"``,
  ``"－６"``, ``"（１，１，−０．５）"``) is not read as numbers either, but gets its own message: it shows
  the numbers in ordinary (half-width) characters and explains why Python needs them — the same
  characters typed *without* quotes give ``SyntaxError: invalid character``.  Where a string is the
  right kind of answer (a choice "Ａ", an order "ＣＢＥＤＡ") the kinds read it through ``halfwidth``
  and accept it with the note ``FULL_WIDTH_NOTE``;
* True/False are truth values, not the numbers 1/0;
* NaN and ±inf are refused with a hint that a calculation went wrong;
* None, dicts, sets, functions and ragged lists each get their own message.

Every message is looked up in the current language (``course_lib.i18n``) when it is made.
"""
from __future__ import annotations

import ast
import math
import numbers
import unicodedata

import numpy as np

from .. import i18n
from ..i18n import N_, _

__all__ = ["AnswerProblem", "contains_ellipsis", "describe", "fmt", "read_numbers", "same", "close",
           "halfwidth", "numbers_in_text", "FULL_WIDTH_NOTE"]

FULL_WIDTH_NOTE = N_("(read the full-width characters as ordinary ones)")

# what a Japanese keyboard gives for "-": the minus sign, the full-width hyphen-minus (NFKC turns it into
# "-", and the half-width ｰ into ー), the long-vowel mark ー that the hyphen key types in kana mode, and
# the hyphens and the en dash that some IMEs and copied text hold
_MINUS_SIGN = "\u2212"
_IME_DASHES = "\u30fc\u2010\u2012\u2013"
_IME_NUMBER_PUNCTUATION = {"、": ",", "。": "."}     # the IME's comma and full stop, inside numbers only


class AnswerProblem(Exception):
    """The answer cannot be read as what the exercise expects; ``str(exc)`` is the message for the student."""


def halfwidth(text: str, *, numeric: bool = False) -> tuple[str, bool]:
    """``text`` with full-width characters read as ordinary (half-width) ones, and whether it had any.

    NFKC turns "Ａ", "０．５", "（１，１）", "，" and the full-width space "　" into "A", "0.5", "(1,1)", ","
    and " "; the minus sign "−" (U+2212) and the full-width "－" become "-".  With ``numeric=True`` (text
    that should be numbers) the long-vowel mark "ー", other dashes and the Japanese "、" / "。" become
    "-", "," and "." too.  The flag is True when something other than "−" changed (the course's own text
    writes "−", which is not a keyboard slip).
    """
    wide = unicodedata.normalize("NFKC", text)
    if numeric:
        wide = wide.translate({ord(c): "-" for c in _IME_DASHES})
        wide = wide.translate({ord(c): v for c, v in _IME_NUMBER_PUNCTUATION.items()})
    changed = wide != text
    return wide.replace(_MINUS_SIGN, "-"), changed


def numbers_in_text(text: str):
    """The number or (nested) tuple/list of numbers that ``text`` spells in ordinary characters, else None."""
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, (tuple, list, int, float)) and _first_odd_item(value) is None:
        return value
    return None


def _full_width_numbers(text):
    """(the numbers in Python's spelling, e.g. "(1, 1, -0.5)") when ``text`` is numbers typed with
    full-width characters, else None."""
    wide, changed = halfwidth(text, numeric=True)
    if not changed or not wide.isascii():
        return None
    value = numbers_in_text(wide)
    if value is None:
        return None
    return repr(value) if isinstance(value, (tuple, list)) else wide.strip()


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
        return _("the function {name}").format(name=getattr(value, "__name__", type(value).__name__))
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_KIND_NAMES = ((dict, N_("{value} (a dict)")), (set, N_("{value} (a set)")), (list, N_("{value} (a list)")),
               (tuple, N_("{value} (a tuple)")))


def describe(value) -> str:
    """What the student gave, in words: ``'0.5' (a string)``, ``an array of shape (2, 3)``, ``None``."""
    if value is None:
        return "None"
    if isinstance(value, (str, bytes)):
        return _("{value} (a string)").format(value=fmt(value))
    if isinstance(value, (bool, np.bool_)):
        return _("{value} (a truth value, bool)").format(value=bool(value))
    if isinstance(value, np.ndarray):
        return _("an array of shape {shape}").format(shape=value.shape)
    if isinstance(value, type):
        return _("the class {name}").format(name=value.__name__)
    if callable(value):
        return fmt(value)
    for kind, text in _KIND_NAMES:
        if isinstance(value, kind):
            return i18n._(text).format(value=fmt(value))
    name = type(value).__name__
    text = _("{value} (an {type})") if name[0] in "aeiou" else _("{value} (a {type})")
    return text.format(value=fmt(value), type=name)


def contains_ellipsis(value) -> bool:
    """True when ``...`` (the untouched template) appears in the answer, also inside a tuple or list."""
    if value is Ellipsis:
        return True
    if isinstance(value, (tuple, list)):
        return any(contains_ellipsis(v) for v in value)
    return isinstance(value, np.ndarray) and value.dtype == object and any(v is Ellipsis for v in value.flat)


def _is_numeric_text(text) -> bool:
    """True for text that reads as numbers: '-0.27', '113', '(12, 3)', '[1, 2]', '−1.5'."""
    return numbers_in_text(str(text).replace(_MINUS_SIGN, "-")) is not None


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


def read_numbers(value, *, subject=N_("your answer is"), output=False, shape=None) -> np.ndarray:
    """``value`` as a float array, or ``AnswerProblem`` saying in words why it is not numbers.

    subject: how the message starts, e.g. "your answer is" or "relu(-3) returned" (a message: it is
             looked up in the current language here, so pass it translated or as the English text)
    output:  True when ``value`` is what the student's function returned (changes the advice)
    shape:   the required shape, or None for any
    """
    subject = i18n._(subject)

    def problem(write, returned, **fields):
        """AnswerProblem with the message for a written answer or for a function's result."""
        return AnswerProblem((returned if output else write).format(subject=subject, **fields))

    if value is None:
        raise problem(_("{subject} None; write a number (or numbers) instead."),
                      _("{subject} None; did you forget `return`?"))
    if isinstance(value, (str, bytes)):
        text = value.decode(errors="replace") if isinstance(value, bytes) else value
        typed = _full_width_numbers(text)
        if typed is not None:
            raise problem(
                _("{subject} the string {text}, typed with full-width characters, not a number. Python reads "
                  "numbers only in ordinary (half-width) characters and without quotes: write {typed}. "
                  "(Switch the keyboard to half-width input; full-width digits without quotes give "
                  "`SyntaxError: invalid character`.)"),
                _("{subject} the string {text}, typed with full-width characters, not a number. Python reads "
                  "numbers only in ordinary (half-width) characters and without quotes: return {typed}. "
                  "(Switch the keyboard to half-width input; full-width digits without quotes give "
                  "`SyntaxError: invalid character`.)"),
                text=fmt(text), typed=typed)
        if _is_numeric_text(text):
            raise problem(_("{subject} a string {text}, not a number: write it without quotes, e.g. {example}."),
                          _("{subject} a string {text}, not a number: return it without quotes, e.g. {example}."),
                          text=fmt(text), example=text.strip().replace(_MINUS_SIGN, "-"))
        raise problem(_("{subject} the text {text}; write a number (or numbers) without quotes."),
                      _("{subject} the text {text}; return a number (or numbers) without quotes."), text=fmt(text))
    if isinstance(value, (bool, np.bool_)):
        raise problem(_("{subject} {value}, a truth value (bool), not a number; write the number itself."),
                      _("{subject} {value}, a truth value (bool), not a number; return the number itself."),
                      value=bool(value))
    if isinstance(value, (dict, set, frozenset)):
        raise problem(_("{subject} {what}; write a number, or numbers in a tuple, list or array."),
                      _("{subject} {what}; return a number, or numbers in a tuple, list or array."),
                      what=describe(value))
    if callable(value):
        name = getattr(value, "__name__", "f")
        name = name if name.isidentifier() else "f"
        raise problem(_("{subject} {function}, not a number; call it and give its result, e.g. {name}(...) with "
                        "the inputs in the parentheses."),
                      _("{subject} {function}, not a number; return its result, not the function itself."),
                      function=fmt(value), name=name)
    odd = _first_odd_item(value)
    if odd is not None:
        item = odd[0] if isinstance(odd, tuple) else odd
        if isinstance(item, np.ndarray) and item.dtype.kind == "b":
            raise problem(_("{subject} an array of truth values (bool); write numbers."),
                          _("{subject} an array of truth values (bool); return numbers."))
        if isinstance(item, np.ndarray) and item.dtype.kind in "US":
            raise problem(_("{subject} an array of strings; write the numbers without quotes."),
                          _("{subject} an array of strings; return the numbers without quotes."))
        if isinstance(item, np.ndarray):
            raise problem(_("{subject} an array of {dtype} values; write real numbers."),
                          _("{subject} an array of {dtype} values; return real numbers."), dtype=item.dtype)
        if isinstance(item, (str, bytes)) and not isinstance(item, bytes) and _full_width_numbers(item):
            raise problem(
                _("{subject} {value}, which contains the string {item} typed with full-width characters: write "
                  "the numbers in ordinary (half-width) characters and without quotes, e.g. {typed}."),
                _("{subject} {value}, which contains the string {item} typed with full-width characters: return "
                  "the numbers in ordinary (half-width) characters and without quotes, e.g. {typed}."),
                value=fmt(value), item=repr(item), typed=_full_width_numbers(item))
        if isinstance(item, (str, bytes)) and _is_numeric_text(item):
            raise problem(_("{subject} {value}, which contains the string {item}: write the numbers without quotes."),
                          _("{subject} {value}, which contains the string {item}: return the numbers without "
                            "quotes."), value=fmt(value), item=repr(item))
        if item is value:
            raise problem(_("{subject} {what}; write a real number."), _("{subject} {what}; return a real number."),
                          what=describe(item))
        raise problem(_("{subject} {value}, which contains {what}; write numbers only."),
                      _("{subject} {value}, which contains {what}; return numbers only."),
                      value=fmt(value), what=describe(item))
    try:
        arr = np.asarray(value, dtype=float)
    except OverflowError:
        raise AnswerProblem(_("{subject} a number too large to compute with; check the calculation.")
                            .format(subject=subject)) from None
    except (TypeError, ValueError):
        raise AnswerProblem(_("{subject} {what}, which is not a regular table of numbers (rows of different "
                              "lengths?).").format(subject=subject, what=describe(value))) from None
    if not np.all(np.isfinite(arr)):
        bad = _("nan (not a number)") if np.any(np.isnan(arr)) else _("inf (infinity)")
        if arr.ndim == 0:
            text = _("{subject} {bad}: a calculation went wrong (0/0, a division by zero or an overflow); "
                     "check it step by step.")
        else:
            text = _("{subject} {value}, which contains {bad}: a calculation went wrong (0/0, a division by zero "
                     "or an overflow); check it step by step.")
        raise AnswerProblem(text.format(subject=subject, bad=bad, value=fmt(value)))
    if shape is not None and arr.shape != tuple(shape):
        raise AnswerProblem(_("{subject} {what}; expected {shape}.").format(
            subject=subject, what=describe(value), shape=shape_words(shape)))
    return arr


def shape_words(shape) -> str:
    """``()`` → "one number"; ``(3,)`` → "3 value(s) shaped (3,)"."""
    shape = tuple(shape)
    if shape == ():
        return _("one number")
    return _("{count} value(s) shaped {shape}").format(count=math.prod(shape), shape=shape)


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
