"""The course glossary, English ↔ 日本語, shared by the English and the Japanese edition.

Each record gives the English term, the Japanese term the source lectures use (alternatives are
separated by `` / ``; the first is the one the course's glosses use), an optional kana reading
(of the first alternative),
the lectures in which the Japanese term appears, the course chapter (0–8) that introduces the
English term, and a one-line definition. A term that appears in none of the lectures has
``lectures=()`` and is shown as "(course term)".

    >>> term("learning rate").japanese
    '学習率'

``GLOSSARY.md`` at the repository root is generated from this module::

    python -m course_lib.glossary > GLOSSARY.md
"""
from __future__ import annotations

import difflib
import sys
from typing import NamedTuple

INTRO = "ニューラルネットワークとディープラーニング入門：基礎理論から実践まで"
CHI = "知の探究"
SHIKUMI = "ニューラルネットワークの仕組み"
SHINSO = "深層学習はどのように賢くなるのか"

#: The four source lectures, by title, in the order the course cites them.
LECTURES = (INTRO, CHI, SHIKUMI, SHINSO)

#: Languages ``to_markdown`` can render.
LANGUAGES = ("en", "ja")


class Term(NamedTuple):
    """One glossary record."""

    english: str
    japanese: str
    reading: str
    lectures: tuple
    chapter: int
    definition: str


def _t(english, japanese, reading, lectures, chapter, definition):
    return Term(english, japanese, reading, tuple(lectures), chapter, definition)


GLOSSARY = (
    _t("neuron", "ニューロン", "", (INTRO, SHIKUMI, SHINSO), 1,
       "A unit that weights its inputs, adds a bias and applies an activation function."),
    _t("artificial neuron", "人工ニューロン", "じんこうニューロン", (SHINSO,), 1,
       "The mathematical model of a nerve cell that a neural network is built from."),
    _t("activation", "活性度", "かっせいど", (INTRO, SHIKUMI), 1,
       "The output a of a neuron, a = f(z)."),
    _t("weight", "重み", "おもみ", (INTRO, CHI, SHIKUMI), 1,
       "A number that scales one input of a neuron; learning adjusts the weights."),
    _t("weighting", "重みづけ", "おもみづけ", (INTRO, SHIKUMI), 1,
       "Multiplying each input by its weight before the inputs are added up."),
    _t("bias", "バイアス", "", (INTRO, SHIKUMI), 1,
       "The number added to the weighted sum, z = w·x + b; it shifts where the neuron turns on."),
    _t("threshold", "閾値", "しきいち", (CHI, SHINSO), 1,
       "The level the weighted sum must reach for a step neuron to fire; the bias is minus the threshold."),
    _t("activation function", "活性化関数", "かっせいかかんすう", LECTURES, 1,
       "The function f that turns the weighted sum plus bias z into the activation a."),
    _t("step function", "ステップ関数", "ステップかんすう", (), 2,
       "The activation function that gives 1 when z ≥ 0 and 0 otherwise."),
    _t("sigmoid", "シグモイド関数", "シグモイドかんすう", (CHI,), 2,
       "The S-shaped activation function σ(z) = 1 / (1 + e^(−z)), with values between 0 and 1."),
    _t("ReLU", "ReLU / ランプ関数", "", (INTRO, CHI, SHINSO), 2,
       "The activation function max(0, z), rectified linear unit."),
    _t("layer", "層", "そう", LECTURES, 3,
       "A group of neurons that all take the same inputs and pass their activations on together."),
    _t("input layer", "入力層", "にゅうりょくそう", (INTRO, CHI), 3,
       "The first layer: it holds the input values and does no computation."),
    _t("hidden layer", "隠れ層", "かくれそう", (CHI,), 3,
       "A layer between the input layer and the output layer."),
    _t("output layer", "出力層", "しゅつりょくそう", (INTRO, CHI), 3,
       "The last layer; its activations are the network's answer."),
    _t("fully connected", "全結合", "ぜんけつごう", (INTRO,), 3,
       "Said of a layer in which every neuron takes every activation of the layer before."),
    _t("forward propagation", "順伝播 / フォワードプロパゲーション", "じゅんでんぱ", (INTRO,), 3,
       "Computing the activations layer by layer from the input to the output."),
    _t("error", "誤差", "ごさ", LECTURES, 4,
       "The difference between the network's output and the correct answer."),
    _t("squared error", "二乗誤差", "にじょうごさ", (), 4,
       "The square of the error, summed over the outputs; a loss for numbers."),
    _t("loss function", "損失関数", "そんしつかんすう", (SHINSO,), 4,
       "The number training makes small: how far the outputs are from the correct answers."),
    _t("backpropagation", "誤差逆伝播法 / バックプロパゲーション", "ごさぎゃくでんぱほう", (INTRO, CHI, SHINSO), 4,
       "Computing the gradient of the loss layer by layer from the output back to the input."),
    _t("chain rule", "連鎖律", "れんさりつ", (), 4,
       "The derivative of a composition is the product of the derivatives of its links."),
    _t("steepest descent", "最急降下法", "さいきゅうこうかほう", (CHI,), 4,
       "Moving the parameters a small step against the gradient, again and again."),
    _t("gradient descent", "勾配降下法", "こうばいこうかほう", (SHINSO,), 5,
       "Another name for steepest descent: step the parameters against the gradient of the loss."),
    _t("learning rate", "学習率", "がくしゅうりつ", (), 4,
       "The factor η that sets the size of each gradient-descent step."),
    _t("training data", "訓練データ", "くんれんデータ", LECTURES[:1] + LECTURES[2:], 6,
       "The examples the network learns from."),
    _t("validation data", "検証データ", "けんしょうデータ", (SHIKUMI,), 6,
       "Examples kept out of training, used to check how well the network does on new data."),
    _t("test data", "テストデータ", "", (), 6,
       "Examples kept aside until the end, to measure the finished network once."),
    _t("generalisation", "汎化", "はんか", (SHIKUMI,), 6,
       "Doing well on data the network was not trained on."),
    _t("minibatch learning", "ミニバッチ学習", "ミニバッチがくしゅう", (SHINSO,), 5,
       "Updating the parameters after each small random group of examples."),
    _t("online learning", "オンライン学習", "オンラインがくしゅう", (SHINSO,), 5,
       "Updating the parameters after every single example."),
    _t("overfitting", "過学習", "かがくしゅう", (CHI,), 7,
       "Fitting the training data so closely that the network does worse on new data."),
    _t("epoch", "エポック", "", (), 5,
       "One pass through all the training data."),
    _t("weight decay", "荷重減衰", "かじゅうげんすい", (), 7,
       "Adding a penalty on large weights to the loss, to reduce overfitting."),
    _t("dropout", "ドロップアウト", "", (INTRO,), 7,
       "Switching off randomly chosen neurons during training, to reduce overfitting."),
    _t("initial value", "初期値", "しょきち", (CHI,), 7,
       "The values the weights start from before training, for example Xavier or He initialisation."),
    _t("softmax", "ソフトマックス", "", (), 6,
       "Turns the output layer's numbers into probabilities that add up to 1."),
    _t("cross-entropy", "交差エントロピー", "こうさエントロピー", (), 6,
       "The loss for classification: minus the log of the probability given to the correct class."),
    _t("deep learning", "深層学習 / ディープラーニング", "しんそうがくしゅう", (INTRO, CHI, SHINSO), 8,
       "Machine learning with neural networks of many layers."),
    _t("machine learning", "機械学習", "きかいがくしゅう", LECTURES, 1,
       "Finding a program's parameters from examples instead of writing them by hand."),
    _t("artificial intelligence", "人工知能", "じんこうちのう", (INTRO, SHINSO), 0,
       "Computer systems that do tasks we call intelligent, such as recognising images."),
    _t("pixel", "画素", "がそ", (INTRO, CHI, SHIKUMI), 3,
       "One dot of an image, stored as a number (a grey level) or three (a colour)."),
    _t("convolutional neural network", "畳み込みニューラルネットワーク",
       "たたみこみニューラルネットワーク", (CHI,), 8,
       "A network whose layers slide small shared filters over an image."),
    _t("supervised learning", "教師あり学習", "きょうしありがくしゅう", (INTRO, CHI, SHINSO), 4,
       "Learning from examples that come with the correct answers."),
    _t("unsupervised learning", "教師なし学習", "きょうしなしがくしゅう", (INTRO,), 8,
       "Learning structure from examples that come without answers."),
)

_BY_ENGLISH = {t.english.casefold(): t for t in GLOSSARY}


def term(english: str) -> Term:
    """The glossary record for an English term (case does not matter), e.g. ``term("bias").japanese``."""
    if not isinstance(english, str):
        raise TypeError(
            f"term(english=...): english must be a str, one of the glossary's English terms such as "
            f"'learning rate'; got {type(english).__name__} {english!r}")
    found = _BY_ENGLISH.get(english.strip().casefold())
    if found is None:
        close = difflib.get_close_matches(english.strip().casefold(), list(_BY_ENGLISH), n=3)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ValueError(
            f"term(english=...): english must be one of the {len(GLOSSARY)} English terms in "
            f"course_lib.glossary.GLOSSARY (for example 'activation function'); got {english!r}.{hint}")
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _lectures(record: Term, lang: str) -> str:
    if not record.lectures:
        return "(course term)" if lang == "en" else "（コースの用語）"
    return ("、" if lang == "ja" else ", ").join(f"「{title}」" for title in record.lectures)


def to_markdown(lang: str = "en") -> str:
    """The glossary as a Markdown document with one table; ``lang`` is ``"en"`` or ``"ja"``."""
    if not isinstance(lang, str):
        raise TypeError(f"to_markdown(lang=...): lang must be a str, one of {LANGUAGES}; "
                        f"got {type(lang).__name__} {lang!r}")
    if lang not in LANGUAGES:
        raise ValueError(f"to_markdown(lang=...): lang must be one of {LANGUAGES}; got {lang!r}")
    if lang == "en":
        lines = [
            "# Glossary — English ↔ 日本語",
            "",
            "The terms of the course with the Japanese the source lectures use, shared by the English and the",
            "Japanese edition. *Lectures* names the lectures in which the Japanese term appears; *(course term)*",
            "marks a term the lectures do not use. *Chapter* is the course chapter that introduces the term.",
            "",
            "Generated from `course_lib/glossary.py` — do not edit by hand; regenerate with",
            "`python -m course_lib.glossary > GLOSSARY.md`.",
            "",
            "| English | 日本語 | Reading | Lectures | Chapter | Definition |",
            "|---|---|---|---|---|---|",
        ]
        for r in GLOSSARY:
            lines.append(f"| {_cell(r.english)} | {_cell(r.japanese)} | {_cell(r.reading)} | "
                         f"{_cell(_lectures(r, lang))} | {r.chapter} | {_cell(r.definition)} |")
    else:
        lines = [
            "# 用語集 — 日本語 ↔ English",
            "",
            "「講義」は、その日本語の用語が現れる講義です。（コースの用語）は講義には出てこない用語です。",
            "「章」は、その用語を導入するコースの章です。",
            "",
            "| 日本語 | 読み | English | 講義 | 章 |",
            "|---|---|---|---|---|",
        ]
        for r in GLOSSARY:
            lines.append(f"| {_cell(r.japanese)} | {_cell(r.reading)} | {_cell(r.english)} | "
                         f"{_cell(_lectures(r, lang))} | {r.chapter} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    """``python -m course_lib.glossary [en|ja]``: write the glossary as Markdown to standard output."""
    args = sys.argv[1:] if argv is None else list(argv)
    lang = args[0] if args else "en"
    text = to_markdown(lang)
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        sys.stdout.write(text)
    else:                                   # UTF-8 and "\n" whatever the console's encoding
        out.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
