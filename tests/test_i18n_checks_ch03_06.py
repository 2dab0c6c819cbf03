"""The exercises of chapters 3–6 in Japanese (issue 14, item 3): names, hints, solutions, success texts,
typical mistakes, choice options and the diagnoses of ``explain`` — and the English unchanged.

Every test switches the language with ``language("ja")`` and leaves English behind it.
"""
from __future__ import annotations

import io
import re
import tokenize

import numpy as np
import pytest

from course_lib.activations import relu, sigmoid, sigmoid_grad
from course_lib.checks import ch03, ch04, ch05, ch06
from course_lib.checks.base import Exercise
from course_lib.i18n import _, get_language, language

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
ENGLISH_WORD = re.compile(r"(?<![\w.])[a-z]{3,}(?![\w(])")   # "then", "row" — not relu(…), delta_O, np.exp

EXERCISES = [(f"{m.__name__.rsplit('.', 1)[1]}.{key}", value)
             for m in (ch03, ch04, ch05, ch06)
             for key, value in vars(m).items() if isinstance(value, Exercise) and not key.startswith("_")]
IDS = [name for name, _ex in EXERCISES]


def _japanese(text):
    return bool(JAPANESE.search(text))


def _code_tokens(text):
    """The Python tokens of ``text`` without comments: what a solution *does*."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in skip]


def _comments(text):
    return [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.COMMENT]


def _english_words(text):
    """The English words in the comments of the code ``text`` (names used in the code do not count)."""
    names = {s for kind, s in _code_tokens(text) if kind == tokenize.NAME}
    return [w for c in _comments(text) for w in ENGLISH_WORD.findall(c) if w not in names]


def _shown(capsys, lang, show):
    """What ``show()`` (``ex.hint``, ``ex.solution``, ``ex.check``) prints in ``lang``."""
    capsys.readouterr()
    with language(lang):
        show()
    return capsys.readouterr().out


def test_there_are_exercises_in_every_chapter():
    chapters = {name.split(".")[0] for name in IDS}
    assert chapters == {"ch03", "ch04", "ch05", "ch06"} and len(EXERCISES) >= 35


# ---------------------------------------------------------------- the catalog has every stored text
@pytest.mark.parametrize("name, ex", EXERCISES, ids=IDS)
def test_every_stored_text_has_a_japanese_translation(name, ex):
    texts = [ex.name, ex._hint, ex._success] if ex._success != "Well done." else [ex.name, ex._hint]
    texts += [message for _wrong, message in getattr(ex, "mistakes", [])]
    texts += list(getattr(ex, "options", {}).values())
    if hasattr(ex, "why_wrong"):
        texts.append(ex.why_wrong)
    with language("ja"):
        missing = [t for t in texts if not _japanese(_(t))]
    assert not missing, f"{name}: no Japanese for {missing}"


@pytest.mark.parametrize("name, ex", EXERCISES, ids=IDS)
def test_japanese_solution_is_the_same_code_with_japanese_comments(name, ex):
    english = ex.solution_text
    with language("ja"):
        japanese = _(english)
    assert _code_tokens(japanese) == _code_tokens(english), "only the comments may be translated"
    assert not _english_words(japanese), f"{name}: comments left in English: {_comments(japanese)}"
    if _english_words(english):
        assert japanese != english and any(_japanese(c) for c in _comments(japanese))


def test_exercise_names_follow_the_japanese_convention():
    with language("ja"):
        assert _(ch03.exercise3.name) == "演習3"
        assert _(ch04.errors_exercise.name).startswith("演習 4.1（")
        assert _(ch05.hubble_time_exercise.name).startswith("演習 5.8（")
        assert _(ch06.smoothed_target_exercise.name).startswith("演習 6.12（")


# ---------------------------------------------------------------- what a student sees (needs base/kinds to _() it)
@pytest.mark.parametrize("name, ex", EXERCISES, ids=IDS)
def test_hint_is_shown_in_japanese(capsys, name, ex):
    english = _shown(capsys, "en", ex.hint)
    japanese = _shown(capsys, "ja", ex.hint)
    assert ex._hint in english
    assert japanese != english and _japanese(japanese)
    with language("ja"):
        assert _(ex._hint) in japanese
    assert get_language() == "en"


@pytest.mark.parametrize("name, ex", EXERCISES, ids=IDS)
def test_solution_is_shown_in_japanese(capsys, name, ex):
    english = _shown(capsys, "en", ex.solution)
    japanese = _shown(capsys, "ja", ex.solution)
    assert ex.solution_text in english
    with language("ja"):
        assert _(ex.solution_text) in japanese
        assert _(ex.name) in japanese
    assert japanese != english            # at least the title: 解答（演習 …）


def _ja(ex, answer):
    with language("ja"):
        return ex.evaluate(answer)


def _layer_without_relu(X, W, b):
    return X @ W + b


def _layer_transposed(X, W, b):
    return np.maximum(W @ X + b, 0.0)


# (exercise, a typical wrong answer, a piece of the Japanese message it must give)
WRONG = [
    (ch03.exercise3, lambda x1, x2: relu(-1 * relu(x1 + x2) + 2 * (x1 + x2 - 1) + 1), "ReLU がかかっていません"),
    (ch03.hidden_at_11, (2.0, 2.0), "n2 のバイアスは −1 です"),
    (ch03.parameter_count, 42, "それは重みだけを数えています"),
    (ch03.layer_exercise, _layer_without_relu, "ReLU が抜けています"),
    (ch03.xor_without_hidden_layer, "A", "エポックを増やしても効果はありません"),
    (ch04.errors_exercise, (0.0068, 0.1592, -0.1760), "スライドの誤植"),
    (ch04.squared_error_exercise, lambda t, a: np.sum((a - t) ** 2), "係数 ½"),
    (ch04.hidden_delta_exercise, lambda delta_O, W_O, z_H: (W_O @ delta_O) * sigmoid(z_H), "連鎖律では"),
    (ch04.algorithm_order_exercise, "CBEAD", "誤差逆伝播法 (D) は更新 (A) より前"),
    (ch05.residual_exercise, -237.0, "それは y − ŷ です"),
    (ch05.mse_exercise, lambda a, b, x, y: np.sum((a * x + b - y) ** 2), "N = 3 で割ります"),
    (ch05.learning_rate_exercise, "A", "ある程度までです"),
    (ch05.updates_per_epoch_exercise, 4, "5 個目の小さなミニバッチができます"),
    (ch06.grey_code_exercise, (3 - ch06.MYSTERY_4X4).tolist(), "黒と白が入れ替わっています"),
    (ch06.predict_class_exercise, lambda a: np.argmax(a) + 1, "0 から数えます"),
    (ch06.softmax_shift_exercise, "C", "*掛けた*"),
    (ch06.n_params_exercise, 784 * 128 + 128 * 10, "それは重みだけです"),
]


@pytest.mark.parametrize("ex, answer, fragment", WRONG, ids=[f"{ex.name}-{i}" for i, (ex, _a, _f) in enumerate(WRONG)])
def test_a_typical_mistake_is_explained_in_japanese(ex, answer, fragment):
    english = ex.evaluate(answer)
    result = _ja(ex, answer)
    assert not result.ok and result.message.startswith("✗")
    assert fragment in result.message, result.message
    with language("ja"):
        assert _(ex.name) in result.message
    assert english.message != result.message and not _japanese(english.message.replace("演習", ""))


@pytest.mark.parametrize("ex, answer", [
    (ch03.layer_exercise, lambda X, W, b: relu(X @ W + b)),
    (ch05.best_slope_exercise, "B"),
    (ch06.untrained_accuracy_exercise, "B"),
])
def test_a_right_answer_is_praised_in_japanese(ex, answer):
    result = _ja(ex, answer)
    assert result.ok and result.message.startswith("✓")
    assert _japanese(result.message.replace("演習", ""))


# ---------------------------------------------------------------- texts built when a check runs (explain)
def test_explain_diagnoses_are_japanese_and_english_is_unchanged():
    en = ch03.layer_exercise.evaluate(_layer_transposed).message
    assert "The samples are the rows of X, so the product is X @ W (not W @ X)" in en
    assert "サンプルは X の行なので、積は X @ W です" in _ja(ch03.layer_exercise, _layer_transposed).message

    def halves(z):
        e = np.exp(z - np.max(z))
        return e / e.sum() / 2
    en = ch06.softmax_exercise.evaluate(halves).message
    assert "your outputs add up to 0.5, not 1: divide every e^z by the sum of all of them" in en
    assert "出力の合計が 1 ではなく 0.5 になっています" in _ja(ch06.softmax_exercise, halves).message

    def transposed(a_H, z_O, a_O, t):
        return np.outer((a_O - t) * sigmoid_grad(z_O), a_H)
    en = ch04.output_gradient_exercise.evaluate(transposed).message
    assert "he shape is (2, 3) but must be (3, 2): row k belongs to a_H[k]" in en   # T after a shape message
    assert "形が (2, 3) ですが、(3, 2) でなければなりません" in _ja(ch04.output_gradient_exercise, transposed).message

    def times_std(a_s, b_s, mean, std):
        return a_s * std, b_s - a_s * mean / std
    en = ch05.unscale_exercise.evaluate(times_std).message
    assert "divide by std, don't multiply" in en
    assert "std で割ってください" in _ja(ch05.unscale_exercise, times_std).message
    assert get_language() == "en"


def test_playground_challenge_explains_too_few_neurons_in_japanese():
    """The circle with 2 neurons stays below the goal (the checker trains it): the reason is Japanese."""
    result = _ja(ch03.circle_fewest_neurons, 2)
    assert not result.ok and "青い点を囲むには、直線が何本必要でしょうか" in result.message
    assert get_language() == "en"
