"""The glossary (course_lib/glossary.py, GLOSSARY.md): well-formed, true to the lectures, agreeing with
the Japanese glosses of the English notebooks, and rendered into GLOSSARY.md."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib import glossary
from course_lib.glossary import GLOSSARY, LECTURES, term, to_markdown

ROOT = Path(__file__).resolve().parents[1]
LECTURE_DIR = ROOT.parent / "shared" / "seeds"        # the lectures' texts; CI clones may not have them
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")

# Notebook glosses that knowingly differ from the glossary: (chapter file, English term, gloss).
ALLOWED_GLOSSES: set[tuple[str, str, str]] = set()


def alternatives(record):
    return [part.strip() for part in record.japanese.split(" / ")]


# ---------------------------------------------------------------- records

def test_records_are_well_formed():
    assert len(GLOSSARY) >= 45
    for r in GLOSSARY:
        assert isinstance(r.english, str) and r.english.strip() == r.english != "", r
        assert isinstance(r.japanese, str) and r.japanese.strip(), r
        assert all(alt and JAPANESE.search(alt) or alt == "ReLU" for alt in alternatives(r)), r
        assert JAPANESE.search(r.japanese) or r.english == "ReLU", r
        assert isinstance(r.reading, str), r
        assert not re.search(r"[A-Za-z\u4e00-\u9fff]", r.reading), f"reading must be kana: {r}"
        assert isinstance(r.lectures, tuple) and set(r.lectures) <= set(LECTURES), r
        assert len(set(r.lectures)) == len(r.lectures), r
        assert list(r.lectures) == sorted(r.lectures, key=LECTURES.index), f"lectures out of order: {r}"
        assert isinstance(r.chapter, int) and not isinstance(r.chapter, bool) and 0 <= r.chapter <= 8, r
        assert r.definition.strip() and "\n" not in r.definition, r
    english = [r.english.casefold() for r in GLOSSARY]
    assert len(english) == len(set(english)), "duplicate English terms"


def test_the_issue_terms_are_all_there():
    required = {
        "neuron": "ニューロン", "activation": "活性度", "weight": "重み", "weighting": "重みづけ",
        "bias": "バイアス", "threshold": "閾値", "activation function": "活性化関数",
        "step function": "ステップ関数", "sigmoid": "シグモイド関数", "layer": "層", "input layer": "入力層",
        "hidden layer": "隠れ層", "output layer": "出力層", "fully connected": "全結合", "error": "誤差",
        "squared error": "二乗誤差", "loss function": "損失関数", "backpropagation": "誤差逆伝播法",
        "chain rule": "連鎖律", "steepest descent": "最急降下法", "gradient descent": "勾配降下法",
        "learning rate": "学習率", "training data": "訓練データ", "validation data": "検証データ",
        "test data": "テストデータ", "generalisation": "汎化", "minibatch learning": "ミニバッチ学習",
        "online learning": "オンライン学習", "overfitting": "過学習", "epoch": "エポック",
        "weight decay": "荷重減衰", "dropout": "ドロップアウト", "initial value": "初期値",
        "softmax": "ソフトマックス", "cross-entropy": "交差エントロピー", "deep learning": "ディープラーニング",
        "machine learning": "機械学習", "artificial intelligence": "人工知能", "pixel": "画素",
        "convolutional neural network": "畳み込みニューラルネットワーク",
        "supervised learning": "教師あり学習", "unsupervised learning": "教師なし学習",
    }
    for english, japanese in required.items():
        assert japanese in alternatives(term(english)), (english, term(english).japanese)
    for english in ("artificial neuron", "ReLU", "forward propagation"):
        term(english)
    # the notebooks' glosses come first where the lectures have two words
    assert alternatives(term("forward propagation")) == ["順伝播", "フォワードプロパゲーション"]
    assert alternatives(term("backpropagation"))[0] == "誤差逆伝播法"
    assert "深層学習" in alternatives(term("deep learning"))


# ---------------------------------------------------------------- the lectures

def _lecture_texts():
    """{title: text with all white space removed} — 000 and 002 are one lecture, so their texts are joined."""
    texts = {title: "" for title in LECTURES}
    for path in sorted(LECTURE_DIR.glob("*.txt")):
        text = re.sub(r"\s+", "", path.read_text(encoding="utf-8", errors="replace"))
        head = text[:600]
        # the lecture whose (longest matching) title opens the file
        titles = [t for t in LECTURES if t in head]
        assert titles, f"{path.name}: no lecture title in its first lines"
        texts[max(titles, key=len)] += "\n" + text
    return texts


@pytest.mark.skipif(not LECTURE_DIR.is_dir(),
                    reason=f"the lectures' texts ({LECTURE_DIR}) are not in this clone; "
                           "the glossary's lecture column is checked where they are")
def test_every_japanese_term_is_in_exactly_the_lectures_it_names():
    texts = _lecture_texts()
    assert all(texts.values()), f"a lecture has no text: {[t for t, x in texts.items() if not x]}"
    wrong = []
    for r in GLOSSARY:
        found = tuple(t for t in LECTURES if any(alt in texts[t] for alt in alternatives(r)))
        if found != r.lectures:
            wrong.append(f"{r.english} ({r.japanese}): glossary names {r.lectures}, the lectures have it in {found}")
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- the English notebooks' glosses

def _notebook_glosses():
    """(notebook, record, gloss) for every "English term (日本語…)" in the notebooks' cells.

    The gloss is the part before the first comma. When several terms end at the same parenthesis
    ("hidden layer (隠れ層)") the longest wins. Not glosses, so skipped: a parenthesis after a heading
    or inside a bold phrase that starts before the term ("**Sum and bias (合計とバイアス)**" translates
    the phrase), and a citation (「…」).
    """
    terms = sorted(GLOSSARY, key=lambda r: -len(r.english))
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            for line in "".join(cell["source"]).split("\n"):
                if line.lstrip().startswith("#"):
                    continue
                taken = set()
                for r in terms:
                    pattern = re.compile(r"(?<![\w-])" + re.escape(r.english)
                                         + r"s?(\*{0,2})\s*[(（]([^()（）]*)[)）]", re.I)
                    for m in pattern.finditer(line):
                        if m.start(2) in taken:
                            continue
                        taken.add(m.start(2))
                        prefix = line[:m.start()]
                        if prefix.count("**") % 2 == 1 and not prefix.endswith("**") and not m.group(1):
                            continue
                        gloss = re.split(r"[,、;；]", m.group(2))[0].strip()
                        if JAPANESE.search(gloss) and not gloss.startswith("「"):
                            yield path.name, r, gloss


def test_notebook_glosses_agree_with_the_glossary():
    glosses = list(_notebook_glosses())
    assert len(glosses) >= 30, f"only {len(glosses)} glosses found: the pattern no longer matches the notebooks"
    # a gloss agrees when it is one of the glossary's Japanese terms, or a longer phrase built on one
    # ("mean squared error (平均二乗誤差)", "many layers (多層)")
    wrong = [f"{nb}: {r.english} ({gloss}) but the glossary has {r.japanese}"
             for nb, r, gloss in glosses
             if not any(alt in gloss for alt in alternatives(r)) and (nb, r.english, gloss) not in ALLOWED_GLOSSES]
    assert not wrong, "\n".join(wrong) + "\nfix the notebook or the glossary, or add it to ALLOWED_GLOSSES with a reason"
    used = {(nb, r.english, gloss) for nb, r, gloss in glosses}
    assert ALLOWED_GLOSSES <= used, f"stale ALLOWED_GLOSSES entries: {ALLOWED_GLOSSES - used}"


# ---------------------------------------------------------------- GLOSSARY.md

def test_glossary_md_is_generated_from_the_module():
    md = (ROOT / "GLOSSARY.md").read_text(encoding="utf-8")
    assert md == to_markdown(), "GLOSSARY.md is out of date: regenerate it with  python -m course_lib.glossary > GLOSSARY.md"


def test_markdown_has_one_row_per_term_and_marks_course_terms():
    for lang in ("en", "ja"):
        rows = [line for line in to_markdown(lang).splitlines() if line.startswith("| ") and "---" not in line]
        assert len(rows) == len(GLOSSARY) + 1, lang
    en = to_markdown()
    assert "| test data | テストデータ |" in en
    assert en.count("(course term)") == sum(1 for r in GLOSSARY if not r.lectures) + 1   # + the explanation
    assert "「知の探究」" in en and "seed" not in en.lower()
    assert to_markdown("ja").startswith("# 用語集")


def test_running_the_module_prints_the_markdown():
    out = subprocess.run([sys.executable, "-m", "course_lib.glossary"], cwd=ROOT,
                         capture_output=True, check=True).stdout
    assert out.decode("utf-8") == to_markdown()


# ---------------------------------------------------------------- bad input

def test_term_lookup():
    assert term("Learning Rate") is term("learning rate")
    assert term(" ReLU ").japanese.startswith("ReLU")
    assert term("backpropagation").japanese.startswith("誤差逆伝播法")
    assert term("validation data").lectures == ("ニューラルネットワークの仕組み",)


@pytest.mark.parametrize("bad, error, words", [
    (3, TypeError, ["english", "must be a str", "int", "3"]),
    (None, TypeError, ["english", "must be a str", "NoneType"]),
    (["bias"], TypeError, ["english", "must be a str", "list"]),
    ("", ValueError, ["english", "one of the", "English terms", "''"]),
    ("neurone", ValueError, ["english", "one of the", "'neurone'", "Did you mean", "'neuron'"]),
    ("活性化関数", ValueError, ["english", "English terms", "'活性化関数'"]),
])
def test_term_bad_input(bad, error, words):
    with pytest.raises(error) as info:
        term(bad)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


@pytest.mark.parametrize("bad, error, words", [
    ("jp", ValueError, ["lang", "'en'", "'ja'", "got 'jp'"]),
    ("EN ", ValueError, ["lang", "'en'", "got 'EN '"]),
    (None, TypeError, ["lang", "must be a str", "NoneType"]),
    (1, TypeError, ["lang", "must be a str", "int"]),
])
def test_to_markdown_bad_input(bad, error, words):
    with pytest.raises(error) as info:
        to_markdown(bad)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_the_checks_can_fail(monkeypatch):
    """The lecture and gloss checks notice a wrong record."""
    wrong = glossary.Term("bias", "偏り", "かたより", ("知の探究",), 1, "x")
    assert "偏り" not in alternatives(term("bias"))
    if LECTURE_DIR.is_dir():
        assert "偏り" not in _lecture_texts()["知の探究"]
    monkeypatch.setattr(glossary, "GLOSSARY", (wrong,))
    monkeypatch.setattr(sys.modules[__name__], "GLOSSARY", (wrong,))
    assert any(gloss != "偏り" for _, r, gloss in _notebook_glosses() if r.english == "bias")
    with pytest.raises(AssertionError):
        test_glossary_md_is_generated_from_the_module()
