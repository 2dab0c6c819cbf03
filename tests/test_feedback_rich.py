"""Exercise feedback is rich output in Jupyter (issue 13, item 7): check(), hint() and solution()
display one object with text/html (a coloured ✓ / ✗ / ○, *emphasis* as <em>, `code` as <code>, the
rest escaped, readable in light and dark themes) and text/plain (the message itself, for nbval and a
terminal).  Outside IPython they print the plain text."""
import re

import pytest

from course_lib.checks import FunctionExercise, ValueExercise, all_exercises
from course_lib.checks import ch01

IPython = pytest.importorskip("IPython")
import IPython.display  # noqa: E402

EX = ch01.worked_example          # -0.47 is "the weighted sum *before* the bias"
GREEN, RED, GREY = "--jp-success-color1", "--jp-error-color1", "--jp-ui-font-color2"


@pytest.fixture
def shown(monkeypatch):
    """Pretend to run inside IPython: collect what is displayed (and fail on any print)."""
    objects = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": object()})())
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: objects.extend(objs))
    return objects


def bundle(obj):
    """What a Jupyter front end receives for ``obj``: its MIME bundle."""
    data = obj._repr_mimebundle_()
    return data[0] if isinstance(data, tuple) else data


def mark_colour(html, mark):
    """The theme variable that colours ``mark`` in ``html`` (None when the mark is not coloured)."""
    found = re.search(r'<span[^>]*style="([^"]*)"[^>]*>' + re.escape(mark) + "</span>", html)
    if not found:
        return None
    variables = re.findall(r"var\((--[\w-]+)", found.group(1))
    return variables[0] if variables else None


def test_check_displays_html_and_plain_text_and_returns_none(shown, capsys):
    assert EX.check(-0.47) is None
    assert capsys.readouterr().out == ""                  # displayed, not printed
    (feedback,) = shown
    data = bundle(feedback)
    html, text = data["text/html"], data["text/plain"]
    assert mark_colour(html, "✗") == RED
    assert "<em>before</em>" in html and "*before*" not in html
    assert text == EX.evaluate(-0.47).message              # plain text: the message, unchanged
    assert "<" not in text and text.startswith("✗ ")


def test_right_and_not_attempted_marks_are_coloured(shown):
    EX.check(-0.27)
    EX.check(...)
    ok, todo = (bundle(f)["text/html"] for f in shown)
    assert mark_colour(ok, "✓") == GREEN and "✗" not in ok
    assert mark_colour(todo, "○") == GREY and "<code>...</code>" in todo and "`" not in todo


def test_hint_and_solution_are_displayed(shown, capsys):
    assert EX.hint() is None and EX.solution() is None
    assert capsys.readouterr().out == ""
    hint, solution = (bundle(f) for f in shown)
    assert hint["text/plain"].startswith(f"Hint ({EX.name}): ")
    assert solution["text/plain"] == f"Solution ({EX.name}):\n{EX.solution_text}"
    assert "<pre" in solution["text/html"] and "<code>" in solution["text/html"]


def test_only_the_markdown_subset_is_rendered_and_everything_else_is_escaped(shown):
    ex = ValueExercise("Escape <b>&", 1.0, mistakes=[(2.0, "z = 1*x1 + 1*x2 is *not* it; use `**kw`, **all**")],
                       hint="h", solution="s")
    ex.check(2.0)
    ex.check("<script>alert(1)</script>")
    mistake, script = (bundle(f)["text/html"] for f in shown)
    assert "<strong>Escape &lt;b&gt;&amp;</strong>" in mistake
    assert "z = 1*x1 + 1*x2" in mistake                      # multiplication is not emphasis
    assert "<em>not</em>" in mistake and "<code>**kw</code>" in mistake and "<strong>all</strong>" in mistake
    assert "<script>" not in script and "&lt;script&gt;" in script


def test_html_is_deterministic_and_themed_with_a_fallback(shown):
    EX.check(-0.47)
    EX.check(-0.47)
    first, second = (bundle(f)["text/html"] for f in shown)
    assert first == second and "0x" not in first
    # every var(--jp-…) declaration follows the same property with a plain colour: JupyterLab's sanitizer
    # (untrusted notebooks) drops var(), and the plain colour stays
    for style in re.findall(r'style="([^"]*)"', first):
        declarations = [[part.strip() for part in d.split(":", 1)] for d in style.split(";") if d.strip()]
        for i, (prop, value) in enumerate(declarations):
            if "var(" in value:
                before = declarations[i - 1]
                assert before[0] == prop and re.search(r"#[0-9a-f]{6}", before[1]), style
    # the text itself takes the theme's colour: the box sets no colour or background of its own
    box_style = re.match(r'<div[^>]*style="([^"]*)"', first).group(1)
    assert not {d.split(":")[0].strip() for d in box_style.split(";")} & {"color", "background", "background-color"}


def test_outside_ipython_check_prints_the_plain_text(monkeypatch, capsys):
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    EX.check(-0.47)
    EX.hint()
    out = capsys.readouterr().out
    assert out.startswith(EX.evaluate(-0.47).message + "\n") and f"Hint ({EX.name}):" in out


LEFTOVER_EMPHASIS = re.compile(r"(?<![\w*])\*[^\s*]([^*<]*[^\s*])?\*(?![\w*])")


def _answers(exercise):
    """``...`` and the answers whose messages the exercise writes itself: typical mistakes, every option."""
    yield ...
    for wrong, _ in getattr(exercise, "mistakes", []):
        if not callable(wrong) and not isinstance(exercise, FunctionExercise):
            yield wrong
    yield from getattr(exercise, "options", {})


@pytest.mark.parametrize("key", list(all_exercises()))
def test_every_exercise_shows_its_messages_without_markdown_asterisks(key, shown):
    exercise = all_exercises()[key]
    answers = list(_answers(exercise))
    for answer in answers:
        exercise.check(answer)
    exercise.hint()
    for answer, feedback in zip(answers, shown):
        data = bundle(feedback)
        assert data["text/plain"] == exercise.evaluate(answer).message
        assert not LEFTOVER_EMPHASIS.search(data["text/html"]), data["text/html"]
    assert mark_colour(bundle(shown[0])["text/html"], "○") == GREY
    assert not LEFTOVER_EMPHASIS.search(bundle(shown[-1])["text/html"])      # the hint


def test_the_real_messages_do_use_emphasis(shown):
    """The check above can fail: chapter 1's typical mistake says *before*."""
    ch01.worked_example.check(-0.47)
    assert LEFTOVER_EMPHASIS.search(shown[0].text) and not LEFTOVER_EMPHASIS.search(bundle(shown[0])["text/html"])


def test_in_a_real_kernel_one_display_and_nothing_printed(tmp_path):
    """A notebook cell ending in .check(…) gives exactly one display_data with html + plain text."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from course_lib.checks import ch01\nch01.worked_example.check(-0.47)")]
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["display_data"], outputs
    data = outputs[0].data
    assert mark_colour(data["text/html"], "✗") == RED and "<em>before</em>" in data["text/html"]
    assert data["text/plain"] == EX.evaluate(-0.47).message
