"""Bad inputs to the explorers, as a student would type them: every constructor argument, and slider values
set from code (``explorer.sliders["w1"].value = float("nan")``). Each error names what the student touched."""
import numpy as np
import pytest
from bad_input_support import Bad, ids, run

from course_lib.explorers import (
    ActivationExplorer, GradientDescentExplorer, HubbleLineExplorer, LetterPadExplorer, LogicGateExplorer,
    MNISTBrowser, NetworkExplorer, NeuronExplorer, PatternNeuronExplorer, WeightQuizExplorer,
)
from course_lib.mlp import MLP

nan, inf = float("nan"), float("inf")

_rng = np.random.default_rng(0)
X_TEST = _rng.integers(0, 256, size=(30, 28, 28)).astype(np.uint8)
Y_TEST = _rng.integers(0, 10, size=30)


class Uniform:
    """A stand-in MNIST model: the same probability for every digit."""

    def __init__(self, k=10):
        self.k = k

    def predict_proba(self, X):
        return np.full((len(X), self.k), 1.0 / self.k)


class NaNLetters:
    def forward(self, X):
        return np.full((len(X), 2), np.nan)


class PickyLetters:
    """A hand-made model (no ``sizes``) that refuses 12 inputs with its own message."""

    def forward(self, X):
        raise ValueError(f"expected 20 features, got {np.shape(X)[1]}")


def slide(make, name, value):
    """Build an explorer, then set one of its controls from code."""
    def call():
        make().sliders[name].value = value
    return call


TABLE = [
    # ---- NeuronExplorer
    Bad("NeuronExplorer: w1 NaN", lambda: NeuronExplorer(w1=nan), ValueError, ("w1", "[-3, 3]", "nan")),
    Bad("NeuronExplorer: w2 outside the slider", lambda: NeuronExplorer(w2=5), ValueError, ("w2", "[-3, 3]", "5")),
    Bad("NeuronExplorer: b a string", lambda: NeuronExplorer(b="1"), TypeError, ("b", "number", "'1'")),
    Bad("NeuronExplorer: w1 a bool", lambda: NeuronExplorer(w1=True), TypeError, ("w1", "number", "True")),
    Bad("NeuronExplorer: b a list", lambda: NeuronExplorer(b=[0.5]), TypeError, ("b", "number", "[0.5]")),
    Bad("NeuronExplorer: unknown activation", lambda: NeuronExplorer(activation="softplus"), ValueError,
        ("activation", "'relu'", "'softplus'")),
    Bad("NeuronExplorer: capitalised activation", lambda: NeuronExplorer(activation="ReLU"), ValueError,
        ("activation", "'relu'", "'ReLU'")),
    Bad("NeuronExplorer: softmax for one neuron", lambda: NeuronExplorer(activation="softmax"), ValueError,
        ("activation", "element-wise", "'softmax'")),
    Bad("NeuronExplorer: activation None", lambda: NeuronExplorer(activation=None), TypeError,
        ("activation", "one of", "None")),
    Bad("NeuronExplorer: slider w1 set to NaN", slide(NeuronExplorer, "w1", nan), ValueError,
        ("w1", "finite", "[-3, 3]", "nan")),
    Bad("NeuronExplorer: slider b set to NaN", slide(NeuronExplorer, "b", nan), ValueError,
        ("b", "finite", "[-3, 3]", "nan")),
    # ---- LogicGateExplorer
    Bad("LogicGateExplorer: unknown gate", lambda: LogicGateExplorer(gate="XNOR"), ValueError,
        ("gate", "'AND'", "'XNOR'")),
    Bad("LogicGateExplorer: lower-case gate", lambda: LogicGateExplorer(gate="and"), ValueError,
        ("gate", "'NAND'", "'and'")),
    Bad("LogicGateExplorer: gate a number", lambda: LogicGateExplorer(gate=1), TypeError,
        ("gate", "one of", "1 (int)")),
    Bad("LogicGateExplorer: b infinite", lambda: LogicGateExplorer(b=inf), ValueError, ("b", "[-3, 3]", "inf")),
    Bad("LogicGateExplorer: slider w2 set to NaN", slide(LogicGateExplorer, "w2", nan), ValueError,
        ("w2", "finite", "nan")),
    # ---- PatternNeuronExplorer
    Bad("PatternNeuronExplorer: pixel value 2", lambda: PatternNeuronExplorer(pixels=[[2, 0, 0]] * 3), ValueError,
        ("pixels", "0 and 1", "2")),
    Bad("PatternNeuronExplorer: flat pixels", lambda: PatternNeuronExplorer(pixels=[1] * 9), ValueError,
        ("pixels", "shape (3, 3)", "flat list of 9")),
    Bad("PatternNeuronExplorer: 2×2 pixels", lambda: PatternNeuronExplorer(pixels=[[1, 0], [0, 1]]), ValueError,
        ("pixels", "(3, 3)", "(2, 2)")),
    Bad("PatternNeuronExplorer: pixels a string", lambda: PatternNeuronExplorer(pixels="111011001"), TypeError,
        ("pixels", "3×3", "'111011001'")),
    Bad("PatternNeuronExplorer: ragged pixels", lambda: PatternNeuronExplorer(pixels=[[1, 1, 1], [0, 1], [0, 0, 1]]),
        TypeError, ("pixels", "3×3", "list")),
    Bad("PatternNeuronExplorer: weights 2×2", lambda: PatternNeuronExplorer(weights=np.ones((2, 2))), ValueError,
        ("weights", "(3, 3)", "(2, 2)")),
    Bad("PatternNeuronExplorer: NaN weight", lambda: PatternNeuronExplorer(weights=[[1, 1, 1], [0, nan, 1], [0, 0, 1]]),
        ValueError, ("weights", "finite", "nan")),
    Bad("PatternNeuronExplorer: weights a string", lambda: PatternNeuronExplorer(weights="pattern"), TypeError,
        ("weights", "numbers", "'pattern'")),
    Bad("PatternNeuronExplorer: b outside the slider", lambda: PatternNeuronExplorer(b=10), ValueError,
        ("b", "[-9, 9]", "10")),
    Bad("PatternNeuronExplorer: softmax", lambda: PatternNeuronExplorer(activation="softmax"), ValueError,
        ("activation", "element-wise", "'softmax'")),
    Bad("PatternNeuronExplorer: slider b set to NaN", slide(PatternNeuronExplorer, "b", nan), ValueError,
        ("b", "bias b", "finite", "[-9, 9]", "nan")),
    # ---- ActivationExplorer
    Bad("ActivationExplorer: unknown function", lambda: ActivationExplorer(function="ReLU"), ValueError,
        ("function", "'relu'", "'ReLU'")),
    Bad("ActivationExplorer: a Python function", lambda: ActivationExplorer(function=np.tanh), TypeError,
        ("function", "one of", "ufunc")),
    Bad("ActivationExplorer: w outside the slider", lambda: ActivationExplorer(w=-7.5), ValueError,
        ("w", "[-5, 5]", "-7.5")),
    Bad("ActivationExplorer: b NaN", lambda: ActivationExplorer(b=nan), ValueError, ("b", "[-5, 5]", "nan")),
    Bad("ActivationExplorer: slider w set to NaN", slide(ActivationExplorer, "w", nan), ValueError,
        ("w", "weight w", "finite", "nan")),
    # ---- NetworkExplorer
    Bad("NetworkExplorer: n3_b outside the slider", lambda: NetworkExplorer(n3_b=9), ValueError,
        ("n3_b", "[-3, 3]", "9")),
    Bad("NetworkExplorer: n1_w1 NaN", lambda: NetworkExplorer(n1_w1=nan), ValueError, ("n1_w1", "[-3, 3]", "nan")),
    Bad("NetworkExplorer: n2_w2 a string", lambda: NetworkExplorer(n2_w2="0.5"), TypeError,
        ("n2_w2", "number", "'0.5'")),
    Bad("NetworkExplorer: slider n2_b set to NaN", slide(NetworkExplorer, "n2_b", nan), ValueError,
        ("n2_b", "finite", "[-3, 3]", "nan")),
    # ---- WeightQuizExplorer
    Bad("WeightQuizExplorer: weight outside the slider", lambda: WeightQuizExplorer(weight=-9), ValueError,
        ("weight", "[-8, 4]", "-9")),
    Bad("WeightQuizExplorer: weight None", lambda: WeightQuizExplorer(weight=None), TypeError,
        ("weight", "number", "None")),
    Bad("WeightQuizExplorer: slider set to NaN", slide(WeightQuizExplorer, "weight", nan), ValueError,
        ("weight", "weight B → C", "finite", "nan")),
    # ---- LetterPadExplorer
    Bad("LetterPadExplorer: pixels 3×4", lambda: LetterPadExplorer(pixels=np.ones((3, 4))), ValueError,
        ("pixels", "(4, 3)", "(3, 4)")),
    Bad("LetterPadExplorer: grey pixel", lambda: LetterPadExplorer(pixels=np.full((4, 3), 0.5)), ValueError,
        ("pixels", "0 and 1", "0.5")),
    Bad("LetterPadExplorer: model a number", lambda: LetterPadExplorer(model=42), TypeError,
        ("model", "predict_proba", "42")),
    Bad("LetterPadExplorer: the MNIST network as model",
        lambda: LetterPadExplorer(model=MLP([784, 128, 10], ["relu", "softmax"], rng=0)), ValueError,
        ("model", "12 inputs", "784")),
    Bad("LetterPadExplorer: a model refusing 12 inputs", lambda: LetterPadExplorer(model=PickyLetters()), ValueError,
        ("model", "12 inputs", "expected 20 features")),
    Bad("LetterPadExplorer: a model with 3 outputs", lambda: LetterPadExplorer(model=MLP([12, 4, 3], ["sigmoid"] * 2)),
        ValueError, ("model", "2 outputs", "3")),
    Bad("LetterPadExplorer: a model giving NaN", lambda: LetterPadExplorer(model=NaNLetters()), ValueError,
        ("model", "finite", "nan")),
    # ---- HubbleLineExplorer
    Bad("HubbleLineExplorer: negative slope", lambda: HubbleLineExplorer(a=-10), ValueError,
        ("a", "[0, 1000]", "km/s/Mpc", "-10")),
    Bad("HubbleLineExplorer: b outside the slider", lambda: HubbleLineExplorer(b=600), ValueError,
        ("b", "[-500, 500]", "km/s", "600")),
    Bad("HubbleLineExplorer: a NaN", lambda: HubbleLineExplorer(a=nan), ValueError, ("a", "[0, 1000]", "nan")),
    Bad("HubbleLineExplorer: slider a set to NaN", slide(HubbleLineExplorer, "a", nan), ValueError,
        ("a", "slope a", "finite", "[0, 1000]", "nan")),
    # ---- GradientDescentExplorer
    Bad("GradientDescentExplorer: lr 0", lambda: GradientDescentExplorer(lr=0), ValueError,
        ("lr", "learning rates the slider offers", "0.001, 0.002", "got 0.")),
    Bad("GradientDescentExplorer: lr 0.398 (not one the slider offers)", lambda: GradientDescentExplorer(lr=0.398),
        ValueError, ("lr", "one of the learning rates", "0.4, 0.45, 0.49, 0.5, 0.6", "0.398")),
    Bad("GradientDescentExplorer: lr NaN", lambda: GradientDescentExplorer(lr=nan), ValueError, ("lr", "nan")),
    Bad("GradientDescentExplorer: lr a string", lambda: GradientDescentExplorer(lr="0.1"), TypeError,
        ("lr", "number", "'0.1'")),
    Bad("GradientDescentExplorer: too many steps", lambda: GradientDescentExplorer(steps=500), ValueError,
        ("steps", "<= 200", "500")),
    Bad("GradientDescentExplorer: negative steps", lambda: GradientDescentExplorer(steps=-1), ValueError,
        ("steps", ">= 0", "-1")),
    Bad("GradientDescentExplorer: fractional steps", lambda: GradientDescentExplorer(steps=2.5), TypeError,
        ("steps", "integer", "2.5")),
    Bad("GradientDescentExplorer: a0 far away", lambda: GradientDescentExplorer(a0=5000), ValueError,
        ("a0", "[-1000, 1000]", "5000")),
    Bad("GradientDescentExplorer: b0 NaN", lambda: GradientDescentExplorer(b0=nan), ValueError, ("b0", "nan")),
    Bad("GradientDescentExplorer: scaled 'yes'", lambda: GradientDescentExplorer(scaled="yes"), TypeError,
        ("scaled", "True or False", "'yes'")),
    Bad("GradientDescentExplorer: scaled 1", lambda: GradientDescentExplorer(scaled=1), TypeError,
        ("scaled", "True or False", "1 (int)")),
    Bad("GradientDescentExplorer: slider lr set to NaN", slide(GradientDescentExplorer, "lr", nan), ValueError,
        ("lr", "learning rates", "0.4, 0.45, 0.49, 0.5, 0.6", "nan")),
    Bad("GradientDescentExplorer: slider lr set to 0.55", slide(GradientDescentExplorer, "lr", 0.55), ValueError,
        ("lr", "learning rates the slider offers", "0.5, 0.6", "0.55")),
    # ---- MNISTBrowser
    Bad("MNISTBrowser: model without predict_proba", lambda: MNISTBrowser(object(), X_TEST, Y_TEST), TypeError,
        ("model", "predict_proba", "object")),
    Bad("MNISTBrowser: X_test with 10 columns", lambda: MNISTBrowser(Uniform(), X_TEST.reshape(30, -1)[:, :10], Y_TEST),
        ValueError, ("X_test", "(n, 784)", "(30, 10)")),
    Bad("MNISTBrowser: X_test with NaN", lambda: MNISTBrowser(Uniform(), np.full((30, 784), nan), Y_TEST), ValueError,
        ("X_test", "finite", "nan")),
    Bad("MNISTBrowser: too few labels", lambda: MNISTBrowser(Uniform(), X_TEST, Y_TEST[:5]), ValueError,
        ("y_test", "30", "(5,)")),
    Bad("MNISTBrowser: float labels", lambda: MNISTBrowser(Uniform(), X_TEST, Y_TEST.astype(float)), ValueError,
        ("y_test", "integer", "float64")),
    Bad("MNISTBrowser: label 12", lambda: MNISTBrowser(Uniform(), X_TEST, np.where(Y_TEST == Y_TEST[0], 12, Y_TEST)),
        ValueError, ("y_test", "0–9", "12")),
    Bad("MNISTBrowser: index past the end", lambda: MNISTBrowser(Uniform(), X_TEST, Y_TEST, index=30), ValueError,
        ("index", "<= 29", "30")),
    Bad("MNISTBrowser: index a string", lambda: MNISTBrowser(Uniform(), X_TEST, Y_TEST, index="3"), TypeError,
        ("index", "integer", "'3'")),
    Bad("MNISTBrowser: the letter network as model",
        lambda: MNISTBrowser(MLP([12, 3, 2], ["sigmoid", "sigmoid"], rng=0), X_TEST, Y_TEST), ValueError,
        ("model", "784 inputs", "12")),
    Bad("MNISTBrowser: a model with 3 probabilities", lambda: MNISTBrowser(Uniform(3), X_TEST, Y_TEST), ValueError,
        ("model", "10 outputs", "(1, 3)")),
]


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_input(row):
    run(row)
