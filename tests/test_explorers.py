"""Explorers driven without a browser: set a control's value, then check state, readout, artists and PNG."""
import ast
import base64
import io
import textwrap
import time
import warnings
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib import _pylab_helpers
from PIL import Image

import course_lib.explorers as explorers
from course_lib.activations import sigmoid, sigmoid_grad
from course_lib.datasets import load_hubble, load_letters
from course_lib.explorers import (
    ActivationExplorer, GradientDescentExplorer, HubbleLineExplorer, LetterPadExplorer, LogicGateExplorer,
    MNISTBrowser, NetworkExplorer, NeuronExplorer, PatternNeuronExplorer, WeightQuizExplorer,
)
from course_lib.linreg import least_squares, mse
from course_lib.neuron import GATES, three_neuron_network


class FakeDigitModel:
    """Tiny stand-in for a trained MNIST network: softmax of the ink in 10 horizontal bands."""

    def predict_proba(self, X):
        X = np.asarray(X, dtype=float).reshape(-1, 28, 28)
        z = np.stack([X[:, 3 * k:3 * k + 3].sum(axis=(1, 2)) for k in range(10)], axis=1) / 200.0
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


class FixedLetterModel:
    def predict_proba(self, X):
        return np.tile([0.2, 0.7], (len(X), 1))


@pytest.fixture(scope="module")
def digits():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 256, size=(30, 28, 28)).astype(np.uint8)
    y = rng.integers(0, 10, size=30)
    return X, y


def pixels_of(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def make_all(digits):
    X, y = digits
    return [NeuronExplorer(), LogicGateExplorer(), PatternNeuronExplorer(), ActivationExplorer(),
            NetworkExplorer(), LetterPadExplorer(), WeightQuizExplorer(), HubbleLineExplorer(),
            GradientDescentExplorer(), MNISTBrowser(FakeDigitModel(), X, y)]


# ------------------------------------------------------------------ 1. NeuronExplorer
def test_neuron_slider_updates_state_readout_artists_and_png():
    ex = NeuronExplorer()
    png0, grid0 = ex.png(), ex.heatmap.get_array().copy()
    line0 = np.array(ex.line.get_data())
    ex.sliders["w1"].value = 0.5
    assert ex.state == {"w1": 0.5, "w2": 1.0, "b": -0.5, "activation": "step"}
    np.testing.assert_allclose(ex.result["z"], [-0.5, 0.5, 0.0, 1.0])
    np.testing.assert_array_equal(ex.result["a"], [0, 1, 1, 1])     # step(0) = 1: (1, 0) fires at z = 0
    assert "0.50·x1" in ex.readout.value
    assert "<td style='padding:0 8px;text-align:right'>0.00</td>" in ex.readout.value   # row (1, 0): z = 0
    assert [t.get_text() for t in ex.point_labels] == ["0.00", "1.00", "1.00", "1.00"]
    assert not np.array_equal(ex.heatmap.get_array(), grid0)
    assert not np.allclose(np.array(ex.line.get_data()), line0)
    assert ex.png() != png0 and ex.image.value == ex.png()
    assert ex.png()[:8] == b"\x89PNG\r\n\x1a\n"


def test_neuron_seed_exercise_2_relu():
    ex = NeuronExplorer(w1=1.0, w2=1.0, b=-0.5, activation="relu")
    np.testing.assert_allclose(ex.result["a"], [0.0, 0.5, 0.5, 1.5])
    ex.sliders["activation"].value = "sigmoid"
    np.testing.assert_allclose(ex.result["a"], sigmoid(np.array([-0.5, 0.5, 0.5, 1.5])))
    assert ex.heatmap.get_clim() == (0, 1)


def test_decision_line_lies_on_z_equals_zero():
    ex = NeuronExplorer(w1=0.7, w2=-1.3, b=0.4)
    xs, ys = ex.line.get_data()
    np.testing.assert_allclose(0.7 * xs - 1.3 * ys + 0.4, 0, atol=1e-12)
    ex.sliders["w1"].value, ex.sliders["w2"].value = 0.0, 0.0
    assert len(ex.line.get_xdata()) == 0                     # no line when w = 0


# ------------------------------------------------------------------ 2. LogicGateExplorer
@pytest.mark.parametrize("gate, w1, w2, b", [("AND", 1, 1, -1.5), ("OR", 1, 1, -0.5),
                                              ("NAND", -1, -1, 1.5), ("NOR", -1, -1, 0.5)])
def test_logic_gate_indicator(gate, w1, w2, b):
    ex = LogicGateExplorer(gate=gate)
    assert not ex.matches and "✗" in ex.readout.value
    with ex.hold():
        ex.sliders["w1"].value, ex.sliders["w2"].value, ex.sliders["b"].value = w1, w2, b
    assert ex.matches
    assert f"✓ matches {gate}" in ex.readout.value and ex.verdict.get_text() == f"✓ matches {gate}"
    np.testing.assert_array_equal(ex.result["a"], GATES[gate])


def test_logic_gate_xor_is_impossible():
    ex = LogicGateExplorer(gate="XOR")
    values = np.arange(-3, 3.01, 0.5)
    assert not any(ex.compute("XOR", w1, w2, b)["matches"] for w1 in values for w2 in values for b in values)
    assert "impossible" in ex.readout.value and "hidden layer" in ex.readout.value
    ex.sliders["gate"].value = "OR"
    assert ex.result["target"].tolist() == [0, 1, 1, 1]


# ------------------------------------------------------------------ 3. PatternNeuronExplorer
def test_pattern_neuron_seed_example_and_toggles():
    ex = PatternNeuronExplorer()
    assert ex.result["sum"] == 6 and ex.result["z"] == 1 and ex.result["a"] == 1    # sum 6, bias −5 → 1
    assert "= <b>1</b>" in ex.readout.value
    png0 = ex.png()
    ex.pixels[3].value = True                   # x4: weight 0 in the seed's pattern → sum unchanged
    assert ex.state["pixels"][1] == [1, 1, 1] and ex.result["sum"] == 6
    ex.pixels[0].value = False                  # x1: weight 1 → sum 5, z = 0, ReLU → 0
    assert ex.result["sum"] == 5 and ex.result["a"] == 0 and "silent" in ex.readout.value
    assert ex.pixels[0].description == "0" and ex.png() != png0
    ex.sliders["b"].value = -4.0
    assert ex.result["a"] == 1


def test_pattern_neuron_custom_weights_reject_extra_ink():
    w = np.where(np.array(explorers.LECTURE_PATTERN) == 1, 1.0, -1.0)
    ex = PatternNeuronExplorer(weights=w, pixels=np.ones((3, 3), dtype=int))
    assert ex.result["sum"] == 3 and ex.result["a"] == 0
    assert "weights=[[1.0, 1.0, 1.0], [-1.0, 1.0, 1.0]" in ex.code()


# ------------------------------------------------------------------ 4. ActivationExplorer
def test_activation_curve_and_derivative():
    ex = ActivationExplorer()
    ex.sliders["b"].value = 2.0
    x, a = ex.curve.get_data()
    np.testing.assert_allclose(a, sigmoid(x + 2.0))
    np.testing.assert_allclose(ex.slope.get_ydata(), sigmoid_grad(x + 2.0))
    assert "x = −b/w = -2.00" in ex.readout.value
    ex.sliders["w"].value = 3.0
    np.testing.assert_allclose(ex.slope.get_ydata(), 3.0 * sigmoid_grad(3.0 * x + 2.0))
    ex.sliders["function"].value = "step"
    assert not np.any(ex.slope.get_ydata()) and ex.ax_a.get_ylim() == (-0.1, 1.1)
    ex.sliders["w"].value = 0.0
    assert "constant" in ex.readout.value and not ex.centre.get_visible()


# ------------------------------------------------------------------ 5. NetworkExplorer
def test_network_defaults_are_the_seed_and_sliders_change_the_output():
    ex = NetworkExplorer()
    np.testing.assert_allclose(ex.result["out"], [1, 0, 0, 1])
    assert "1, 0, 0, 1" in ex.readout.value
    np.testing.assert_allclose(ex.result["h"], [[0, 0], [1, 0], [1, 0], [2, 1]])
    grid0 = ex.heatmap.get_array().copy()
    ex.sliders["n3_b"].value = 0.0
    np.testing.assert_allclose(ex.result["out"], [0, 0, 0, 0])
    params = {n: {"w": (ex.state[f"{n}_w1"], ex.state[f"{n}_w2"]), "b": ex.state[f"{n}_b"]} for n in ("n1", "n2", "n3")}
    np.testing.assert_allclose(ex.result["grid"], three_neuron_network(*np.meshgrid(np.linspace(-0.5, 1.5, 81),
                                                                                    np.linspace(-0.5, 1.5, 81)), params))
    assert not np.array_equal(ex.heatmap.get_array(), grid0)


# ------------------------------------------------------------------ 6. LetterPadExplorer
def test_default_letter_model_is_quick_deterministic_and_right():
    explorers.default_letter_model.cache_clear()
    start = time.perf_counter()
    net = explorers.default_letter_model()
    seconds = time.perf_counter() - start
    assert seconds < 1.5, f"training the 12-3-2 network took {seconds:.2f} s"
    assert explorers.default_letter_model() is net                       # cached per process
    letters = load_letters()
    z = net.predict_proba(letters.X)
    c_or_t = (letters.T[:, 0] == 1) | (letters.T[:, 1] == 1)        # 3 C, 2 T; the "I" and 3 others: neither
    np.testing.assert_array_equal(z.argmax(axis=1)[c_or_t], [0, 0, 0, 1, 1])
    assert np.all(z[c_or_t].max(axis=1) > 0.9) and np.all(z[~c_or_t] < 0.1)


def test_letter_pad_toggles_and_examples():
    ex = LetterPadExplorer()
    assert ex.result["verdict"] == "C" and "→  <b>C</b>" in ex.readout.value
    a0 = ex.result["a"].copy()
    ex.pixels[6].value = not ex.pixels[6].value
    assert not np.allclose(ex.result["a"], a0)
    ex.examples.value = 3                                  # the first "T"
    assert ex.result["verdict"] == "T" and ex.examples.value == -1
    assert ex.state["pixels"] == load_letters().images[3].astype(int).tolist()
    ex.examples.value = 7
    assert ex.result["verdict"] == "neither C nor T"


def test_letter_pad_with_a_model_passed_in():
    model = FixedLetterModel()
    ex = LetterPadExplorer(pixels=np.zeros((4, 3), dtype=int), model=model)
    np.testing.assert_allclose(ex.result["a"], [0.2, 0.7])
    assert "a1 (C) = 0.200,  a2 (T) = 0.700" in ex.readout.value
    assert ex.code().endswith(", model=model)")
    again = eval(ex.code(), {"LetterPadExplorer": LetterPadExplorer, "model": model})
    assert again.state == ex.state
    three_outputs = type("ThreeOutputs", (), {"forward": lambda self, X: np.zeros((len(X), 3))})()
    with pytest.raises(ValueError, match=r"give 2 outputs .* got shape \(1, 3\)"):
        LetterPadExplorer(model=three_outputs)


# ------------------------------------------------------------------ 7. WeightQuizExplorer
def test_weight_quiz_table_and_goal():
    ex = WeightQuizExplorer()
    np.testing.assert_array_equal(ex.result["n"], [12, 10, 8, 6, 4, 2, 0, 0, 0])    # the seed's trinket output
    assert ex.result["limit"] == 6 and not ex.result["goal_met"]
    assert "C fires while B ≤ 6.00" in ex.readout.value
    heights0 = [b.get_height() for b in ex.bars]
    ex.sliders["weight"].value = -6.0                                                  # the answer: −2 → −6
    np.testing.assert_array_equal(ex.result["fires"], [True] * 3 + [False] * 6)
    assert ex.result["goal_met"] and "✓ C fires exactly while B ≤ 2" in ex.readout.value
    assert [b.get_height() for b in ex.bars] != heights0
    ex.sliders["weight"].value = -5.0          # integers 0–2 still fire, but so does B = 2.4: not the answer
    assert ex.result["fires"].tolist()[:4] == [True, True, True, False] and not ex.result["goal_met"]
    ex.sliders["weight"].value = 1.0
    assert "every B" in ex.readout.value


# ------------------------------------------------------------------ 8. HubbleLineExplorer
def test_hubble_mse_matches_linreg_and_artists_move():
    data = load_hubble()
    ex = HubbleLineExplorer()
    png0, segments0 = ex.png(), [s.copy() for s in ex.residual_lines.get_segments()]
    with ex.hold():
        ex.sliders["a"].value, ex.sliders["b"].value = 450.0, -40.0
    expected = mse(450.0, -40.0, data.distance, data.velocity)
    assert ex.result["E"] == pytest.approx(expected)
    assert f"E = {expected:,.1f}" in ex.readout.value
    assert len(ex.residual_lines.get_segments()) == 24
    assert not np.allclose(np.array(ex.residual_lines.get_segments()), np.array(segments0))
    assert ex.marker.get_data() == ([450.0], [-40.0]) and ex.png() != png0
    a_best, b_best = least_squares(data.distance, data.velocity)
    ex.best_button.click()                                   # the best fit only on request (issue 13)
    assert f"a = {a_best:.1f} km/s/Mpc" in ex.readout.value
    assert "km/s/Mpc" in ex.sliders["a"].description


# ------------------------------------------------------------------ 9. GradientDescentExplorer
def test_gradient_descent_converges_when_scaled():
    ex = GradientDescentExplorer(lr=0.3, steps=50)
    a_best, b_best = ex.result["best"]
    assert ex.result["a"] == pytest.approx(a_best, rel=1e-3) and not ex.result["diverged"]
    assert ex.result["a_original"] == pytest.approx(454.158, abs=0.1)
    ex.sliders["steps"].value = 0
    assert len(ex.path.get_xdata()) == 1 and ex.lx.get_xlim() == (0, 10)


@pytest.mark.parametrize("scaled, lr", [(True, 2.0), (False, 0.6)])
def test_gradient_descent_divergence_shows_a_message_not_nans(scaled, lr):
    ex = GradientDescentExplorer(lr=0.1, scaled=scaled)
    assert not ex.result["diverged"]
    ex.sliders["lr"].value = lr
    assert ex.result["diverged"]
    assert "too large" in ex.readout.value and "Diverged at step" in ex.readout.value
    assert "diverged" in ex.warning.get_text()
    for data in (ex.path.get_xdata(), ex.path.get_ydata(), ex.curve.get_ydata(), ex.result["losses"]):
        assert np.all(np.isfinite(data))
    ex.sliders["lr"].value = 0.1
    assert not ex.result["diverged"] and ex.warning.get_text() == ""


def test_gradient_descent_scaling_switches_the_landscape():
    ex = GradientDescentExplorer(lr=0.3, steps=40, scaled=False)
    assert ex.cx.get_xlabel() == "a (km/s/Mpc)" and ex.contours[False].get_visible()
    raw_loss = ex.result["losses"][-1]
    ex.sliders["scaled"].value = True
    assert ex.contours[True].get_visible() and not ex.contours[False].get_visible()
    assert ex.result["losses"][-1] < raw_loss          # same lr, same steps: scaling converges faster


# ------------------------------------------------------------------ 10. MNISTBrowser
def test_mnist_browser_index_changes_image_and_probabilities(digits):
    X, y = digits
    ex = MNISTBrowser(FakeDigitModel(), X, y, index=2)
    p = FakeDigitModel().predict_proba(X[2:3])[0]
    np.testing.assert_allclose(ex.result["p"], p)
    assert ex.result["prediction"] == p.argmax() and ex.result["label"] == y[2]
    assert [b.get_height() for b in ex.bars] == pytest.approx(p)
    image0 = ex.picture.get_array().copy()
    ex.sliders["index"].value = 5
    assert not np.array_equal(ex.picture.get_array(), image0)
    assert f"label {y[5]}" in ex.readout.value
    wrong = ex.mistakes()
    ex.next_mistake.click()
    assert ex.sliders["index"].value == wrong[wrong > 5][0]
    assert "wrong" in ex.readout.value and ex.result["prediction"] != ex.result["label"]


def test_mnist_browser_validates(digits):
    X, y = digits
    with pytest.raises(TypeError, match="predict_proba"):
        MNISTBrowser(object(), X, y)
    with pytest.raises(ValueError, match="X_test"):
        MNISTBrowser(FakeDigitModel(), X[:, :10], y)
    with pytest.raises(ValueError, match="y_test"):
        MNISTBrowser(FakeDigitModel(), X, y[:5])
    with pytest.raises(ValueError, match="index must be <= 29; got 30"):
        MNISTBrowser(FakeDigitModel(), X, y, index=30)


# ------------------------------------------------------------------ every explorer
def test_code_round_trips_and_blitting_matches_a_fresh_figure(digits):
    """Change controls, eval(code()) → the same state; and the incrementally updated PNG is pixel-identical
    to a freshly built explorer's (so no static part of the figure was left stale)."""
    X, y = digits
    namespace = {name: getattr(explorers, name) for name in explorers.__all__}
    namespace.update(model=FakeDigitModel(), X_test=X, y_test=y)
    changes = {
        NeuronExplorer: {"w1": 0.5, "activation": "tanh"}, LogicGateExplorer: {"gate": "NOR", "b": 0.3},
        PatternNeuronExplorer: {"b": -2.5}, ActivationExplorer: {"function": "relu", "w": 2.0},
        NetworkExplorer: {"n2_b": -0.5}, LetterPadExplorer: {}, WeightQuizExplorer: {"weight": -6.0},
        HubbleLineExplorer: {"a": 512.0}, GradientDescentExplorer: {"scaled": False, "steps": 12, "lr": 0.05},
        MNISTBrowser: {"index": 7},
    }
    for ex in make_all(digits):
        with ex.hold():
            for name, value in changes[type(ex)].items():
                ex.sliders[name].value = value
        if isinstance(ex, LetterPadExplorer):
            ex.pixels[0].value = not ex.pixels[0].value
        again = eval(ex.code(), namespace)
        assert type(again) is type(ex) and again.state == ex.state, ex.code()
        assert again.code() == ex.code()
        np.testing.assert_array_equal(pixels_of(again.png()), pixels_of(ex.png()), err_msg=ex.code())


def test_mimebundle_has_widget_view_png_and_stable_text(digits):
    for ex in make_all(digits):
        bundle, metadata = ex._repr_mimebundle_()
        assert base64.b64decode(bundle["image/png"]) == ex.png()
        assert metadata == {"image/png": {"width": round(ex.css_size[0]), "height": round(ex.css_size[1])}}
        assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == ex.widget.model_id
        assert bundle["text/plain"] == ex.code() == repr(ex)
        width, height = (round(v * ex.dpi) for v in ex.figsize)
        assert Image.open(io.BytesIO(ex.png())).size == (width, height)


def test_dom_classes_fixed_size_and_no_pyplot_figures(digits):
    for ex in make_all(digits):
        assert "course-explorer" in ex.widget._dom_classes
        assert isinstance(ex.image, widgets.Image) and "course-explorer-figure" in ex.image._dom_classes
        assert isinstance(ex.readout, widgets.HTML) and "course-explorer-readout" in ex.readout._dom_classes
        assert ex.image.layout.width.endswith("px") and ex.image.layout.height.endswith("px")
        assert ex.readout.layout.min_height
        assert all(c in ex.controls for c in ex.sliders.values())
        for slider in ex.sliders.values():
            if isinstance(slider, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)):
                assert slider.continuous_update       # every update measured under 20 ms (bench)
    assert _pylab_helpers.Gcf.get_num_fig_managers() == 0


def test_show_code_button_prints_the_rebuild_line():
    ex = NeuronExplorer()
    assert ex.code_text.value == ""
    ex.code_button.click()
    assert "NeuronExplorer(w1=1.0, w2=1.0, b=-0.5, activation=&#x27;step&#x27;)" in ex.code_text.value
    ex.sliders["b"].value = -1.2
    assert "b=-1.2" in ex.code_text.value
    ex.code_button.click()
    assert ex.code_text.value == "" and ex.code_button.description == "show code"


def test_compute_is_pure():
    ex = NeuronExplorer()
    state, png = ex.state, ex.png()
    other = ex.compute(w1=-2.0, w2=0.5, b=1.0, activation="relu")
    assert other["a"].tolist() == [1.0, 1.5, 0.0, 0.0]
    assert ex.state == state and ex.png() == png


def test_no_warnings_while_sliding():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ex = GradientDescentExplorer(scaled=False)
        for lr in (0.01, 0.4, 0.5, 1.5, 3.0):
            ex.sliders["lr"].value = lr
        quiz = WeightQuizExplorer()
        quiz.sliders["weight"].value = 0.0


def test_pattern_neuron_slow_layer_matches_a_fresh_figure():
    """Pixels (slow layer) and bias (fast) changed in turn: the PNG equals a freshly built explorer's."""
    ex = PatternNeuronExplorer()
    ex.sliders["b"].value = -3.0
    ex.pixels[4].value = False
    ex.sliders["b"].value = -2.0
    ex.pixels[6].value = True
    fresh = PatternNeuronExplorer(pixels=ex.state["pixels"], b=-2.0)
    np.testing.assert_array_equal(pixels_of(ex.png()), pixels_of(fresh.png()))
    assert [t.get_text() for t in ex.numbers[0]] == ["1", "1", "1", "0", "0", "1", "1", "0", "1"]


# ------------------------------------------------------------------ the contract of the base class
def _parts(**leave_out):
    """Methods of a minimal explorer with one slider; ``leave_out`` names the pieces to omit."""
    def __init__(self, w=0.0):
        self.sliders = {"w": explorers.base.float_slider("w", w, -1, 1, 0.1)}
        self._start(widgets.VBox(list(self.sliders.values())))

    def _build_figure(self):
        self.line = self._dynamic(self.fig.add_subplot(1, 1, 1).plot([0, 1], [0, 0])[0])

    parts = {"__init__": __init__, "compute": lambda self, w: {"w": w}, "_build_figure": _build_figure,
             "_draw": lambda self, result: self.line.set_ydata([0, result["w"]]),
             "_readout": lambda self, result: f"w = {result['w']}"}
    return {k: v for k, v in parts.items() if k not in leave_out}


def test_a_complete_minimal_explorer_works():
    Tiny = type("Tiny", (explorers.Explorer,), _parts())
    ex = Tiny()
    ex.sliders["w"].value = 0.5
    assert ex.readout.value == "w = 0.5" and ex.code() == "Tiny(w=0.5)" and ex.png()[:4] == b"\x89PNG"


@pytest.mark.parametrize("missing", ["compute", "_build_figure", "_draw", "_readout"])
def test_a_subclass_missing_a_required_method_fails_naming_it(missing):
    Broken = type("Broken", (explorers.Explorer,), _parts(**{missing: True}))
    with pytest.raises(NotImplementedError, match=rf"Broken must define {missing}\(\)"):
        Broken()


def test_a_subclass_must_fill_sliders_before_start():
    def __init__(self):
        self._start(widgets.VBox([]))
    Broken = type("NoSliders", (explorers.Explorer,), {**_parts(), "__init__": __init__})
    with pytest.raises(TypeError, match=r"NoSliders.__init__ must fill self.sliders .* before it calls self._start"):
        Broken()


def test_compute_must_accept_the_slider_names():
    Broken = type("WrongNames", (explorers.Explorer,), {**_parts(), "compute": lambda self, weight: {}})
    with pytest.raises(TypeError, match=r"WrongNames.compute must accept the state's values .*\(w\)"):
        Broken()


def test_forgetting_start_is_reported_when_the_explorer_is_used():
    def __init__(self):
        self.sliders = {}
    Lazy = type("Lazy", (explorers.Explorer,), {**_parts(), "__init__": __init__})
    with pytest.raises(RuntimeError, match=r"Lazy.__init__ must end with self._start"):
        Lazy().png()


def test_the_docstring_example_runs():
    doc = explorers.Explorer.__doc__
    block = doc[doc.index("A complete explorer::") + len("A complete explorer::"):]
    namespace = {}
    exec(textwrap.dedent(block), namespace)                     # noqa: S102 - our own docstring
    ex = namespace["ParabolaExplorer"](w=0.5)
    assert ex.result["a"][-1] == pytest.approx(0.5) and ex.readout.value == "a(1) = 0.50"


def test_a_nan_slider_names_the_slider_and_the_explorer_recovers():
    ex = NeuronExplorer()
    png = ex.png()
    with pytest.raises(ValueError, match=r"^w1 must be a finite number in \[-3, 3\]; got nan\.$"):
        ex.sliders["w1"].value = float("nan")
    assert "w1 must be a finite number" in ex.readout.value and ex.png() == png   # the figure is unchanged
    ex.sliders["w1"].value = 1.0
    assert ex.result["z"].tolist() == [-0.5, 0.5, 0.5, 1.5] and "Error" not in ex.readout.value


# ------------------------------------------------------------------ one activation table
def test_a_new_activation_in_the_table_needs_no_edit_in_the_explorers(monkeypatch):
    from course_lib import activations

    softplus = activations.Activation(
        "softplus", lambda z: np.logaddexp(0.0, z), sigmoid, "log(1 + e^z)", "σ(z)",
        z_range=(-4.0, 4.0), a_range=(-0.2, 4.2), max_slope=1.0)
    monkeypatch.setitem(activations.ACTIVATIONS, "softplus", softplus)
    explorers.neuron.colour_limits.cache_clear()
    try:
        neuron = NeuronExplorer(activation="softplus")
        assert "softplus" in neuron.sliders["activation"].options
        np.testing.assert_allclose(neuron.result["a"], np.logaddexp(0, [-0.5, 0.5, 0.5, 1.5]))
        assert neuron.heatmap.get_clim() == (0.0, 4.1)           # softplus over z_range, rounded outward
        curve = ActivationExplorer(function="softplus", w=1.0, b=0.0)
        assert "softplus" in curve.sliders["function"].options
        low, high = curve.ax_a.get_ylim()
        assert low == -0.2 and high > curve.result["a"].max()   # a_range, widened where f(x) goes beyond it
        assert PatternNeuronExplorer(activation="softplus").result["a"] == pytest.approx(np.logaddexp(0, 1))
    finally:
        explorers.neuron.colour_limits.cache_clear()


def test_menus_and_limits_come_from_the_table():
    from course_lib.activations import ACTIVATIONS, elementwise_names

    assert NeuronExplorer().sliders["activation"].options == elementwise_names()
    assert ActivationExplorer().sliders["function"].options == elementwise_names()
    assert "softmax" in ACTIVATIONS and "softmax" not in elementwise_names()
    limits = {name: explorers.neuron.colour_limits(name) for name in ("step", "sigmoid", "tanh", "relu", "identity")}
    relu_high, identity_range = ACTIVATIONS["relu"].z_range[1], ACTIVATIONS["identity"].z_range   # (-3, 3) today
    assert limits == {"step": (0, 1), "sigmoid": (0, 1), "tanh": (-1, 1), "relu": (0, relu_high),
                      "identity": tuple(identity_range)}


# ------------------------------------------------------------------ shared pieces
def test_pixel_pad_shows_and_reports_its_image():
    from course_lib.explorers.pixel_pad import PixelPad

    pad = PixelPad(np.array([[1, 0, 0], [0, 1, 0]]), button_px=30)
    assert pad.image == [[1, 0, 0], [0, 1, 0]]
    assert [b.description for b in pad.buttons] == ["1", "0", "0", "0", "1", "0"]
    assert pad.buttons[0].button_style == "info" and pad.buttons[1].button_style == ""
    pad.buttons[1].value = True
    assert pad.image[0] == [1, 1, 0] and pad.buttons[1].description == "1"
    pad.set_image(np.zeros(6))
    assert pad.image == [[0, 0, 0], [0, 0, 0]] and pad.buttons[0].button_style == ""
    assert pad.widget.layout.grid_template_columns == "repeat(3, 32px)"


def test_no_private_imports_between_explorer_modules():
    package = Path(explorers.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path.name} imports {private} from .{node.module}"
