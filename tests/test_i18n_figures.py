"""The figures of bars, curves, diagrams and training in Japanese (issue 14, items 3 and 4).

Every public figure function draws with ``course_lib.i18n.language("ja")``: with no warning (a missing glyph
is a warning, turned into an error here) and nothing logged by matplotlib, with its own words in Japanese
(and no English words left but names and code), with everything inside the figure (Japanese labels are
wider), and with numbers written the Japanese way (860億).  The English figures are covered by
test_figures.py and stay as they were.
"""
import inspect
import logging
import re
import warnings
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.text  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib import datasets, get_language  # noqa: E402
from course_lib.figures import bars, curves, diagrams, training  # noqa: E402
from course_lib.i18n import language  # noqa: E402
from course_lib.train import History  # noqa: E402

MODULES = (bars, curves, diagrams, training)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
#: English words a Japanese figure may show: names of people, networks and datasets, the activations' code
#: names (what a student types), the labels these tests pass in, and mathtext's own markup.
NAMES = {"McCulloch", "Pitts", "Rosenblatt", "Rumelhart", "Hinton", "Williams", "AlexNet", "ImageNet",
         "NEC", "UIUC", "XRCE", "Clarifai", "GoogLeNet", "PReLU", "ResNet",
         "SGD", "ReLU", "Xavier", "step", "sigmoid", "tanh", "relu", "mathdefault", "times"}

HISTORY = History(train_loss=[0.5, 0.3], train_acc=[0.8, 0.9], val_loss=[0.6, 0.4], val_acc=[0.7, 0.85])
P3 = np.array([[0.1, 0.7, 0.2], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6]])
RUNS = {"M = 2": SimpleNamespace(losses=[4.0, 3.0, 2.0, 1.5, 1.2], epoch_losses=[2.0, 1.2]),
        "M = 4": SimpleNamespace(losses=[4.0, 2.5, 1.8], epoch_losses=[2.5, 1.8])}


def _history(val_loss):
    n = len(val_loss)
    return History(train_loss=[1.0] * n, train_acc=[0.5] * n, val_loss=list(val_loss), val_acc=[0.8] * n)


def _layer_outputs():
    rng = np.random.default_rng(0)
    return {"σ": [rng.uniform(size=50) for _i in range(3)], "ReLU": [rng.normal(size=50) for _i in range(3)]}


# (module.function, call, Japanese texts the figure must show)
FIGURES = [
    ("bars.neuron_counts", lambda: bars.neuron_counts(datasets.load_brain_neurons()),
     ["脳のニューロンの数（推定値）", "ヒト", "アフリカゾウ", "860億", "2570億", "1万1000"]),
    ("bars.probability_bars", lambda: bars.probability_bars([0.1, 0.7, 0.2], label=2), ["クラス", "確率"]),
    ("bars.activation_bars", lambda: bars.activation_bars([0.0068, 0.1592, 0.8340]), ["クラス", "活性度"]),
    ("bars.target_vs_activation", lambda: bars.target_vs_activation([0.0068, 0.1592, 0.8340], [0, 0, 1]),
     ["出力 0", "誤差 -0.1660", "活性度", "目標", "値"]),
    ("bars.before_after", lambda: bars.before_after([25, 21, 9], [77, 7, 2], ["ネコ", "イヌ", "トリ"]),
     ["学習前", "学習後", "予測した確率 [%]"]),
    ("bars.top5_errors", lambda: bars.top5_errors(),
     ["人間: 5.1 %", "ディープラーニング以前", "ImageNet トップ5誤り率 [%]", "年"]),
    ("bars.confidence_histograms", lambda: bars.confidence_histograms(
        {"ワンホット": P3, "なめらか": P3}, marks={"なめらか": (0.91, "目標 0.91")}), ["確信度", "画像の枚数"]),
    ("curves.activation_panels", lambda: curves.activation_panels(derivative=True), ["活性度 a"]),
    ("curves.loss_curves", lambda: curves.loss_curves({"SGD": [3, 2, 1]}, minimum=0.5),
     ["反復回数 k", "誤差 E", "E の最小値"]),
    ("curves.minibatch_curves", lambda: curves.minibatch_curves(RUNS),
     ["更新回数", "更新ごと", "エポック", "全データでの E"]),
    ("curves.training_curves", lambda: curves.training_curves(HISTORY),
     ["損失（小さいほど良い）", "正解率（大きいほど良い）", "訓練データ", "検証データ"]),
    ("curves.curve_with_tangent", lambda: curves.curve_with_tangent(lambda x: x * x, 1.0, 2.0, x_range=(-2, 2)),
     ["接線"]),
    ("curves.depth_and_width", lambda: curves.depth_and_width([0, 1, 2], [0.9, 0.92, 0.93], [2, 4, 8],
                                                              [0.35, 0.7, 0.89], hidden_width=32),
     ["隠れ層の数（各層 32 ニューロン）", "深くする", "幅を広げる", "テストデータの正解率 [%]"]),
    ("curves.neuron_projection", lambda: curves.neuron_projection(
        [2010, 2020, 2030, 2040, 2050], [1e5, 2e6, 5e7, 1e9, 2e10], brains=datasets.load_brain_neurons(),
        extend_to=2060, target=86e9, target_label="ヒトの脳"),
     ["ヒト（860億）", "カタツムリ（1万1000）", "コンピュータで扱えるニューロン数（予測）", "同じ傾向が続いた場合",
      "ニューロンの数（対数目盛）"]),
    ("diagrams.network_diagram", lambda: diagrams.network_diagram((3, 2, 1), layer_names=("入力層", "隠れ層", "出力層")),
     ["隠れ層"]),
    ("diagrams.composed_network", lambda: diagrams.composed_network((3, 1, 3)),
     ["入力", "ネットワーク 1：3 層", "ネットワーク 2：1 層"]),
    ("diagrams.neuron_analogy", lambda: diagrams.neuron_analogy(),
     ["樹状突起", "軸索", "活性化\n関数", "総和 + バイアス", "人工ニューロン（下）"]),
    ("diagrams.timeline", lambda: diagrams.timeline(), ["パーセプトロン", "誤差逆伝播法", "年"]),
    ("diagrams.prediction_machine", lambda: diagrams.prediction_machine(),
     ["モデル\nŷ = a·x + b", "入力 x", "予測 ŷ", "つまみ"]),
    ("diagrams.feature_levels", lambda: diagrams.feature_levels(), ["目", "鼻", "口", "顔", "高いレベル：顔"]),
    ("diagrams.ai_ml_dl", lambda: diagrams.ai_ml_dl(), ["人工知能（AI）", "機械学習", "ディープラーニング"]),
    ("training.layer_histograms", lambda: training.layer_histograms(_layer_outputs(), positive_only={"ReLU": True}),
     ["1 層目", "3 層目"]),
    ("training.compare_runs", lambda: training.compare_runs({"Xavier": _history([0.9, 0.5, 0.6]),
                                                             "He": _history([0.8, 0.6, 0.4])}),
     ["エポック", "検証データの損失", "● 各実行の最小値"]),
]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")
    assert get_language() == "en"


def _figure(drawn):
    """The Figure of what a figure function returned (an Axes, a Figure or a SubFigure)."""
    return drawn.get_figure(root=True)


def _texts(fig):
    return [t for t in fig.findobj(matplotlib.text.Text) if t.get_text() and t.get_visible()]


def test_every_public_figure_function_is_checked():
    public = {f"{m.__name__.rsplit('.', 1)[1]}.{name}" for m in MODULES
              for name, f in vars(m).items()
              if inspect.isfunction(f) and not name.startswith("_") and f.__module__ == m.__name__}
    assert public == {name for name, _call, _words in FIGURES}


def _assert_inside(fig, name):
    """Everything drawn lies inside the figure (in inches): no Japanese label is cut off at an edge."""
    drawn, page = fig.get_tightbbox(fig.canvas.get_renderer()), fig.bbox_inches
    tol = 0.02
    assert (drawn.x0 >= page.x0 - tol and drawn.y0 >= page.y0 - tol and drawn.x1 <= page.x1 + tol
            and drawn.y1 <= page.y1 + tol), (name, drawn, page)


@pytest.mark.parametrize("name, call, words", FIGURES, ids=[f[0] for f in FIGURES])
def test_figure_draws_in_japanese(name, call, words, caplog):
    caplog.set_level(logging.WARNING)
    with language("ja"), warnings.catch_warnings():
        warnings.simplefilter("error")              # a missing glyph is a warning: fail on it
        fig = _figure(call())
        fig.canvas.draw()
        # … and matplotlib logs on stderr what a notebook would show: "findfont: …", mathtext's missing glyphs
        assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        texts = _texts(fig)
        shown = [t.get_text() for t in texts]
        for word in words:
            assert any(word in s for s in shown), (word, shown)
        english = {w for s in shown for w in ENGLISH_WORD.findall(s)} - NAMES
        assert not english, f"{name} shows English words in Japanese: {sorted(english)}"
        _assert_inside(fig, name)


def test_japanese_figures_fit_in_projector_mode():
    """Projector mode makes the text larger (and the figure, up to the cell width): still nothing cut off."""
    from course_lib.present import projector_mode

    with projector_mode(), language("ja"):
        for name, call, _words in FIGURES:
            fig = _figure(call())
            fig.canvas.draw()
            _assert_inside(fig, name)
            plt.close(fig)


def test_titles_and_labels_are_japanese():
    with language("ja"):
        fig = curves.training_curves(HISTORY)
        loss, acc = fig.axes
        assert (loss.get_title(), loss.get_xlabel(), loss.get_ylabel()) == ("損失（小さいほど良い）", "エポック", "損失")
        assert [t.get_text() for t in loss.get_legend().get_texts()] == ["訓練データ", "検証データ"]
        # "activation" is a value here (活性度), a menu of functions in the explorers (活性化関数)
        assert bars.activation_bars([0.2, 0.8]).get_ylabel() == "活性度"
        ax = bars.neuron_counts(datasets.load_brain_neurons())
        assert [t.get_text() for t in ax.texts][-2:] == ["860億", "2570億"]
        assert [t.get_text() for t in ax.get_yticklabels()][-2:] == ["ヒト", "アフリカゾウ"]
    assert bars.activation_bars([0.2, 0.8]).get_ylabel() == "activation"       # and back in English
    ax = bars.neuron_counts(datasets.load_brain_neurons())
    assert [t.get_text() for t in ax.texts][-2:] == ["86,000,000,000", "257,000,000,000"]
    assert ax.get_title() == "How many neurons? (estimates)"


def test_default_labels_follow_the_language_chosen_when_drawn():
    """Defaults are stored in English (N_) and translated when drawn, so set_language after import works."""
    with language("ja"):
        ax = curves.loss_curves({"a": [2, 1]})
        assert (ax.get_xlabel(), ax.get_ylabel()) == ("反復回数 k", "誤差 E")
        fig = bars.before_after([60, 40], [90, 10], ["A", "B"])
        assert [a.get_title() for a in fig.axes] == ["学習前", "学習後"]
        ax = curves.loss_curves({"a": [2, 1]}, xlabel="ステップ", ylabel="", title="自分の題名")
        assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("ステップ", "", "自分の題名")
    ax = curves.loss_curves({"a": [2, 1]})
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("iteration k", "error E")


def test_counts_are_written_the_japanese_way_only_in_japanese():
    brains = SimpleNamespace(species=["human"], neurons=[86_000_000_000])
    with language("ja"):
        ax = curves.neuron_projection([2000, 2010], [1e3, 1e4], brains=brains)
        assert "ヒト（860億）" in [t.get_text() for t in ax.texts]
    ax = curves.neuron_projection([2000, 2010], [1e3, 1e4], brains=brains)
    assert "human (8.6e+10)" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("call, exc, japanese, english", [
    (lambda: bars.probability_bars([0.5, 0.2]), ValueError, ["p の合計は 1", "0.7", "ソフトマックス"],
     "p must sum to 1"),
    (lambda: bars.top5_errors([(2012, "AlexNet")]), TypeError, ["results[0]", "(2012, 'AlexNet', 15.3)", "与えられた値"],
     "results[0] must be a row"),
    (lambda: curves.loss_curves({"sgd": [1.0, 0.0]}), ValueError, ["curves['sgd']", "logy=False", "最小値: 0"],
     "Pass logy=False"),
    (lambda: curves.depth_and_width([0], [92.4], [2], [0.5]), ValueError, ["depth_accuracy", "0.924", "正解率"],
     "must hold accuracies as fractions"),
    (lambda: diagrams.network_diagram([3]), TypeError, ["sizes", "(12, 3, 2)", "2 つ以上"], "at least 2 layer sizes"),
    (lambda: diagrams.network_diagram([2, 2], edge_labels=[1]), TypeError, ["{(layer, i, j): text}", "None"],
     "edge_labels must be a dict {(layer, i, j): text}"),
    (lambda: training.compare_runs({"a": _history([])}), ValueError, ["histories['a'].val_loss", "X_val", "空です"],
     "is empty: train with X_val"),
    (lambda: training.compare_runs({"a": _history([1.0])}, key="loss"), ValueError, ["key", "'val_loss'", "どれか"],
     "key must be one of"),
])
def test_errors_in_both_languages(call, exc, japanese, english):
    with language("ja"), pytest.raises(exc) as info:
        call()
    for word in japanese:
        assert word in str(info.value), (word, str(info.value))
    with pytest.raises(exc) as info:
        call()
    assert english in str(info.value)
