"""Chapter 3 — Forward propagation: 演習3 (the 3-neuron network), matrix form, 12-3-2, classes, the playground.

    from course_lib.checks import ch03
    ch03.exercise3.check(n)                  # 演習3: n3(n1(x1, x2), n2(x1, x2)) → 1, 0, 0, 1
    ch03.layer_exercise.check(layer)         # one layer in matrix form: relu(X @ W + b)
    ch03.parameter_count.check(47)
    ch03.spiral_challenge.check(pg)          # section 3.6: the PlaygroundExplorer itself is the answer
"""
from __future__ import annotations

import numpy as np

from ..i18n import N_, _
from ..neuron import BINARY_INPUTS
from .kinds import ChoiceExercise, FunctionExercise, ValueExercise
from .playground import FewestNeuronsExercise, PlaygroundResultExercise

__all__ = [
    "exercise3", "hidden_at_11", "predict_network_bias", "layer_exercise", "weight_shape",
    "parameter_count", "choose_class", "circle_fewest_neurons", "xor_without_hidden_layer", "spiral_challenge",
]


def _relu(s):
    return max(s, 0.0)


def _net(x1, x2, *, relu_hidden=True, b2=-1.0, swap=False, direct=False):
    """The lecture's network and its typical mistakes (for the checker's messages)."""
    f = _relu if relu_hidden else (lambda s: s)
    h1, h2 = f(x1 + x2 + 0.0), f(x1 + x2 + b2)
    if swap:
        h1, h2 = h2, h1
    if direct:
        h1, h2 = x1, x2
    return _relu(-1 * h1 + 2 * h2 + 1)


_PAIRS = [tuple(int(v) for v in row) for row in BINARY_INPUTS]     # (0,0), (0,1), (1,0), (1,1)

# ---------------------------------------------------------------- 演習3 (Exercise 3)
exercise3 = FunctionExercise(
    N_("Exercise 3 (演習3)"),
    [(p, _net(*p)) for p in _PAIRS],                                 # 1, 0, 0, 1
    func_name="n",
    mistakes=[
        (lambda x1, x2: _net(x1, x2, relu_hidden=False),
         N_("n2 was used without ReLU. At (0, 0) its weighted sum is −1; ReLU must turn it into 0 "
            "before n3 reads it.")),
        (lambda x1, x2: _net(x1, x2, swap=True),
         N_("n1 and n2 are swapped. n3's first input (weight −1) is n1, its second (weight 2) is n2: "
            "n3(n1(x1, x2), n2(x1, x2)).")),
        (lambda x1, x2: _net(x1, x2, direct=True),
         N_("n3 read x1 and x2 directly. In a layered network n3 reads the *outputs* of n1 and n2.")),
        (lambda x1, x2: _net(x1, x2, b2=0.0),
         N_("n2's bias −1 is missing (then n2 is a copy of n1).")),
    ],
    hint=N_("Write n1 and n2 like the neuron of Exercise 2 (weights 1, 1; biases 0 and −1). Then "
            "n(x1, x2) = n3(n1(x1, x2), n2(x1, x2)) with n3: weights −1, 2, bias 1. All use ReLU."),
    solution=(N_("def n1(x1, x2):\n    return relu(1 * x1 + 1 * x2 + 0)\n\n"
                 "def n2(x1, x2):\n    return relu(1 * x1 + 1 * x2 - 1)\n\n"
                 "def n3(x1, x2):\n    return relu(-1 * x1 + 2 * x2 + 1)\n\n"
                 "def n(x1, x2):\n    return n3(n1(x1, x2), n2(x1, x2))")),
    success=N_("1, 0, 0, 1 — the lecture's result. (This truth table is XNOR: no single neuron can do it.)"),
)

hidden_at_11 = ValueExercise(
    N_("The hidden activations for input (1, 1)"),
    (2.0, 1.0),
    tolerance=1e-9,
    mistakes=[
        ((2.0, 2.0), N_("n2 has bias −1: relu(1 + 1 − 1) = 1.")),
        ((1.0, 1.0), N_("n1 has weights 1 and 1 and bias 0: relu(1 + 1 + 0) = 2.")),
        ((1.0, 0.0), N_("that is the input (1, 0)'s hidden layer, or the network output. "
                        "The question asks for (n1, n2) at input (1, 1).")),
    ],
    hint=N_("n1 = relu(x1 + x2), n2 = relu(x1 + x2 − 1), with x1 = x2 = 1."),
    solution=N_("my_hidden = (relu(1 + 1 + 0), relu(1 + 1 - 1))   # (n1, n2) = (2, 1)\n"
                "                                                # then n3 = relu(−2 + 2·1 + 1) = 1"),
)

predict_network_bias = ValueExercise(
    N_("Predict: n2's bias set to 0, output for (1, 1)"),
    3.0,
    tolerance=1e-9,
    mistakes=[
        (1.0, N_("that is the output with the lecture's bias −1. With bias 0, n2 outputs 2 instead of 1.")),
        (2.0, N_("n2 now outputs 2, and n3 = relu(−1·2 + 2·2 + 1).")),
        (0.0, N_("n3's weighted sum is −2 + 4 + 1 = 3 > 0, so ReLU passes it.")),
    ],
    hint=N_("First the hidden layer: n1 = relu(1 + 1 + 0), n2 = relu(1 + 1 + 0). Then n3 = relu(−n1 + 2·n2 + 1)."),
    solution="my_prediction = relu(-1 * 2 + 2 * 2 + 1)   # n1 = 2, n2 = 2, n3 = relu(−2 + 4 + 1) = 3",
)

# ---------------------------------------------------------------- matrix form
_W1 = np.array([[1.0, 1.0], [1.0, 1.0]])
_b1 = np.array([0.0, -1.0])
_X4 = BINARY_INPUTS.copy()

def _layer(X, W, b):
    """relu(X @ W + b) for X (n_samples, n_in), W (n_in, n_out), b (n_out,)."""
    return np.maximum(X @ W + b, 0.0)


_rng = np.random.default_rng(3)
_X9 = _rng.integers(0, 2, (9, 12)).astype(float)          # 9 samples × 12 inputs through 3 neurons
_W9 = _rng.integers(-2, 3, (12, 3)).astype(float)
_b9 = _rng.integers(-2, 3, 3).astype(float)
_LAYER_CASES = [
    ((_X4, _W1, _b1), _layer(_X4, _W1, _b1)),             # the four inputs of Exercise 3 through n1 and n2
    ((_X9, _W9, _b9), _layer(_X9, _W9, _b9)),
]


def _explain_layer(args, got, want):
    if isinstance(got, Exception) and any(k in str(got) for k in ("matmul", "broadcast", "aligned", "shapes")):
        return _("The samples are the rows of X, so the product is X @ W (not W @ X).")
    return None


layer_exercise = FunctionExercise(
    N_("One layer in matrix form"),
    _LAYER_CASES,
    func_name="layer",
    mistakes=[
        (lambda X, W, b: X @ W + b, N_("negative values mean ReLU is missing; return relu(X @ W + b).")),
        (lambda X, W, b: np.maximum(X @ W, 0.0), N_("the bias b was not added.")),
    ],
    explain=_explain_layer,
    hint=N_("Z = X @ W + b (one row per sample, one column per neuron), then apply relu to every entry."),
    solution=N_("def layer(X, W, b):\n    Z = X @ W + b\n    return relu(Z)"),
    success=N_("One line computes every neuron of the layer for every sample at once."),
)

weight_shape = ValueExercise(
    N_("The shape of W for 12 inputs → 3 hidden neurons"),
    (12, 3),
    tolerance=1e-9,
    mistakes=[
        ((3, 12), N_("with Z = X @ W and X of shape (n_samples, 12), W needs 12 rows (one per input) "
                     "and 3 columns (one per neuron).")),
        ((12, 1), N_("each of the 3 neurons has its own column of 12 weights.")),
        ((4, 3), N_("4 × 3 is the image; the network sees it flattened into 12 inputs.")),
    ],
    hint=N_("X has shape (n_samples, 12) and Z = X @ W must have shape (n_samples, 3)."),
    solution=N_("my_shape = (12, 3)   # row i holds input i's weights to the 3 hidden neurons"),
)

parameter_count = ValueExercise(
    N_("Parameters of the 12-3-2 network"),
    47,
    tolerance=0.5,
    mistakes=[
        (42, N_("that counts the weights only (12·3 + 3·2). Every neuron also has a bias (5 more).")),
        (17, N_("that is the number of units (12 + 3 + 2), not the number of parameters.")),
        (45, N_("the 2 output neurons have biases too.")),
        (44, N_("the 3 hidden neurons have biases too.")),
        (72, N_("12·3·2 multiplies all layer sizes; count each layer's weights and biases separately.")),
    ],
    hint=N_("Hidden layer: 12 weights + 1 bias per neuron, 3 neurons. Output layer: 3 weights + 1 bias per "
            "neuron, 2 neurons."),
    solution=N_("my_count = (12 + 1) * 3 + (3 + 1) * 2   # = 39 + 8 = 47, the lecture's count"),
)

# ---------------------------------------------------------------- choose the class
choose_class = ValueExercise(
    N_("Which class wins?"),
    2,
    tolerance=0.01,
    mistakes=[
        (0.834, N_("0.8340 is the highest *activation*; the answer is its class number.")),
        (3, N_("counting starts at 0: the classes are 0, 1, 2.")),
        (0, N_("class 0 has the *lowest* activation (0.0068).")),
        (1, N_("class 1 has 0.1592; another one is higher.")),
    ],
    hint=N_("Find the largest of the activations, then read off its position (0, 1 or 2); np.argmax does this."),
    solution="my_class = np.argmax([0.0068, 0.1592, 0.8340])   # = 2",
)


# ---------------------------------------------------------------- 3.6 the playground: three challenges
circle_fewest_neurons = FewestNeuronsExercise(
    N_("Playground challenge 1 (the circle with one hidden layer)"), "circle",
    why_wrong=N_("each neuron draws one straight line — how many lines does it take to fence in the blue points?"),
    hint=N_("Switch the playground to the circle, one hidden layer of tanh neurons, and try 1, 2, 3 … neurons. "
            "Look at the hidden neurons' pictures: each one is a straight border."),
    solution=N_("my_neurons = 3     # three straight borders make a triangle around the blue points"),
    success=N_("Three straight borders make a triangle around the blue points."))

xor_without_hidden_layer = ChoiceExercise(
    N_("Playground challenge 2 (XOR without a hidden layer)"), "B",
    {"A": N_("more epochs do not help: the loss stops falling at about the same value however long you train."),
     "B": N_("With no hidden layer the output is a function of one weighted sum z = w1·x1 + w2·x2 + b, so its border "
             "is a single straight line — and no line has both blue quadrants on one side and both orange on the other."),
     "C": N_("a larger learning rate makes the loss jump around, but the border stays one straight line.")},
    hint=N_("Look at the picture of the output with 0 hidden layers: what shape does the border between orange and "
            "blue always have?"),
    solution=N_('my_answer = "B"    # one neuron = one straight border; XOR needs two'))

spiral_challenge = PlaygroundResultExercise(
    N_("Playground challenge 3 (make the spiral work)"), "spiral", 0.9,
    hint=N_("More neurons and layers help, and so do the features sin x1 and sin x2; ReLU or tanh; a learning rate "
            "of 0.03–0.1; then be patient (a few hundred epochs)."),
    solution=N_("from course_lib.explorers import PlaygroundExplorer\n"
                "pg = PlaygroundExplorer(\"spiral\", features=(\"x1\", \"x2\", \"sin(x1)\", \"sin(x2)\"), "
                "hidden_layers=2, neurons=8, lr=0.03)\npg.step(300)    # or press play and wait\nmy_playground = pg"))
