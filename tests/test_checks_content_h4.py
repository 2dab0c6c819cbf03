"""Issue 12, item 7 for chapters 5, 6 and 8: the renumbering and the cross-references that must not drift back.

* Deep learning is chapter 8: its title, its section numbers and its exercises (notebook and checkers) say 8.
* Every exercise a chapter checks is announced in the text with the number its checker prints.
* Initialisation, optimisers and regularisation now live in chapter 7 (``07_training_better.ipynb``):
  chapters 5, 6 and 8 point there, not to chapter 4; chapter 6 ends with "Next: chapter 7".
* Item 8: the chapters draw their figures with ``course_lib.figures``, not with ad-hoc matplotlib.
"""
import re
from pathlib import Path

import nbformat
import pytest

from course_lib.checks import ch05, ch06, ch08

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CHAPTERS = {"05_gradient_descent_hubble.ipynb": (5, ch05), "06_mnist.ipynb": (6, ch06),
            "08_deep_learning.ipynb": (8, ch08)}
TRAINING_BETTER = "07_training_better.ipynb"


def cells(name):
    return nbformat.read(NOTEBOOKS / name, as_version=4).cells


def markdown(name):
    return "\n\n".join(cell.source for cell in cells(name) if cell.cell_type == "markdown")


def test_deep_learning_is_chapter_8():
    text = markdown("08_deep_learning.ipynb")
    assert text.startswith("# Chapter 8 — Deep learning")
    sections = re.findall(r"^## (\d+)\.\d", text, flags=re.M)
    assert sections and set(sections) == {"8"}
    assert not re.search(r"Exercise 7\.\d|\b7\.\d\b", text)


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_checked_exercise_is_announced_with_its_checkers_number(name):
    number, module = CHAPTERS[name]
    announced, checked = set(), []
    for cell in cells(name):
        if cell.cell_type == "markdown":
            announced |= set(re.findall(rf"Exercise ({number}\.\d+)", cell.source))
        else:
            checked += re.findall(rf"\bch0{number}\.(\w+_exercise)\.check\(", cell.source)
    assert checked
    for exercise in checked:
        title = getattr(module, exercise).name
        found = re.match(r"Exercise (\d+\.\d+) ", title)
        assert found and found.group(1).startswith(f"{number}."), title
        assert found.group(1) in announced, f"{title} is checked in {name} but never announced"


def test_checker_titles_of_chapter_8():
    names = [getattr(ch08, n).name for n in ch08.__all__ if n.endswith("_exercise")]
    assert [n.split(" (")[0] for n in names] == [f"Exercise 8.{i}" for i in range(1, 9)]


def test_chapter_6_uses_he_and_adam_and_leaves_the_why_to_chapter_7():
    text = markdown("06_mnist.ipynb")
    assert not re.search(r"(Adam|optimi[sz]er|initiali[sz]ation|overfitting|dropout)[^.]{0,40}\(chapter 4\)", text)
    assert "He initialisation" in text and f"[chapter 7]({TRAINING_BETTER})" in text
    summary = cells("06_mnist.ipynb")[-1].source
    assert f"**Next:** [chapter 7 — Training better]({TRAINING_BETTER})" in summary
    assert "Chapter 8 shows how *deep* networks" in text


def test_chapters_5_and_8_link_the_new_chapter_7():
    assert f"([chapter 7]({TRAINING_BETTER}))" in markdown("05_gradient_descent_hubble.ipynb")
    text = markdown("08_deep_learning.ipynb")
    assert f"[chapter 7 — Training better]({TRAINING_BETTER})" in text     # "what made deep learning work"
    assert "Adam ([chapter 7]" in text and "chapters 2 and 4" not in text
    assert "speech (8)." in text                                            # the whole course in one breath


@pytest.mark.parametrize("name", CHAPTERS)
def test_figures_come_from_course_lib(name):
    """No cell builds a figure by hand: at most a plt.subplots to arrange course_lib's panels."""
    for cell in cells(name):
        if cell.cell_type != "code":
            continue
        by_hand = re.findall(r"\bax\d?\.(?:plot|bar|hist|imshow|semilogy|semilogx|scatter|axhline|text)\(",
                             cell.source)
        by_hand += re.findall(r"\baxes\[.*\]\.(?:plot|bar|hist|imshow)\(", cell.source)
        allowed = name == "05_gradient_descent_hubble.ipynb" and "ax.scatter(x, y" in cell.source   # Hubble's data
        assert not by_hand or allowed, f"{name}: a figure drawn by hand in\n{cell.source}"
