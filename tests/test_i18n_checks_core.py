"""The exercise framework in Japanese (issue 14, item 3): the frames, the kinds' own messages and the
texts of chapters 0–2 are translated when they are shown, and English comes back after the block."""
import ast
import contextlib
import io
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from course_lib import i18n
from course_lib.activations import relu
from course_lib.checks import ChoiceExercise, FunctionExercise, all_exercises, ch00, ch01, ch02
from course_lib.checks.feedback import Feedback
from course_lib.i18n import language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))
import extract_messages  # noqa: E402
from test_checks_solutions import answer_from_solution  # noqa: E402

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
HINT_FRAME = "（.hint() を呼ぶとヒントが表示されます。）"
MY_MODULES = ["base", "kinds", "feedback", "answers", "__init__", "ch00", "ch01", "ch02"]
MY_EXERCISES = {k: v for k, v in all_exercises().items() if k.split(".")[0] in {"ch00", "ch01", "ch02"}}


def ja(ex, answer):
    with language("ja"):
        return ex.evaluate(answer)


def shown(call):
    out = io.StringIO()
    with language("ja"), contextlib.redirect_stdout(out):
        call()
    return out.getvalue()


def n_right(x1, x2):
    return relu(1 * x1 + 1 * x2 - 0.5)


# ---------------------------------------------------------------- every message of these modules is translated
def test_every_message_of_the_framework_and_chapters_0_to_2_has_a_japanese_translation():
    from course_lib._po import parse_po

    catalog = {e.msgid: e for e in parse_po(i18n.catalog_path("ja").read_text(encoding="utf-8")) if e.msgid}
    ids = [mid for m in MY_MODULES
           for (mid, _plural), _line in extract_messages.messages_in(ROOT / "course_lib" / "checks" / f"{m}.py")]
    assert len(ids) >= 200
    missing = [i for i in ids if i not in catalog or not catalog[i].translated]
    assert not missing, missing[:5]


# ---------------------------------------------------------------- right, wrong, not attempted
def test_right_answer_in_japanese():
    r = ja(ch01.exercise2, n_right)
    assert r.ok
    assert r.message == ("✓ 演習2: 正解です！4 個のテスト入力すべてで正しい結果になりました。"
                         "講義の出力は 0, 0.5, 0.5, 1.5 — あなたのニューロンも同じです。")


def test_typical_wrong_function_in_japanese():
    r = ja(ch01.exercise2, lambda x1, x2: x1 + x2 - 0.5)
    assert not r.ok and r.message.startswith("✗ 演習2: あなたの関数の結果は n(0, 0) = -0.5,")
    assert "ReLU が適用されていません。z ではなく relu(z) を返してください。" in r.message
    assert r.message.endswith(HINT_FRAME)
    assert "バイアス −0.5 が抜けています" in ja(ch01.exercise2, lambda x1, x2: relu(x1 + x2)).message


def test_typical_wrong_value_in_japanese():
    r = ja(ch00.seconds_per_day, 24 * 60)
    assert r.message == f"✗ 1日は何秒？: 1440 ではありません。それは1日の*分*の数です。掛け算がもう1つ足りません。{HINT_FRAME}"
    assert "±1e-06 以内の答えを正解とします" in ja(ch01.worked_example, -0.5).message


def test_wrong_shape_and_wrong_kind_of_answer_in_japanese():
    assert "形 (2,) の 2 個の値が必要ですが、答えは形 (3,) の 3 個の値です。" in ja(ch02.self_study1, (0, 3, 1)).message
    assert "あなたの答えは文字列 '0.5' で、数ではありません。" in ja(ch02.sigmoid_at_zero, "0.5").message
    assert "`return` を書き忘れていませんか？" in ja(ch02.exercise1, lambda x: None).message
    assert "あなたの答えは nan（非数）です。" in ja(ch02.sigmoid_at_zero, float("nan")).message
    arity = ja(ch01.exercise2, lambda x: x).message
    assert "n は n(0, 0) のように 2 個の引数を受け取らなければなりません。あなたの関数の引数は (x) です。" in arity
    assert "関数が必要です" in ja(ch02.exercise1, 3).message


def test_not_attempted_in_japanese():
    for ex in (ch00.seconds_per_day, ch01.exercise2, ch00.restart_quiz):
        with language("ja"):
            r, title = ex.evaluate(...), ex.title
        assert not r.ok and r.message.startswith(f"○ {title}: まだ答えていません。")
        assert title != ex.name
    assert "まだ答えていません" in ja(ch01.exercise2, lambda x1, x2: ...).message


def test_exception_in_the_students_function_in_japanese():
    r = ja(ch02.exercise1, lambda x: 1 / 0)
    assert r.message.startswith("✗ 演習1：if/else で書く ReLU: my_relu(-3) でエラー ZeroDivisionError: "
                                "division by zero が起きました。")


def test_explain_diagnosis_in_japanese():
    r = ja(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W2 @ W1, b2))
    assert "W2 @ W1 を計算しましたか？ 1番目の層が先です。W1 @ W2 です。" in r.message
    r = ja(ch02.collapse_exercise, lambda W1, b1, W2, b2: (W1 @ W2, b2))
    assert "b1 が抜けています。" in r.message and r.message.count("。。") == 0


def test_gate_messages_in_japanese():
    assert "それは OR で、NAND ではありません。" in ja(ch01.nand_gate, (1, 1, -0.5)).message
    assert "2つの重みとバイアスの符号をすべて反対にしてください。" in ja(ch01.nand_gate, (1, 1, -1.5)).message
    assert ja(ch01.nand_gate, (-2, -2, 3)).message.startswith("✓ 1つのニューロンで NAND: 正解です！真理値表: ")


# ---------------------------------------------------------------- choices
def test_choice_exercise_in_japanese():
    right = ja(ch00.restart_quiz, "b")
    assert right.ok and right.message.startswith("✓ 再起動で何が起こる？: 正解です！カーネルはすべての変数を忘れますが")
    assert right.message.endswith("よくできました。")
    wrong = ja(ch00.restart_quiz, "A")
    assert wrong.message.startswith("✗ 再起動で何が起こる？: 'A' ではありません。再起動すると変数は残りません。")
    assert "選択肢 'A', 'B', 'C' のどれでもありません" in ja(ch00.restart_quiz, "D").message
    assert "引用符で囲んだ文字列で答えてください" in ja(ch00.restart_quiz, 2).message


def test_option_keys_stay_what_the_student_types():
    assert ja(ch01.predict_bias_gate, "AND").ok and ja(ch01.predict_bias_gate, "and").ok


# ---------------------------------------------------------------- hint, solution, rich feedback
def test_hint_in_japanese():
    assert shown(ch01.exercise2.hint).startswith("ヒント（演習2）: z = 1*x1 + 1*x2 - 0.5（重みは 1 と 1、バイアスは −0.5）")


def test_solution_in_japanese_translates_only_the_comments():
    text = shown(ch01.exercise2.solution)
    assert text.startswith("解答例（演習2）:\ndef n(x1, x2):\n    z = 1 * x1 + 1 * x2 - 0.5   # 重み 1, 1、バイアス -0.5")
    assert text.rstrip().endswith("    return relu(z)")


@pytest.mark.parametrize("key", list(MY_EXERCISES))
def test_japanese_solutions_still_pass_their_own_checkers(key):
    ex = MY_EXERCISES[key]
    with language("ja"):
        code = ex.solution_text
        answer = answer_from_solution(ex)
        result = ex.evaluate(answer)
    assert result.ok, result.message
    strip = lambda c: ast.dump(ast.parse(c))          # noqa: E731  same code, comments aside
    assert strip(code) == strip(ex.solution_text)


@pytest.mark.parametrize("key", list(MY_EXERCISES))
def test_every_text_of_chapters_0_to_2_is_japanese(key):
    ex = MY_EXERCISES[key]
    with language("ja"):
        title = ex.title
        todo = ex.evaluate(...).message
    assert JAPANESE.search(title), title
    assert JAPANESE.search(todo)
    assert JAPANESE.search(shown(ex.hint))
    if isinstance(ex, ChoiceExercise):
        with language("ja"):
            for option in ex.options:
                assert JAPANESE.search(ex.evaluate(option).message)
    assert "Hint" not in shown(ex.hint) and "Solution" not in shown(ex.solution)


def test_rich_feedback_uses_the_japanese_title():
    with language("ja"):
        message = ch01.exercise2.evaluate(n_right).message
        fb = Feedback.from_message(message, ch01.exercise2.title)
    assert fb.kind == "ok" and fb.title == "演習2" and fb.body.startswith("正解です！")
    assert "<strong>演習2</strong>" in fb.html


def test_english_comes_back_after_the_block():
    ja(ch01.exercise2, n_right)
    r = ch01.exercise2.evaluate(n_right)
    assert r.message.startswith("✓ Exercise 2 (演習2): correct! All 4 test inputs give the right result.")
    assert ch01.exercise2.title == "Exercise 2 (演習2)"


def test_language_chosen_after_the_exercise_was_made_takes_effect():
    ex = FunctionExercise(i18n.N_("Exercise 2 (演習2)"), [((0, 0), 0.0)], func_name="n",
                          hint=i18n.N_("Well done."), solution="def n(a, b):\n    return 0")
    assert ja(ex, lambda a, b: 0.0).message.startswith("✓ 演習2: 正解です！")
    assert shown(ex.hint) == "ヒント（演習2）: よくできました。\n"


def test_a_checker_bug_is_reported_in_japanese():
    class Broken(FunctionExercise):
        def _evaluate(self, answer):
            raise KeyError("x")

    ex = Broken("broken", [((1,), 1.0)], hint="h", solution="s")
    assert "この答えはチェックできませんでした（KeyError: 'x'）" in ja(ex, 1).message


def test_japanese_sentences_are_joined_without_spaces():
    from course_lib.checks.base import end_sentence, join_sentences

    assert join_sentences("一。", "二。") == "一。二。"
    assert join_sentences("One.", "", "Two.") == "One. Two."
    assert end_sentence("一") == "一。" and end_sentence("one") == "one." and end_sentence("one.") == "one."
    assert np.isclose(ch02.sigmoid_at_zero.expected, 0.5)
