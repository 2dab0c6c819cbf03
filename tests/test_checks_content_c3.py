"""Issue 12, chapters 0–2: the new history exercise, and the text fixes that must not drift back.

* ``ch01.samuel_quiz`` (Samuel's checkers program, lecture 「深層学習はどのように賢くなるのか」):
  one right answer and the typical wrong ones.
* Student-facing markdown of chapters 0–2 names the lectures by their titles, never "seed";
  chapter 0 credits the four lectures; Amari's year, ReLU's year and the pixel colours are right.
"""
import re
from pathlib import Path

import nbformat
import pytest

from course_lib.checks import ch01

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MINE = ["00_start_here.ipynb", "01_neurons.ipynb", "02_activation_functions.ipynb"]
TITLES = {
    "000/002": "「ニューラルネットワークとディープラーニング入門：基礎理論から実践まで」",
    "001": "「知の探究」",
    "003": "「ニューラルネットワークの仕組み」",
    "004": "「深層学習はどのように賢くなるのか」",
}


def markdown(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    return "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


# ---------------------------------------------------------------- the new exercise
def test_samuel_quiz_right_answer_passes():
    result = ch01.samuel_quiz.evaluate("B")
    assert result.ok and "experience" in result.message


@pytest.mark.parametrize("answer, fragment", [
    ("A", "does not learn"),          # a hand-written program
    ("C", "not a neural network"),    # confusing machine learning with deep learning
])
def test_samuel_quiz_wrong_answers_explain(answer, fragment):
    result = ch01.samuel_quiz.evaluate(answer)
    assert not result.ok
    assert fragment in result.message


def test_samuel_quiz_template_is_not_attempted():
    assert not ch01.samuel_quiz.evaluate(...).ok


# ---------------------------------------------------------------- text fixes
@pytest.mark.parametrize("name", MINE)
def test_no_seed_word_in_student_text(name):
    text = markdown(name)
    for match in re.finditer(r"(?i)\bseeds?\b", text):
        around = text[max(0, match.start() - 12):match.end() + 6].lower()
        assert any(ok in around for ok in ("random", "rng", "seed=")), f"{name}: {around!r}"


def test_chapter0_credits_the_four_lectures_and_their_author():
    text = markdown("00_start_here.ipynb")
    assert "## Where this course comes from" in text
    for title in TITLES.values():
        assert title in text
    assert "金子邦彦" in text
    assert "Every worked example and every exercise" in text


def test_chapter1_history_facts():
    text = markdown("01_neurons.ipynb")
    assert "Amari proposed a learning rule for multilayer networks (1967" in text
    assert "Samuel" in text and "1956" in text and "AlphaGo" in text


def test_chapter1_pixel_colours_agree_with_the_picture():
    text = markdown("01_neurons.ipynb")          # images.pixel_grid draws 1 dark, 0 white
    assert "1 is drawn\ndark" in text
    assert "extra white pixels" not in text
    assert "extra dark pixels" in text


def test_chapter2_relu_popular_not_invented_in_2011():
    text = markdown("02_activation_functions.ipynb")
    assert "became popular around 2011" in text
    assert "Fukushima used it in 1969" in text
