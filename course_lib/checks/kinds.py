"""The kinds of exercise.  A chapter module only *declares* exercises with these classes.

| kind | the answer is | typical wrong answers (``mistakes``) |
|---|---|---|
| ``ValueExercise``    | a number, or numbers (tuple/list/array)           | a wrong value, or ``lambda value: bool`` |
| ``FunctionExercise`` | a function, called on every case                  | a typical wrong *function* |
| ``ChoiceExercise``   | one of the options "A", "B", …                    | the message of each option |
| ``OrderExercise``    | an order of lettered steps, e.g. "CBEDA"          | a wrong order |
| ``GateExercise``     | (w1, w2, b) of a step neuron that computes a gate | another gate's truth table |

One mechanism for typical mistakes: ``mistakes`` is a list of ``(wrong, message)``.  When the
student's answer *is* that wrong answer (for a function: gives the same result on every case,
or raises the same error), the message says what went wrong.  A function exercise may add
``explain(args, got, want) -> str | None``: a diagnosis of *one* case's result (its shape, its
sum, one component of two) for wrong answers that no single wrong function describes.
Everything else — the wrong type, a string instead of a number, NaN, the wrong shape, an
exception, a missing ``return`` — is handled here, the same way for every exercise.

Languages: the texts a kind stores from its constructor (mistakes' and options' messages) are the
chapter's English ``N_()`` texts; a kind calls ``_()`` on them when it shows them, and builds its own
messages as whole sentences looked up with ``_()`` (see ``base.py`` for the whole contract).  Where the
answer is text (a choice, an order of letters), full-width characters are read as ordinary ones and
the message says so (``FULL_WIDTH_NOTE``).
"""
from __future__ import annotations

import copy
import inspect
import numbers
import re
import warnings

import numpy as np

from ..activations import step
from ..neuron import BINARY_INPUTS, GATES
from .. import i18n
from ..i18n import _
from .answers import (FULL_WIDTH_NOTE, AnswerProblem, close, contains_ellipsis, describe, fmt, halfwidth,
                      numbers_in_text, read_numbers, shape_words)
from .base import Exercise, end_sentence, join_sentences

__all__ = ["ValueExercise", "FunctionExercise", "ChoiceExercise", "OrderExercise", "GateExercise"]


def _check_tolerance(tolerance):
    if isinstance(tolerance, bool) or not isinstance(tolerance, numbers.Real) or not np.isfinite(tolerance) \
            or tolerance < 0:
        raise ValueError(f"tolerance must be a finite number >= 0; got {tolerance!r}.")  # i18n: ignore
    return float(tolerance)


def _check_pairs(pairs, name, what):
    """``pairs`` as a list of (key, message) with a non-empty string message."""
    if isinstance(pairs, dict):
        pairs = list(pairs.items())
    if isinstance(pairs, (str, bytes)) or not hasattr(pairs, "__iter__"):
        raise TypeError(f"{name} must be a list of ({what}, message) pairs; got {pairs!r}.")  # i18n: ignore
    out = []
    for item in pairs:
        if not (isinstance(item, (tuple, list)) and len(item) == 2):
            raise TypeError(f"{name} must be a list of ({what}, message) pairs; got the entry {item!r}.")  # i18n: ignore
        if not isinstance(item[1], str) or not item[1].strip():
            raise TypeError(f"{name}: every message must be a non-empty string; got {item[1]!r}.")  # i18n: ignore
        out.append((item[0], item[1]))
    return out


def _expected_numbers(value, name):
    """An exercise's own expected value as a float array (or a tuple of arrays); bad values raise ValueError."""
    if isinstance(value, tuple):
        try:
            return read_numbers(value, subject=name + " is")
        except AnswerProblem:
            if value and all(not isinstance(v, tuple) for v in value):
                return tuple(_expected_numbers(v, name) for v in value)
            raise ValueError(f"{name} must be numbers or a tuple of arrays; got {fmt(value)}.") from None  # i18n: ignore
    try:
        return read_numbers(value, subject=name + " is")
    except AnswerProblem as problem:
        raise ValueError(str(problem)) from None


def _error_text(exc):
    """``ZeroDivisionError: division by zero`` (without numpy's trailing spaces)."""
    text = str(exc).strip().rstrip(".")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _shape_text(arr):
    if arr.size == 0:
        return _("nothing (an empty list or array)")
    return shape_words(arr.shape)


# ====================================================================== ValueExercise
class ValueExercise(Exercise):
    """The answer is a value: a number or a tuple/list/array of numbers (for words use ``ChoiceExercise``).

    expected:  the right value
    tolerance: absolute tolerance for numbers (stated in the messages)
    mistakes:  list of (wrong, message); ``wrong`` is a typical wrong value, or a test
               ``lambda value: bool`` (value = the answer as a float, or a float array)
    """

    def __init__(self, name, expected, *, tolerance=1e-6, mistakes=(), **kw):
        super().__init__(name, **kw)
        self._want = _expected_numbers(expected, "expected")
        if isinstance(self._want, tuple):
            raise ValueError(f"expected must be a number or a regular table of numbers; got {fmt(expected)}.")  # i18n: ignore
        self.expected = expected
        self.tolerance = _check_tolerance(tolerance)
        self.mistakes = _check_pairs(mistakes, "mistakes", "wrong value")  # i18n: ignore
        for wrong, _unused in self.mistakes:
            if not callable(wrong):
                _expected_numbers(wrong, "a mistake's wrong value")  # i18n: ignore

    def _evaluate(self, answer):
        try:
            got = read_numbers(answer)
        except AnswerProblem as problem:
            raise AnswerProblem(join_sentences(str(problem), self._typed_right(answer))) from None
        want = self._want
        if close(got, want, self.tolerance):
            return self._ok()
        value = float(got) if got.ndim == 0 else got
        for wrong, message in self.mistakes:
            if self._is(wrong, value, got):
                return self._wrong(_("{answer} is not it: {message}")
                                   .format(answer=fmt(answer), message=i18n._(message)))
        if got.shape != want.shape:
            return self._wrong(_("expected {shape}; got {what}.").format(shape=shape_words(want.shape),
                                                                         what=_shape_text(got)))
        if want.size == 1:
            return self._wrong(_("{answer} is not right (answers within ±{tolerance:g} count).")
                               .format(answer=fmt(answer), tolerance=self.tolerance))
        right = np.isclose(got, want, rtol=0.0, atol=self.tolerance)
        where = ", ".join(str(tuple(int(i) for i in ix)) if want.ndim > 1 else str(int(ix[0]))
                          for ix in np.argwhere(~right)[:6])
        return self._wrong(_("{answer} is not right: the value(s) at position {where} (counting from 0) are off "
                             "(answers within ±{tolerance:g} count).")
                           .format(answer=fmt(answer), where=where, tolerance=self.tolerance), score=float(right.mean()))

    def _typed_right(self, answer):
        """For numbers typed with full-width characters in a string: a sentence saying the value itself is right."""
        if not isinstance(answer, str):
            return ""
        typed, changed = halfwidth(answer, numeric=True)
        value = numbers_in_text(typed) if changed and typed.isascii() else None
        if value is not None and close(value, self._want, self.tolerance):
            return _("The number itself is right: only the way it is typed has to change.")
        return ""

    def _is(self, wrong, value, got):
        if callable(wrong):
            try:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    return bool(wrong(value))
            except Exception:  # a test written for numbers may not fit this answer
                return False
        return close(got, wrong, self.tolerance)


# ====================================================================== FunctionExercise
class _Outcome:
    """What one call of a function gave: ``raised`` (an exception) or ``raw`` with ``value``/``problem``."""

    __slots__ = ("raw", "raised", "value", "problem")

    def __init__(self, raw=None, raised=None):
        self.raw, self.raised, self.value, self.problem = raw, raised, None, None


class FunctionExercise(Exercise):
    """The answer is a function; it is called on every case and its results compared.

    cases:     non-empty list of (args tuple, expected result); the expected result is a number, an
               array, or a tuple of arrays of different shapes (a function that returns ``W, b``).
               Each call gets its own copy of the args, so a function that changes an array in
               place cannot spoil the next case.
    func_name: the name used in messages, e.g. "relu" → "relu(-3) returned -3"
    returns:   what the function returns in words, for the message when it returns the wrong
               number of values, e.g. "W, b" (default: the number of values)
    mistakes:  list of (wrong_function, message): a typical wrong function; when the student's
               function gives the same results on *all* cases (or raises the same error), that
               message explains the mistake
    explain:   optional ``explain(args, got, want) -> str | None`` diagnosing the first wrong case:
               ``got`` is the result as a float array (a tuple of them for several return values)
               or the exception the function raised

    A template that still says ``return ...`` is "not attempted yet", not wrong.
    Score (``grade``): the share of cases that give the right result.
    """

    def __init__(self, name, cases, *, func_name="f", tolerance=1e-6, mistakes=(), explain=None,
                 returns=None, **kw):
        super().__init__(name, **kw)
        if isinstance(cases, (str, bytes)) or not hasattr(cases, "__iter__"):
            raise TypeError(f"cases must be a list of (args tuple, expected result) pairs; got {cases!r}.")  # i18n: ignore
        cases = list(cases)
        if not cases:
            raise ValueError("cases must hold at least one (args tuple, expected result) pair; got an empty list.")  # i18n: ignore
        self.cases = []
        for case in cases:
            if not (isinstance(case, (tuple, list)) and len(case) == 2 and isinstance(case[0], (tuple, list))):
                raise TypeError(f"cases: every case must be (args tuple, expected result); got {case!r}.")  # i18n: ignore
            self.cases.append((tuple(case[0]), case[1]))
        self._wants = [_expected_numbers(want, "a case's expected result") for _, want in self.cases]  # i18n: ignore
        if not (isinstance(func_name, str) and func_name.isidentifier()):
            raise ValueError(f"func_name must be a Python name such as 'relu'; got {func_name!r}.")  # i18n: ignore
        if explain is not None and not callable(explain):
            raise TypeError(f"explain must be a function explain(args, got, want) or None; got {explain!r}.")  # i18n: ignore
        if returns is not None and not isinstance(returns, str):
            raise TypeError(f"returns must be a string such as 'W, b' or None; got {returns!r}.")  # i18n: ignore
        self.func_name = func_name
        self.tolerance = _check_tolerance(tolerance)
        self.explain = explain
        self.returns = returns
        self.mistakes = []
        for wrong, message in _check_pairs(mistakes, "mistakes", "wrong function"):  # i18n: ignore
            if not callable(wrong):
                raise TypeError(f"mistakes: each wrong answer of a function exercise is a wrong function; "  # i18n: ignore
                                f"got {wrong!r}.")  # i18n: ignore
            self.mistakes.append((self._run_all(wrong), message))

    # ------------------------------------------------------------------ running a function
    def _call_text(self, args):
        def short(a):
            if isinstance(a, np.ndarray) and (a.size > 8 or (a.ndim > 1 and a.size > 6)):
                return _("<{shape} array>").format(shape="×".join(map(str, a.shape)))
            return fmt(a)
        return f"{self.func_name}({', '.join(short(a) for a in args)})"

    def _run_all(self, func):
        """Call ``func`` on every case.  NumPy's overflow/invalid warnings are silenced: the message says it."""
        outcomes = []
        for (args, _unused), want in zip(self.cases, self._wants):
            try:
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore", RuntimeWarning)
                    raw = func(*copy.deepcopy(args))
            except Exception as exc:  # the student's code failed: reported with its arguments
                outcomes.append(_Outcome(raised=exc))
                continue
            outcome = _Outcome(raw=raw)
            outcome.value = self._lenient(raw, want)
            outcomes.append(outcome)
        return outcomes

    @staticmethod
    def _lenient(raw, want):
        """The result as float array(s) for comparing with a typical mistake (NaN allowed), or None."""
        if isinstance(raw, (str, bytes, bool, np.bool_, dict, set)) or raw is None or callable(raw):
            return None
        if isinstance(want, tuple):
            if not (isinstance(raw, (tuple, list)) and len(raw) == len(want)):
                return None
            parts = [FunctionExercise._lenient(r, w) for r, w in zip(raw, want)]
            return None if any(p is None for p in parts) else tuple(parts)
        try:
            with np.errstate(all="ignore"):
                return np.asarray(raw, dtype=float)
        except (TypeError, ValueError, OverflowError):
            return None

    def _read(self, raw, want, call):
        """The result read strictly (AnswerProblem when it is not numbers of a usable form)."""
        if isinstance(want, tuple):
            if not (isinstance(raw, (tuple, list)) and len(raw) == len(want)):
                what = self.returns or _("{count} values").format(count=len(want))
                example = f"`return {self.returns}`" if self.returns else "`return a, b`"
                raise AnswerProblem(_("{call} returned {what}; {func} must return {values} (e.g. {example}).")
                                    .format(call=call, what=describe(raw), func=self.func_name, values=what,
                                            example=example))
            return tuple(read_numbers(r, subject=_("{call} returned, as {name},").format(call=call,
                                                                                      name=self._value_name(i)),
                                      output=True)
                         for i, r in enumerate(raw))
        return read_numbers(raw, subject=_("{call} returned").format(call=call), output=True)

    def _value_name(self, i):
        """The name of the i-th returned value, from ``returns`` ("W, b" → "W", "b"), else "value 2"."""
        names = [n.strip() for n in self.returns.split(",")] if self.returns else []
        return names[i] if i < len(names) else _("value {number}").format(number=i + 1)

    def _arity_problem(self, func):
        try:
            signature = inspect.signature(func)
        except (TypeError, ValueError):       # some built-ins have no signature: just call them
            return None
        args = self.cases[0][0]
        try:
            signature.bind(*args)
        except TypeError:
            params = ", ".join(signature.parameters)
            return (_("{func} must take {count} argument(s), as in {call}; your function takes ({params}).")
                    .format(func=self.func_name, count=len(args), call=self._call_text(args), params=params))
        return None

    # ------------------------------------------------------------------ checking
    def _evaluate(self, answer):
        if not callable(answer) or isinstance(answer, type):
            return self._wrong(_("expected a function (pass its name without parentheses, e.g. .check({func})); "
                                 "got {what}.").format(func=self.func_name, what=describe(answer)))
        problem = self._arity_problem(answer)
        if problem:
            return self._wrong(problem)
        outcomes = self._run_all(answer)
        if any(o.raised is None and contains_ellipsis(o.raw) for o in outcomes):
            return self._not_attempted()
        right = []
        for (args, _unused), want, o in zip(self.cases, self._wants, outcomes):
            if o.raised is None:
                try:
                    o.value = self._read(o.raw, want, self._call_text(args))
                except AnswerProblem as exc:
                    o.problem = str(exc)
            right.append(o.raised is None and o.problem is None and close(o.value, want, self.tolerance))
        if all(right):
            return self._ok(_("All {count} test inputs give the right result.").format(count=len(self.cases)))
        score = sum(right) / len(right)
        for table, message in self.mistakes:
            if all(self._matches(o, m) for o, m in zip(outcomes, table)):
                return self._wrong(self._mistake_text(outcomes, right, message), score)
        i = right.index(False)
        return self._wrong(self._diagnose(i, outcomes[i]), score)

    def _matches(self, got, mistake):
        if got.raised is not None or mistake.raised is not None:
            return (got.raised is not None and mistake.raised is not None
                    and type(got.raised) is type(mistake.raised) and str(got.raised) == str(mistake.raised))
        if mistake.value is None:
            return False
        value = self._lenient(got.raw, mistake.value) if got.problem else got.value
        # relative: a typical mistake may be far from the answer's scale (seconds instead of Gyr)
        return value is not None and close(value, mistake.value, min(self.tolerance, 1e-9), rtol=1e-3, equal_nan=True)

    def _mistake_text(self, outcomes, right, message):
        scalars = all(o.raised is None and not isinstance(o.raw, (tuple, list)) and np.ndim(o.raw) == 0
                      for o in outcomes)
        message = i18n._(message)
        if scalars and len(outcomes) <= 8:
            shown = ", ".join(f"{self._call_text(args)} = {fmt(o.raw)}"
                              for (args, _unused), o in zip(self.cases, outcomes))
            return _("your function gives {results}: {message}").format(results=shown, message=message)
        i = right.index(False)
        o, call = outcomes[i], self._call_text(self.cases[i][0])
        if o.raised is not None:
            return (_("{call} raised {error}. {message}")
                    .format(call=call, error=_error_text(o.raised), message=message))
        return _("{call} returned {result}: {message}").format(call=call, result=fmt(o.raw), message=message)

    def _diagnose(self, i, o):
        args, _unused = self.cases[i]
        want = self._wants[i]
        call = self._call_text(args)
        if o.raised is not None:
            reason = self._explain(args, o.raised, want)
            raised = _("{call} raised {error}.").format(call=call, error=_error_text(o.raised))
            return join_sentences(raised, end_sentence(reason or ""))
        if o.problem is not None:
            return o.problem
        got = o.value
        reason = self._explain(args, got, want)
        shape_problem = self._shape_problem(call, got, want)
        if shape_problem:
            return join_sentences(shape_problem, end_sentence(f"{reason[0].upper()}{reason[1:]}" if reason else ""))
        if reason:
            return _("{call} returned {result}; {reason}.").format(call=call, result=fmt(o.raw), reason=reason)
        return (_("{call} returned {result}; expected {want} (±{tolerance:g}).")
                .format(call=call, result=fmt(o.raw), want=fmt(want), tolerance=self.tolerance))

    def _shape_problem(self, call, got, want):
        """A message when the result (or one of the returned values) has the wrong shape, else None."""
        parts = zip(got, want) if isinstance(want, tuple) else [(got, want)]
        for k, (g, w) in enumerate(parts):
            if g.shape != w.shape:
                fields = dict(call=call, got=g.shape, want=w.shape, what=_shape_text(g), shape=shape_words(w.shape),
                              name=self._value_name(k), func=self.func_name, values=self.returns)
                as_name = isinstance(want, tuple)
                if g.size == w.size and close(g.reshape(w.shape), w, self.tolerance):
                    if as_name:
                        text = (_("{call} returned the right numbers as {name}, but shaped {got}, not {want}: "
                                  "return a 1-D array, e.g. with .reshape(-1).") if w.ndim == 1 else
                                _("{call} returned the right numbers as {name}, but shaped {got}, not {want}."))
                    else:
                        text = (_("{call} returned the right numbers, but shaped {got}, not {want}: return a 1-D "
                                  "array, e.g. with .reshape(-1).") if w.ndim == 1 else
                                _("{call} returned the right numbers, but shaped {got}, not {want}."))
                elif as_name:
                    text = _("{call} returned {what} as {name}; expected {shape}.")
                elif self.returns:
                    text = _("{call} returned {what}; expected {shape} ({func} must return {values}).")
                else:
                    text = _("{call} returned {what}; expected {shape}.")
                return text.format(**fields)
        return None

    def _explain(self, args, got, want):
        if self.explain is None:
            return None
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                reason = self.explain(copy.deepcopy(args), got, want)
        except Exception:  # a diagnosis that does not fit this result says nothing
            return None
        if not (isinstance(reason, str) and reason.strip(" .。")):
            return None
        reason = i18n._(reason).strip().rstrip(".。")
        return reason[0].upper() + reason[1:] if isinstance(got, Exception) else reason


# ====================================================================== ChoiceExercise
class ChoiceExercise(Exercise):
    """A prediction or multiple-choice question: the answer is one of ``options`` (case and spaces ignored).

    options: dict option -> message shown when that option is chosen (for the right one: on success)
    answer:  the right option (a key of ``options``)
    """

    def __init__(self, name, answer, options, **kw):
        super().__init__(name, **kw)
        if not isinstance(options, dict) or len(options) < 2:
            raise TypeError(f"options must be a dict of at least two options (option -> message); got {options!r}.")  # i18n: ignore
        for key, message in options.items():
            if not (isinstance(key, str) and key.strip()) or not isinstance(message, str):
                raise TypeError(f"options: every option must be a non-empty string with a string message; "  # i18n: ignore
                                f"got {key!r}: {message!r}.")  # i18n: ignore
        if answer not in options:
            raise ValueError(f"answer {answer!r} must be one of the options {list(options)!r}.")  # i18n: ignore
        self.answer = answer
        self.options = dict(options)

    def _choices(self):
        return ", ".join(repr(k) for k in self.options)

    def _evaluate(self, answer):
        if not isinstance(answer, str):
            example = next(iter(self.options))
            return self._wrong(_("answer with one of the choices {choices} as text in quotes, e.g. \"{example}\"; "
                                 "got {what}.").format(choices=self._choices(), example=example, what=describe(answer)))
        lookup = {k.strip().upper(): k for k in self.options}
        typed, full_width = halfwidth(answer)
        chosen = lookup.get(typed.strip().upper())
        if chosen is None:
            return self._wrong(_("{answer} is not one of the choices {choices}.")
                               .format(answer=fmt(answer), choices=self._choices()))
        note = i18n._(FULL_WIDTH_NOTE) if full_width else ""
        message = i18n._(self.options[chosen]) if self.options[chosen] else ""
        if chosen == self.answer:
            return self._ok(join_sentences(note, message))
        return self._wrong(_("not {choice}: {message}")
                           .format(choice=fmt(chosen), message=join_sentences(message, note)))


# ====================================================================== OrderExercise
class OrderExercise(Exercise):
    """The answer is an order of lettered steps, e.g. "CBEDA" (spaces, commas, arrows and case ignored;
    a list of letters is read the same way).

    expected: the right order, each letter once
    mistakes: list (or dict) of (wrong order, message)
    Score: the share of positions that hold the right step.
    """

    def __init__(self, name, expected, *, mistakes=(), **kw):
        super().__init__(name, **kw)
        if not (isinstance(expected, str) and expected.isalpha() and len(set(expected.upper())) == len(expected)):
            raise ValueError(f"expected must be a string of distinct letters such as 'CBEDA'; got {expected!r}.")  # i18n: ignore
        self.expected = expected.upper()
        self.mistakes = [(self._letters(k), m) for k, m in _check_pairs(mistakes, "mistakes", "wrong order")]  # i18n: ignore

    @staticmethod
    def _letters(text):
        return re.sub(r"[^A-Za-z]", "", text).upper()

    def _evaluate(self, answer):
        if isinstance(answer, (list, tuple)) and answer and all(isinstance(a, str) for a in answer):
            answer = "".join(answer)
        if not isinstance(answer, str):
            return self._wrong(_("answer with the letters as one string in quotes, such as '{letters}'; got {what}.")
                               .format(letters="".join(sorted(self.expected)), what=describe(answer)))
        typed, full_width = halfwidth(answer)
        letters = self._letters(typed)
        note = i18n._(FULL_WIDTH_NOTE) if full_width else ""
        if sorted(letters) != sorted(self.expected):
            allowed = ", ".join(sorted(self.expected))
            text = (_("use each of the letters {letters} exactly once; got {got}.") if letters else
                    _("use each of the letters {letters} exactly once; got {got} (no letters)."))
            return self._wrong(text.format(letters=allowed, got=fmt(letters) if letters else fmt(answer)))
        if letters == self.expected:
            return self._ok(note)
        score = sum(a == b for a, b in zip(letters, self.expected)) / len(self.expected)
        for wrong, message in self.mistakes:
            if letters == wrong:
                return self._wrong(join_sentences(_("{letters} is not it: {message}")
                                                  .format(letters=letters, message=i18n._(message)), note), score)
        first = next(i for i, (a, b) in enumerate(zip(letters, self.expected)) if a != b)
        return self._wrong(join_sentences(_("{letters} is not it: the first {count} step(s) are right, but step "
                                            "{step} should not be {letter}.")
                                          .format(letters=letters, count=first, step=first + 1, letter=letters[first]),
                                          note), score)


# ====================================================================== GateExercise
class GateExercise(Exercise):
    """The answer is (w1, w2, b) for a step neuron; it must reproduce the truth table of ``gate``.

    gate: a key of ``course_lib.neuron.GATES`` ("AND", "OR", "NAND", …)
    Score: the share of the four inputs that give the right output.
    """

    def __init__(self, name, gate, **kw):
        super().__init__(name, **kw)
        if gate not in GATES:
            raise ValueError(f"gate must be one of {', '.join(map(repr, GATES))}; got {gate!r}.")  # i18n: ignore
        self.gate = gate
        self.target = np.array(GATES[gate], dtype=float)

    def _evaluate(self, answer):
        try:
            w1, w2, b = read_numbers(answer, shape=(3,))
        except AnswerProblem as problem:
            raise AnswerProblem(join_sentences(str(problem), _("The answer is three numbers (w1, w2, b), e.g. "
                                                               "(1.0, 1.0, -0.5)."))) from None
        z = BINARY_INPUTS @ np.array([w1, w2]) + b
        a = step(z)                                     # the course's step: 1 if z ≥ 0 else 0 (step(0) = 1)
        table = ", ".join(f"({int(x1)}, {int(x2)}) → {int(y)}" for (x1, x2), y in zip(BINARY_INPUTS, a))
        if np.array_equal(a, self.target):
            return self._ok(_("Truth table {table}.").format(table=table))
        score = float(np.mean(a == self.target))
        gives = _("your neuron gives {table}; {why}")
        if a.min() == a.max():
            if a[0] == 1 and self.target[-1] == 0:
                why = _("it fires for every input: lower the bias or make the weights more negative, so that "
                        "(1, 1) gives z < 0.")
            elif a[0] == 1:
                why = _("it fires for every input: lower the bias or make the weights more negative.")
            elif self.target[0] == 1:
                why = _("it never fires: (0, 0) gives z = b, so b must be ≥ 0.")
            else:
                why = _("it never fires: raise the bias or the weights so that (1, 1) gives z ≥ 0.")
            return self._wrong(gives.format(table=table, why=why), score)
        for name, outputs in GATES.items():
            if name != self.gate and np.array_equal(a, outputs):
                if name == "AND" and self.gate == "NAND":
                    why = _("that is AND. NAND is NOT-AND: flip the sign of both weights and of the bias.")
                else:
                    why = _("that is {gate}, not {wanted}.").format(gate=name, wanted=self.gate)
                return self._wrong(gives.format(table=table, why=why), score)
        bad = [f"({int(x1)}, {int(x2)})" for (x1, x2), y, t in zip(BINARY_INPUTS, a, self.target) if y != t]
        return self._wrong(_("your neuron gives {table}; wrong for {inputs} (z = {z}).")
                           .format(table=table, inputs=", ".join(bad), z=", ".join(f"{v:g}" for v in z)), score)
