"""The playground, the network designer, the MNIST browser and the chapter 7–8 exercises speak Japanese
(issue 14, item 3): labels, buttons, menus, readouts, figure text, errors and feedback.

Every test switches with ``language("ja")`` (the previous language comes back after the block) and checks
that the English edition is what it was.
"""
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.checks import ch07, ch08  # noqa: E402
from course_lib.explorers import MNISTBrowser, NetworkDesignerExplorer, PlaygroundExplorer  # noqa: E402
from course_lib.explorers.validation import check_in_range, check_model, check_number_choice  # noqa: E402
from course_lib.i18n import get_language, language  # noqa: E402


@pytest.fixture(autouse=True)
def english_after_each_test():
    yield
    assert get_language() == "en"


# ---------------------------------------------------------------- the playground
def test_playground_controls_are_japanese():
    with language("ja"):
        pg = PlaygroundExplorer("spiral")
    assert pg.play.description == "再生"
    assert pg.step_button.description == "1ステップ"
    assert pg.reset_button.description == "リセット"
    assert pg.sliders["lr"].description == "学習率"
    assert pg.sliders["noise"].description == "ノイズ"
    assert pg.sliders["regularization"].description == "正則化"
    assert pg.show_test.description == "テストデータを表示"
    assert pg.show.description == "拡大表示"
    with language("ja"):
        pg.play.value = True            # no event loop here: the playground says so, in Japanese
    assert pg.play.value is False and "イベントループ" in pg.readout.value and "step(epochs)" in pg.readout.value


def test_playground_play_button_says_pause_in_japanese_while_playing():
    import asyncio
    with language("ja"):
        pg = PlaygroundExplorer("circle")

        async def press_play_and_pause():
            pg.play.value = True
            labels = [(pg.play.description, pg.play.icon)]
            await asyncio.sleep(0.1)
            pg.play.value = False
            labels.append((pg.play.description, pg.play.icon))
            await asyncio.sleep(0.1)
            return labels
        assert asyncio.run(press_play_and_pause()) == [("一時停止", "pause"), ("再生", "play")]
        assert pg.epoch >= 1


def test_playground_menus_show_japanese_labels_for_english_values():
    with language("ja"):
        pg = PlaygroundExplorer("spiral", activation="sigmoid")
    data = pg.sliders["dataset"]
    assert "らせん (spiral)" in data._options_labels and data.value == "spiral"
    pg.sliders["dataset"].value = "circle"                  # code still passes the English value
    assert pg.state["dataset"] == "circle"
    assert "シグモイド関数" in pg.sliders["activation"]._options_labels and pg.state["activation"] == "sigmoid"
    assert "なし" in pg.sliders["regularization"]._options_labels and pg.state["regularization"] == "none"
    # English: the menus are the plain values, as before
    en = PlaygroundExplorer("spiral")
    assert list(en.sliders["dataset"].options)[:4] == ["circle", "xor", "gauss", "spiral"]
    assert list(en.sliders["regularization"].options) == ["none", "L1", "L2"]


def test_playground_readout_and_figure_are_japanese():
    with language("ja"):
        pg = PlaygroundExplorer("circle")
        pg.step(3)
    text = pg.readout.value
    assert "エポック <b>3</b>" in text and "訓練損失" in text and "テスト損失" in text and "テスト正解率" in text
    assert "重みとバイアスは" in text
    assert "epoch" not in text and "training loss" not in text
    assert pg.ax_loss.get_xlabel() == "エポック" and pg.ax_loss.get_ylabel() == "損失 E"
    assert [t.get_text() for t in pg.ax_loss.get_legend().get_texts()] == ["訓練データ", "テストデータ"]
    assert pg.ax_big.get_title() == "出力 P(青)"
    assert any(label.startswith("第 1 層、ニューロン") for label, _value in pg.show.options)


def test_playground_readout_follows_the_language_of_the_moment():
    """The readout (built every frame) is looked up when it is drawn: switching language takes effect."""
    pg = PlaygroundExplorer("xor4")
    pg.step()
    assert "training loss" in pg.readout.value and "the 4 points of XOR" in pg.readout.value
    with language("ja"):
        pg.step()
        assert "訓練損失" in pg.readout.value and "XOR の 4 点" in pg.readout.value
    pg.step()
    assert "training loss" in pg.readout.value


def test_playground_errors_are_japanese():
    with language("ja"):
        with pytest.raises(ValueError, match="スライダーで選べる学習率") as err:
            PlaygroundExplorer("circle", lr=0.5)
        assert "lr" in str(err.value) and "0.5" in str(err.value)
        with pytest.raises(ValueError, match="あなたのデータが必要です"):
            PlaygroundExplorer("own")
        pg = PlaygroundExplorer("circle", lr=3.0)
        pg.net.W[0][...] = np.inf                           # as if training had diverged
        with np.errstate(all="ignore"):                     # as in step(): the message says it in words
            pg._guarded(pg._record)                         # what a play tick does with the error
    assert "エラー: エポック 0 で学習が発散しました" in pg.readout.value
    assert "学習率 lr=3 はこのネットワークには大きすぎます" in pg.readout.value


def test_playground_code_comments_are_japanese_and_the_code_still_runs():
    with language("ja"):
        pg = PlaygroundExplorer("letters", hidden_layers=1, neurons=3)
        pg.step(2)
        code = pg.code()
    assert "# 画像 1 枚につき 12 画素" in code and "# エクスプローラーでは: PlaygroundExplorer(" in code
    assert 'print(f"訓練損失 {net.loss(X_train, T_train):.4f}、テスト損失 {net.loss(X_test, T_test):.4f}")' in code
    namespace = {}
    exec(code.replace("print(", "str("), namespace)        # the same code as in English, Japanese comments
    assert np.allclose(namespace["net"].W[0], pg.net.W[0])


# ---------------------------------------------------------------- designer and MNIST browser
def test_designer_labels_title_and_readout_are_japanese():
    with language("ja"):
        ex = NetworkDesignerExplorer(lambda hidden, epochs: (26506, 0.93), hidden_layers=2, width=32, epochs=2)
        assert ex.train_button.description == "学習"
        assert ex.sliders["hidden_layers"].description == "隠れ層"
        assert ex.ax_net.get_title() == "3 層：重みとバイアスは 2万6506 個"      # 860億-style numbers
        assert "まだ学習していません" in ex.readout.value
        ex.train_current()
        assert "テストデータの正解率 <b>93.0%</b>" in ex.readout.value and "これまでの最高" in ex.readout.value
        assert ex.ax_acc.get_ylabel() == "テストデータの正解率 [%]"
    en = NetworkDesignerExplorer(lambda hidden, epochs: (26506, 0.93), hidden_layers=2, width=32, epochs=2)
    assert en.ax_net.get_title() == "3 layers: 26,506 weights and biases"


class _Uniform:
    def predict_proba(self, X):
        p = np.full((len(X), 10), 0.05)
        p[:, 3] = 0.55
        return p


def test_mnist_browser_is_japanese():
    X = np.zeros((4, 784), dtype=np.uint8)
    y = np.array([3, 1, 3, 3])
    with language("ja"):
        ex = MNISTBrowser(_Uniform(), X, y, index=1)
    assert ex.sliders["index"].description == "テスト画像"
    assert ex.next_mistake.description == "次の間違い"
    assert ex.title.get_text() == "#1：正解 1、予測 3 ✗"
    assert "不正解" in ex.readout.value and "正しいラベル 1 は青い棒です" in ex.readout.value
    assert ex.fig.axes[1].get_xlabel() == "数字" and ex.fig.axes[1].get_title() == "ソフトマックスの確率"


# ---------------------------------------------------------------- validation errors
def test_validation_errors_are_japanese_and_english_is_unchanged():
    with language("ja"):
        with pytest.raises(ValueError, match=r"w1 は \[-3, 3\]（スライダーの範囲）の数でなければなりません。与えられた値: 5"):
            check_in_range(5, "w1", -3, 3)
        with pytest.raises(ValueError, match="model は 784 個の入力（28×28 の画像を 1 列に並べたもの"):
            MNISTBrowser(type("M", (), {"predict_proba": lambda self, X: np.zeros((1, 3))})(),
                         np.zeros((2, 784)), np.array([0, 1]))
    with pytest.raises(ValueError, match=r"lr must be one of the learning rates the slider offers: 0\.1, 0\.4; got 0\.45\."):
        check_number_choice(0.45, "lr", (0.1, 0.4), "learning rates the slider offers")
    with pytest.raises(ValueError, match=r"model must take 2 inputs \(a pair: X of shape \(n, 2\)\)"):
        check_model(type("M", (), {"forward": lambda self, X: np.zeros((1, 5))})(), np.zeros((1, 2)), 1, "a pair", "y")


# ---------------------------------------------------------------- exercises of chapters 7 and 8
# The exercise name, the hint and a typical mistake's message are stored English texts (N_) that the
# exercise framework (checks/base.py, kinds.py) translates when it shows them.
def test_ch07_wrong_answer_message_is_japanese():
    with language("ja"):
        r = ch07.he_std_exercise.evaluate(2 / 50)
    assert not r.ok and "*分散*" in r.message and "標準偏差はその平方根です" in r.message
    assert "演習 7.1" in r.message


def test_ch08_choice_and_playground_feedback_are_japanese():
    with language("ja"):
        r = ch08.unsupervised_exercise.evaluate("B")
        untrained = ch08.deep_spiral_exercise.evaluate(PlaygroundExplorer("spiral", hidden_layers=3, neurons=8))
        wrong_data = ch08.deep_spiral_exercise.evaluate(PlaygroundExplorer("circle"))
    assert not r.ok and "教師あり学習" in r.message
    assert not untrained.ok and "まだ学習していません" in untrained.message and "▶（再生）" in untrained.message
    assert "データセット 'spiral' を選んでください" in wrong_data.message and "'circle'" in wrong_data.message
    english = ch08.deep_spiral_exercise.evaluate(PlaygroundExplorer("circle"))
    assert "choose the data set 'spiral' in the playground; it shows 'circle'." in english.message


def test_ch08_hint_and_solution_are_japanese(capsys):
    with language("ja"):
        ch08.count_params_exercise.hint()
        ch08.count_params_exercise.solution()
    out = capsys.readouterr().out
    assert "隣り合う層の組についてループします" in out
    assert "total += n_in * n_out + n_out   # 重み + バイアス" in out      # the code stays, the comment is Japanese
