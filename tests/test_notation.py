"""One notation for the whole course (issue 12, item 5) and one step convention (item 6).

The course writes z = w·x + b (weighted sum plus bias), a = f(z) (activation), b = −θ for a threshold θ,
and its step neuron fires when z ≥ 0 (step(0) = 1).  The lecture 「知の探究」 writes s for the sum, z/h for
activations, a(·) for f and θ for −b; a text may quote those letters only while naming that lecture.

Scanned: every docstring of course_lib (each module, and its public functions, classes and methods) and
every student-facing text of every exercise (hint, solution, success and mistake messages).  The rules
look for a few unambiguous patterns only, so ordinary prose does not trip them.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import course_lib
from course_lib.checks import all_exercises

LECTURE = "知の探究"
RULES = [
    # (name, pattern, allowed when the text also contains …, what to write instead)
    ("sum written s", re.compile(r"(?<![\w'])s\s*=\s*(?:w|Σ|sum\b)"), LECTURE,
     "the weighted sum plus bias is z = w·x + b (s only when quoting 「知の探究」)"),
    ("slope a'(s)", re.compile(r"a['′]\(s"), LECTURE,
     "the activation's slope is f′(z) (a′(s) only when quoting 「知の探究」)"),
    ("strict step", re.compile(r"step\b[^\n;,]{0,40}?(?:1 if|1 where|fires (?:when|if))\s*(?:z|s)\s*>\s*0", re.I), None,
     "the step neuron fires when z ≥ 0 (step(0) = 1)"),
    ("exceeds θ", re.compile(r"exceeds? (?:the threshold|θ)"), None,
     "a step neuron fires once w·x reaches θ (step(0) = 1)"),
]
B_IS_MINUS_THETA = re.compile(r"b\s*=\s*[−-]\s*θ|θ\s*=\s*[−-]\s*b")


def problems(text: str, theta_rule: bool = True) -> list[str]:
    """The notation rules ``text`` breaks, as short messages (empty when it follows them)."""
    found = []
    for name, pattern, allowed_with, instead in RULES:
        if pattern.search(text) and not (allowed_with and allowed_with in text):
            found.append(f"{name}: {instead}")
    if theta_rule and "θ" in text and not B_IS_MINUS_THETA.search(text):
        found.append("θ without b = −θ: say how the threshold becomes the course's bias")
    return found


def _public_docstrings():
    """(where, docstring) for every module of course_lib and its public functions, classes and methods."""
    for info in pkgutil.walk_packages(course_lib.__path__, prefix="course_lib."):
        module = importlib.import_module(info.name)
        if module.__doc__:
            yield info.name, module.__doc__
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                if obj.__doc__:
                    yield f"{info.name}.{name}", obj.__doc__
            if inspect.isclass(obj):
                for meth_name, meth in vars(obj).items():
                    doc = getattr(meth, "__doc__", None)
                    if not meth_name.startswith("_") and callable(meth) and doc:
                        yield f"{info.name}.{name}.{meth_name}", doc


def _texts(value):
    """Every string inside an exercise's attribute (strings, lists/tuples of them, dict values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def _exercise_texts():
    """(exercise, all its texts joined): a student reads the name, hint and messages of one exercise together."""
    for key, exercise in all_exercises().items():
        yield key, "\n".join(text for value in vars(exercise).values() for text in _texts(value))


def test_the_rules_can_fail():
    assert problems("The lecture's threshold form: s = w·x − θ, y = step(s).")             # s and θ alone
    assert problems("fires when the weighted sum exceeds θ; b = −θ")
    assert problems("step: 1 if z > 0 else 0")
    assert problems("Step function: 1 where z > 0, else 0 (step(0) = 0).")
    assert problems("delta = (a − t)·a'(s)")
    assert problems("a threshold θ = 1.5")
    assert not problems("z = w·x − θ, a = step(z), so b = −θ: it fires once w·x reaches θ.")
    assert not problems("「知の探究」 writes s = w·x − θ (its s is our z), so b = −θ.")
    assert not problems("step 1 if z ≥ 0 else 0;  relu' = 1 if z > 0 else 0")


def test_course_lib_docstrings_follow_the_course_notation():
    bad = [f"{where}: {p}" for where, doc in _public_docstrings() for p in problems(doc)]
    assert not bad, "\n".join(bad)


def test_exercise_texts_follow_the_course_notation():
    bad = [f"{where}: {p}" for where, text in _exercise_texts() for p in problems(text)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("chapter", ["00_start_here", "01_neurons", "02_activation_functions",
                                     "03_forward_propagation"])
def test_chapters_0_to_3_follow_the_course_notation(chapter):
    """Every cell of chapters 0–3: no s for the sum, no a'(s), no "1 if z > 0" step (θ may stand alone in a cell:
    an exercise asks for b = −θ)."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "notebooks" / f"{chapter}.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    bad = [f"cell {i}: {p}" for i, cell in enumerate(cells)
           for p in problems("".join(cell["source"]), theta_rule=False)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("z, fires", [(-0.5, 0.0), (0.0, 1.0), (0.5, 1.0)])
def test_one_step_convention_everywhere(z, fires):
    """step, the threshold neuron, the Neuron class and the gate checker agree: a sum of exactly 0 fires."""
    from course_lib.activations import ACTIVATIONS, step
    from course_lib.neuron import Neuron, threshold_neuron

    assert float(step(z)) == fires
    out = ACTIVATIONS["step"].f_into(__import__("numpy").array([z]), __import__("numpy").empty(1))
    assert float(out[0]) == fires
    assert threshold_neuron([1.0], [1.0], 1.0 - z) == fires            # w·x = 1 against θ = 1 − z
    assert Neuron([1.0], b=z)([0.0]) == fires
