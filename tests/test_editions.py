"""The English and the Japanese edition (notebooks/ja/) are the same course: the same cells, tags and slide
types, the same code (strings and comments aside — compared as Python syntax trees), every markdown cell
with prose translated, and each edition choosing its language in its first course_lib cell.

How the editions stay in step: change the English chapter, then
    python tools/notebook_text.py compare notebooks/NN.ipynb notebooks/ja/NN.ipynb
names the cells to bring over (tools/notebook_text.py export/import edit a translation as plain text).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import notebook_text  # noqa: E402
from course_lib.slides import notebook_language  # noqa: E402

EN = sorted((ROOT / "notebooks").glob("*.ipynb"))
JA_DIR = ROOT / "notebooks" / "ja"


def _nb(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_chapter_has_a_japanese_edition():
    assert EN
    assert sorted(p.name for p in JA_DIR.glob("*.ipynb")) == [p.name for p in EN]


@pytest.mark.parametrize("english", EN, ids=lambda p: p.stem)
def test_japanese_chapter_is_a_translation(english):
    japanese = JA_DIR / english.name
    assert japanese.exists(), f"notebooks/ja/{english.name} is missing"
    problems = notebook_text.differences(_nb(english), _nb(japanese))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("english", EN, ids=lambda p: p.stem)
def test_each_edition_chooses_its_language(english):
    import nbformat

    assert notebook_language(nbformat.read(english, as_version=4)) == "en"
    assert notebook_language(nbformat.read(JA_DIR / english.name, as_version=4)) == "ja"


# ---------------------------------------------------------------- the comparison itself can fail
def _cells(*cells):
    return {"cells": [{"cell_type": t, "source": s, "metadata": m} for t, s, m in cells]}


EN_SAMPLE = _cells(("markdown", "## The weighted sum of a neuron", {"slideshow": {"slide_type": "slide"}}),
                   ("code", 'z = 0.3 * 0.1 + 0.2   # weighted sum + bias\nprint(f"z = {z:.2f} (the sum)")', {}),
                   ("code", "%matplotlib inline\nx = 1", {"tags": ["nbval-ignore-output"]}))


def test_a_faithful_translation_passes():
    ja = _cells(("markdown", "## ニューロンの重みづけ和", {"slideshow": {"slide_type": "slide"}}),
                ("code", 'z = 0.3 * 0.1 + 0.2   # 重みづけ和 + バイアス\nprint(f"z = {z:.2f}（和）")', {}),
                ("code", "%matplotlib inline\nx = 1", {"tags": ["nbval-ignore-output"]}))
    assert notebook_text.differences(EN_SAMPLE, ja) == []


@pytest.mark.parametrize("change, expected", [
    ((1, "code", 'z = 0.3 * 0.1 - 0.2   # 重みづけ和\nprint(f"z = {z:.2f}")'), "code differs"),
    ((1, "code", 'z = 0.3 * 0.1 + 0.2\nprint(f"z = {z:.3f}")'), "code differs"),
    ((1, "code", 'z = 0.3 * 0.1 + 0.2\nprint(f"z = {z + 0:.2f}")'), "code differs"),
    ((0, "markdown", "## The weighted sum of a neuron"), "left in English"),
    ((2, "code", "%matplotlib widget\nx = 1"), "code differs"),
])
def test_a_changed_translation_fails(change, expected):
    index, kind, source = change
    ja = json.loads(json.dumps(EN_SAMPLE))
    ja["cells"][0]["source"] = "## ニューロンの重みづけ和"
    ja["cells"][index]["source"] = source
    assert any(expected in p for p in notebook_text.differences(EN_SAMPLE, ja))


def test_tags_and_cell_count_must_match():
    ja = json.loads(json.dumps(EN_SAMPLE))
    ja["cells"][0]["source"] = "## 重みづけ和"
    ja["cells"][2]["metadata"] = {}
    assert any("tags" in p for p in notebook_text.differences(EN_SAMPLE, ja))
    ja["cells"].pop()
    assert "cells" in notebook_text.differences(EN_SAMPLE, ja)[0]


def test_export_and_import_round_trip(tmp_path):
    text = notebook_text.export(EN_SAMPLE)
    blocks = notebook_text.parse(text)
    assert [b[2] for b in blocks] == [c["source"] for c in EN_SAMPLE["cells"]]
    sample = dict(EN_SAMPLE, metadata={})
    built = notebook_text.build(sample, blocks)
    assert notebook_text.differences(sample, built) == ["cell 0: markdown left in English"]
    with pytest.raises(ValueError, match="not the English notebook's cells"):
        notebook_text.build(sample, blocks[:-1])
