"""The explorers and the figures speak Japanese (issue 14, items 3 and 4): labels, buttons, readouts, titles
and errors come from the catalog, the figures draw with a Japanese font and no glyph warning, and the
Japanese labels fit their figures.  English stays as it was (tests/test_explorers.py, test_figures.py)."""
import matplotlib

matplotlib.use("Agg")

import logging  # noqa: E402
import re  # noqa: E402
import warnings  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

import course_lib.explorers as explorers  # noqa: E402
from course_lib import figures  # noqa: E402
from course_lib.explorers.base import label_width  # noqa: E402
from course_lib.figures import images, planes  # noqa: E402
from course_lib.i18n import get_language, language  # noqa: E402

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

#: The explorers this file covers (the others: mnist, designer, playground, are tested with their modules).
EXPLORERS = ["NeuronExplorer", "LogicGateExplorer", "ActivationExplorer", "NetworkExplorer", "WeightQuizExplorer",
             "LetterPadExplorer", "PatternNeuronExplorer", "HubbleLineExplorer", "GradientDescentExplorer"]

#: Explorers whose readout is formulas and numbers only (nothing to translate).
FORMULA_READOUTS = {"NeuronExplorer", "LetterPadExplorer"}


def japanese(text):
    return bool(JAPANESE.search(text))


def texts_of(fig):
    """Every visible, non-empty text of a figure (titles, labels, legends, annotations; not tick labels)."""
    from matplotlib.text import Text
    out = []
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip():
            out.append(t)
    return out


@pytest.fixture(autouse=True)
def english_after():
    yield
    assert get_language() == "en", "a test left the language set to Japanese"
    plt.close("all")


@pytest.fixture
def no_font_messages(caplog):
    """Fail on matplotlib's font messages ("findfont: Failed to find font weight bold …"): they are logged,
    not warned, and would appear on a notebook's stderr.  The font look-ups are cached, so clear the cache."""
    font_manager.fontManager._findfont_cached.cache_clear()
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        yield
    messages = [r.getMessage() for r in caplog.get_records("call") if r.name.startswith("matplotlib")]
    assert not messages, messages


# ---------------------------------------------------------------- explorers
@pytest.mark.parametrize("name", EXPLORERS)
def test_explorer_builds_and_draws_in_japanese_without_warnings(name, no_font_messages):
    with language("ja"), warnings.catch_warnings():
        warnings.simplefilter("error")
        ex = getattr(explorers, name)()
        if name == "GradientDescentExplorer":
            ex.sliders["lr"].value = 3.0          # diverges: the warning text is drawn too
        ex.canvas.draw()
        ex._draw_artists(list(ex._slow) + list(ex._animated))
        assert japanese(ex.readout.value) or name in FORMULA_READOUTS, ex.readout.value
        assert ex.code_button.description == "コードを表示"
        titles = [ax.get_title() for ax in ex.fig.axes] + [t.get_text() for t in ex.fig.texts]
        labels = [ax.get_xlabel() + ax.get_ylabel() for ax in ex.fig.axes]
        assert any(japanese(t) for t in titles + labels), (name, titles, labels)
    assert ex.code().startswith(name + "(")          # the code line is code: the same in both languages


@pytest.mark.parametrize("name", EXPLORERS)
def test_japanese_texts_fit_inside_the_figure_and_do_not_overlap(name):
    """Titles, axis labels and annotations stay inside the figure and no two of them overlap (Japanese
    characters are about 1.7× as wide as Latin ones)."""
    with language("ja"):
        ex = getattr(explorers, name)()
        renderer = ex.canvas.get_renderer()
        ex.canvas.draw()
        ex._draw_artists(list(ex._slow) + list(ex._animated))
        tick_labels = {id(t) for ax in ex.fig.axes for t in ax.get_xticklabels() + ax.get_yticklabels()}
        texts = [t for t in texts_of(ex.fig) if id(t) not in tick_labels and japanese(t.get_text())]
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
        width, height = ex.canvas.get_width_height()
        for text, box in boxes:
            assert box.x0 >= -1 and box.x1 <= width + 1 and box.y0 >= -1 and box.y1 <= height + 1, \
                (name, text, box.bounds, (width, height))
        for i, (a, box_a) in enumerate(boxes):
            for b, box_b in boxes[i + 1:]:
                assert not box_a.overlaps(box_b), (name, a, b)


def test_neuron_explorer_in_japanese():
    with language("ja"):
        ex = explorers.NeuronExplorer(w1=1, w2=1, b=-0.5, activation="relu")
        assert ex.sliders["activation"].description == "活性化関数"
        assert ex.ax.get_title() == "入力平面上の活性度 a"
        assert ex.sliders["w1"].description == "w1"                 # symbols stay as they are
    assert explorers.NeuronExplorer().sliders["activation"].description == "activation"


def test_slider_label_widths_follow_the_language():
    """Full-width characters are 1 em: a Japanese label gets a wider label column than its character count
    at 0.6 em, and an English one exactly what it had before."""
    assert label_width("activation", "target gate") == "7.4em"
    assert label_width("活性化関数") == f"{5 * 1.0 + 0.8:.1f}em"
    with language("ja"):
        ex = explorers.LogicGateExplorer()
    width = float(ex.sliders["gate"].style.description_width[:-2])
    assert width >= len("目標のゲート") * 1.0


def test_logic_gate_verdicts_in_japanese():
    with language("ja"):
        ex = explorers.LogicGateExplorer(gate="AND", w1=1, w2=1, b=-1.5)
        assert ex.verdict.get_text() == "✓ AND と一致"
        assert "目標" in ex.readout.value                            # the truth table's "target" column
        ex.sliders["b"].value = 0.5
        assert ex.verdict.get_text() == "✗ 4行中 3 行が AND と違う"
        ex.sliders["gate"].value = "XOR"
        assert "隠れ層" in ex.readout.value


def test_pattern_readout_says_fires_or_not_in_japanese():
    with language("ja"):
        ex = explorers.PatternNeuronExplorer()
        assert "ニューロンは発火します" in ex.readout.value
        ex.sliders["b"].value = -9
        assert "ニューロンは発火しません" in ex.readout.value
        assert ex.sliders["b"].description == "バイアス b"


def test_weight_quiz_in_japanese():
    with language("ja"):
        ex = explorers.WeightQuizExplorer(weight=-6)
        assert ex.title.get_text().startswith("w = -6: ✓")
        assert "発火" in ex.title.get_text()
        assert "1（発火）" in ex.readout.value and "relu(0) = 0" in ex.readout.value
        assert ex.sliders["weight"].description == "重み B → C"


def test_hubble_explorers_in_japanese():
    with language("ja"):
        ex = explorers.HubbleLineExplorer()
        assert ex.best_button.description == "最良の直線を表示"
        assert "平均二乗誤差" in ex.readout.value and "自分で直線を合わせ" in ex.readout.value
        ex.sliders["a"].value = 450
        ex.best_button.click()
        assert ex.best_button.description == "最良の直線を隠す"
        assert "最良の値" in ex.readout.value
        gd = explorers.GradientDescentExplorer(lr=3.0, steps=20)
        assert gd.sliders["lr"].description == "学習率 lr"
        assert gd.warning.get_text().startswith("発散しました")
        assert "ステップ後" in gd.readout.value and "最小点" in gd.readout.value


def test_letter_pad_in_japanese():
    with language("ja"):
        ex = explorers.LetterPadExplorer(pixels=np.zeros((4, 3), dtype=int))
        assert ex.title.get_text() == "ネットワークの答え: C でも T でもない"
        assert ex.examples.options[0][0] == "例を読み込む…"


def test_errors_in_japanese():
    with language("ja"):
        ex = explorers.NeuronExplorer()
        with pytest.raises(ValueError, match="有限の数"):
            ex.sliders["w1"].value = float("nan")
        with pytest.raises(TypeError, match="でなければなりません"):
            figures.planes.input_plane(lambda X: X[:, 0], ax="not an Axes")
        with pytest.raises(ValueError, match="画素"):
            images.pixel_grid(np.zeros((0, 3)))


def test_english_unchanged():
    ex = explorers.PatternNeuronExplorer()
    assert ex.readout.value.endswith("→ the neuron fires.")
    assert ex.code_button.description == "show code"


# ---------------------------------------------------------------- figures
def _sample_figures():
    rng = np.random.default_rng(0)
    x = np.array([0.03, 0.5, 1.0, 1.5, 2.0])
    y = 450 * x + rng.normal(0, 50, 5)
    P = rng.dirichlet(np.ones(10), size=4)
    return {
        "input_plane": lambda: planes.input_plane(lambda X: X[:, 0] + X[:, 1], targets=[0, 1, 1, 2]).figure,
        "loss_surface": lambda: planes.loss_surface(x, y, path=[[0, 0], [300, 0]]).figure,
        "contour_paths": lambda: planes.contour_paths(lambda a, b: a ** 2 / 20 + b ** 2,
                                                      {"SGD": [[-8, 3], [0, 0]]}, title="最急降下法").figure,
        "pixel_grid": lambda: images.pixel_grid(images.GREY_8X8, kind="grey", title="8×8").figure,
        "image_grid": lambda: images.image_grid(images.BW_2X2, ["a", "b", "c", "d"], title="2×2"),
        "weight_images": lambda: images.weight_images(rng.normal(size=(16, 4)), n=4, ncols=4, shape=(4, 4)),
        "confusion_grid": lambda: images.confusion_grid(np.diag([5, 6, 7])).figure,
        "digit_image": lambda: images.digit_image(np.arange(64).reshape(8, 8), box_rows=2).figure,
        "flattened": lambda: images.flattened(np.arange(16)).figure,
        "predictions_grid": lambda: images.predictions_grid(rng.integers(0, 255, (4, 8, 8)), P,
                                                            np.array([0, 1, 2, 3]), [0, 1], show_bars=False),
        "colour_channels": lambda: images.colour_channels(images.sample_colour_image(16)),
    }


@pytest.mark.parametrize("name", sorted(_sample_figures()))
def test_figure_draws_in_japanese_without_glyph_warnings(name, no_font_messages):
    with language("ja"), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = _sample_figures()[name]()
        fig.canvas.draw()
        texts = [t.get_text() for t in texts_of(fig)]
    if name not in ("pixel_grid", "image_grid"):       # these show only the caller's titles and numbers
        assert any(japanese(t) for t in texts), (name, texts)


def test_figure_titles_and_labels_in_japanese():
    with language("ja"):
        ax = planes.input_plane(lambda X: X[:, 0], targets=[0, 0, 1, 1])
        assert (ax.get_xlabel(), ax.get_ylabel()) == ("入力 x1", "入力 x2")
        assert "目標 1" in [t.get_text() for t in ax.texts]
        assert ax.figure.axes[-1].get_ylabel() == "出力"               # the colour bar's default label
        fig = images.colour_channels(images.sample_colour_image(16))
        assert [ax.get_title() for ax in fig.axes] == ["カラー画像", "R（赤）", "G（緑）", "B（青）", "輝度",
                                                      "色（2つの数）"]
        fig = images.predictions_grid(np.zeros((2, 4, 4)), np.array([[0.9, 0.1], [0.2, 0.8]]), np.array([0, 1]),
                                      [1], show_bars=False)
        assert fig.axes[0].get_title() == "画像 1、正解 1\n答え 1 (80.0%)"
    ax = planes.input_plane(lambda X: X[:, 0])
    assert ax.figure.axes[-1].get_ylabel() == "output"
