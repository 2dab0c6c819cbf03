"""Full-width input (issue 14, item 5): what a Japanese keyboard types — "０．５", "－６", "（１，１，−０．５）",
full-width commas and spaces, "Ａ" — in both languages.

The rule (``course_lib/checks/answers.py``):
* where the answer is text (a choice, an order of letters) the full-width characters are read as ordinary
  ones and the answer is graded, with the note "(read the full-width characters as ordinary ones)";
* where a number is expected, a string is never read as a number ("0.5" is refused too, because the
  student's variable would still be a string in the next cell); a string of full-width numbers gets its
  own message: the numbers in ordinary characters to copy, why, and that the value itself is right.
"""
import numpy as np
import pytest

from course_lib.checks import ChoiceExercise, FunctionExercise, GateExercise, OrderExercise, ValueExercise
from course_lib.checks.answers import FULL_WIDTH_NOTE, halfwidth, read_numbers, AnswerProblem
from course_lib.i18n import language

NOTE_JA = "（全角の文字を半角として読みました）"
KW = dict(hint="h", solution="s")

choice = ChoiceExercise("pick", "B", {"A": "not A.", "B": "B is right.", "C": "not C."}, **KW)
order = OrderExercise("order", "CBEDA", mistakes=[("ABCDE", "that is the alphabet.")], **KW)
half = ValueExercise("half", 0.5, **KW)
minus_six = ValueExercise("minus six", -6, **KW)
point = ValueExercise("point", (1.0, 1.0, -0.5), **KW)
nand = GateExercise("nand", "NAND", **KW)
double = FunctionExercise("double", [((1,), 2.0), ((2,), 4.0)], func_name="double", **KW)


def msg(ex, answer, lang="en"):
    with language(lang):
        return ex.evaluate(answer)


# ---------------------------------------------------------------- the normalisation itself
@pytest.mark.parametrize("text, numeric, want, changed", [
    ("０．５", True, "0.5", True),
    ("－６", True, "-6", True),
    ("（１，１，−０．５）", True, "(1,1,-0.5)", True),
    ("１，　２", True, "1, 2", True),                 # full-width comma and space
    ("ー６", True, "-6", True),                      # the long-vowel mark the "-" key types in kana mode
    ("ｰ６", True, "-6", True),                      # … and its half-width form
    ("–６", True, "-6", True),                      # an en dash
    ("０。５", True, "0.5", True),                    # the IME's full stop inside a number
    ("１、２", True, "1,2", True),                    # the IME's comma inside numbers
    ("Ａ", False, "A", True),
    ("　Ｂ　", False, " B ", True),
    ("−0.27", True, "-0.27", False),                 # the course's own minus sign is not a keyboard slip
    ("0.5", True, "0.5", False),
    ("ニューロン", False, "ニューロン", False),        # kana stay kana; ー is a dash only in numbers
])
def test_halfwidth(text, numeric, want, changed):
    assert halfwidth(text, numeric=numeric) == (want, changed)


# ---------------------------------------------------------------- text answers: accepted with a note
@pytest.mark.parametrize("answer", ["Ｂ", "ｂ", "　Ｂ　", "Ｂ　"])
def test_full_width_choice_is_accepted_with_a_note(answer):
    en = msg(choice, answer)
    assert en.ok and FULL_WIDTH_NOTE in en.message and "B is right." in en.message
    ja = msg(choice, answer, "ja")
    assert ja.ok and NOTE_JA in ja.message and ja.message.startswith("✓ pick: 正解です！")


def test_full_width_wrong_choice_gets_its_option_message_and_the_note():
    en = msg(choice, "Ａ")
    assert not en.ok and "not 'A': not A." in en.message and FULL_WIDTH_NOTE in en.message
    ja = msg(choice, "Ａ", "ja")
    assert not ja.ok and "'A' ではありません。" in ja.message and NOTE_JA in ja.message


def test_full_width_letter_that_is_no_choice():
    assert "'Ｄ' is not one of the choices 'A', 'B', 'C'." in msg(choice, "Ｄ").message
    assert "'Ｄ' は選択肢 'A', 'B', 'C' のどれでもありません。" in msg(choice, "Ｄ", "ja").message


def test_ordinary_choice_has_no_note():
    assert FULL_WIDTH_NOTE not in msg(choice, "B").message
    assert NOTE_JA not in msg(choice, " b ", "ja").message


@pytest.mark.parametrize("answer", ["ＣＢＥＤＡ", "Ｃ，Ｂ，Ｅ，Ｄ，Ａ", "Ｃ　Ｂ　Ｅ　Ｄ　Ａ", "ｃｂｅｄａ", ["Ｃ", "Ｂ", "Ｅ", "Ｄ", "Ａ"]])
def test_full_width_order_is_accepted_with_a_note(answer):
    en = msg(order, answer)
    assert en.ok and FULL_WIDTH_NOTE in en.message
    ja = msg(order, answer, "ja")
    assert ja.ok and NOTE_JA in ja.message


def test_full_width_wrong_order():
    en = msg(order, "ＡＢＣＤＥ")
    assert not en.ok and "ABCDE is not it: that is the alphabet." in en.message and FULL_WIDTH_NOTE in en.message
    assert NOTE_JA in msg(order, "ＡＢＣＤＥ", "ja").message


# ---------------------------------------------------------------- numbers in a string: a specific message
@pytest.mark.parametrize("ex, answer, typed", [
    (half, "０．５", "0.5"),
    (minus_six, "－６", "-6"),
    (minus_six, "ー６", "-6"),
    (minus_six, "−６", "-6"),
    (point, "（１，１，−０．５）", "(1, 1, -0.5)"),
    (point, "１，　１，　－０．５", "(1, 1, -0.5)"),
])
def test_full_width_numbers_get_the_half_width_form_to_copy(ex, answer, typed):
    en = msg(ex, answer)
    assert not en.ok
    assert f"your answer is the string {answer!r}, typed with full-width characters, not a number" in en.message
    assert f"write {typed}." in en.message and "`SyntaxError: invalid character`" in en.message
    assert "The number itself is right" in en.message
    ja = msg(ex, answer, "ja")
    assert not ja.ok
    assert f"あなたの答えは全角文字で書かれた文字列 {answer!r} で、数ではありません。" in ja.message
    assert f"{typed} と書いてください" in ja.message and "半角" in ja.message
    assert "数の値そのものは合っています。" in ja.message


def test_a_wrong_value_in_full_width_is_not_called_right():
    en = msg(half, "０．６")
    assert "write 0.6." in en.message and "itself is right" not in en.message
    assert "数の値そのものは合っています" not in msg(half, "０．６", "ja").message


def test_full_width_gate_answer():
    en = msg(nand, "（１，１，−０．５）")
    assert "write (1, 1, -0.5)." in en.message and "The answer is three numbers (w1, w2, b)" in en.message
    ja = msg(nand, "（１，１，−０．５）", "ja")
    assert "(1, 1, -0.5) と書いてください" in ja.message and "答えは3つの数 (w1, w2, b) です。" in ja.message


def test_full_width_digits_are_no_longer_suggested_as_the_fix():
    """Before: "a string '１２', not a number: write it without quotes, e.g. １２." — a SyntaxError."""
    text = msg(minus_six, "１２").message
    assert "write 12." in text and "e.g. １２" not in text


def test_full_width_strings_inside_a_tuple():
    en = msg(point, ("１", "１", "－０．５"))
    assert "contains the string '１' typed with full-width characters" in en.message and "e.g. 1." in en.message
    ja = msg(point, ("１", "１", "－０．５"), "ja")
    assert "全角文字で書かれた文字列 '１' が入っています" in ja.message


def test_a_function_that_returns_full_width_text():
    en = msg(double, lambda x: "２")
    assert "double(1) returned the string '２', typed with full-width characters" in en.message
    assert "return 2." in en.message
    assert "2 を返してください" in msg(double, lambda x: "２", "ja").message


def test_half_width_strings_keep_their_message():
    """English messages for what is not full-width stay as they were."""
    assert ("your answer is a string '0.5', not a number: write it without quotes, e.g. 0.5."
            in msg(half, "0.5").message)
    assert ("your answer is a string '−0.27', not a number: write it without quotes, e.g. -0.27."
            in msg(half, "−0.27").message)
    assert "full-width" not in msg(half, "abc").message


def test_full_width_text_that_is_not_numbers():
    text = msg(half, "ぜろてんご").message
    assert "your answer is the text 'ぜろてんご'; write a number" in text and "full-width" not in text
    assert "テキスト 'ぜろてんご' です。" in msg(half, "ぜろてんご", "ja").message


def test_read_numbers_refuses_full_width_numbers_in_both_languages():
    with pytest.raises(AnswerProblem, match="full-width"):
        read_numbers("０．５")
    with language("ja"), pytest.raises(AnswerProblem, match="全角"):
        read_numbers("０．５")
    assert read_numbers(np.array([0.5])).tolist() == [0.5]
