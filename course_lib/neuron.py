"""One artificial neuron (ニューロン): weighted sum (重み), bias (バイアス), activation.

    z = w·x + b = w1·x1 + w2·x2 + … + wn·xn + b        (weighted sum plus bias)
    a = f(z)                                           (activation)

The lecture 「知の探究」 writes the same neuron with a threshold θ (閾値) instead of a bias, and other
letters (its s is our z, its y and a(·) are our a and f):
    z = w·x − θ,   a = f(z)        so  b = −θ.
The step neuron fires (a = 1) when z ≥ 0, i.e. once w·x *reaches* θ (step(0) = 1).
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ._validate import _describe, as_array, check_number
from .activations import elementwise_names, get_activation, step
from .i18n import _

#: Target outputs of the classic logic gates for inputs (0,0), (0,1), (1,0), (1,1).
GATES = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),
}

#: The four input pairs of a 2-input truth table, in the order of ``GATES``.
BINARY_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)

#: The lecture's 3-neuron network (Exercise 3 / 演習3): n1 and n2 read (x1, x2); n3 reads (n1, n2).
#: All three use ReLU. Output for (0,0), (0,1), (1,0), (1,1): 1, 0, 0, 1.
LECTURE_NETWORK = {
    "n1": {"w": (1.0, 1.0), "b": 0.0},
    "n2": {"w": (1.0, 1.0), "b": -1.0},
    "n3": {"w": (-1.0, 2.0), "b": 1.0},
}


def _activation(name):
    """The activation record for a single neuron: an element-wise one (softmax needs a whole layer)."""
    act = get_activation(name)
    if not act.elementwise:
        raise ValueError(
            _("activation must be one a single neuron can use ({allowed}); got {name!r}, which needs a whole layer "
              "(one z per class).").format(allowed=", ".join(map(repr, elementwise_names())), name=name)
        )
    return act


def _weights(w):
    w = as_array(w, "w", ndim=1)
    if w.size == 0:
        raise ValueError(_("w must hold at least one weight (one per input); got an empty list."))
    return w


def _inputs_and_weights(x, w):
    w = _weights(w)
    x = as_array(x, "x", ndim=(1, 2))
    if x.shape[-1] != w.shape[0]:
        raise ValueError(
            _("x has {n_x} input(s) per sample but w has {n_w} weight(s); they must match (one weight per input).")
            .format(n_x=x.shape[-1], n_w=w.shape[0])
        )
    return x, w


def weighted_sum(x, w, b=0.0):
    """z = w·x + b.

    Shapes: x (n,) → z is a number; x (m, n) (m samples) → z (m,). w (n,).
    Example (the worked example of 「ニューラルネットワークとディープラーニング入門」):
    weighted_sum([0.1, 0.8, -0.5], [0.3, -0.5, 0.2], 0.2) = −0.27.
    """
    x, w = _inputs_and_weights(x, w)
    b = check_number(b, "b")
    z = x @ w + b
    return float(z) if z.ndim == 0 else z


def neuron(x, w, b=0.0, activation="step"):
    """a = f(w·x + b) for the activation named ``activation`` ("step", "sigmoid", "tanh", "relu", …)."""
    a = _activation(activation).f(weighted_sum(x, w, b))
    return float(a) if np.ndim(a) == 0 else a


def threshold_neuron(x, w, theta):
    """Threshold form (「知の探究」): z = w·x − θ, a = step(z), i.e. bias b = −θ.

    Fires (a = 1) once the weighted input w·x reaches θ (w·x ≥ θ, because step(0) = 1).
    Shapes: x (n,) → a number; x (m, n) → (m,). w (n,).
    """
    theta = check_number(theta, "theta")
    a = step(weighted_sum(x, w, -theta))
    return float(a) if np.ndim(a) == 0 else a


class Neuron:
    """A neuron with weights ``w``, bias ``b`` and an activation, e.g. ``Neuron([1, 1], -0.5)``.

    >>> n = Neuron([1, 1], -1.5)          # an AND gate
    >>> [n([x1, x2]) for x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]]
    [0.0, 0.0, 0.0, 1.0]
    """

    def __init__(self, w, b=0.0, activation="step"):
        self.w = _weights(w).copy()
        self.b = check_number(b, "b")
        act = _activation(activation)
        self.activation = activation
        self.f, self.f_grad = act.f, act.grad

    def z(self, x):
        """Weighted sum plus bias, z = w·x + b."""
        return weighted_sum(x, self.w, self.b)

    def __call__(self, x):
        a = self.f(self.z(x))
        return float(a) if np.ndim(a) == 0 else a

    def truth_table(self):
        """Rows (x1, x2, a) for the four binary inputs (needs a 2-input neuron). Shape (4, 3)."""
        if self.w.shape != (2,):
            raise ValueError(_("truth_table needs a neuron with 2 inputs; this one has {n}.").format(n=self.w.shape[0]))
        return np.column_stack([BINARY_INPUTS, self(BINARY_INPUTS)])

    def matches(self, gate):
        """True when this neuron's truth table equals the logic gate ``gate`` ("AND", "OR", "NAND", "NOR", "XOR")."""
        if not isinstance(gate, str) or gate not in GATES:
            raise ValueError(_("gate must be one of {allowed}; got {gate!r}.").format(
                allowed=", ".join(map(repr, GATES)), gate=gate))
        return bool(np.array_equal(self.truth_table()[:, 2], np.array(GATES[gate], dtype=float)))

    def __repr__(self):
        w = ", ".join(f"{v:g}" for v in self.w)
        return f"Neuron(w=[{w}], b={self.b:g}, activation={self.activation!r})"


def _network_params(params):
    """Check ``params`` (the layout of ``LECTURE_NETWORK``); returns {key: (w (2,), b)}."""
    if not isinstance(params, Mapping):
        raise TypeError(_("params must be a dict like LECTURE_NETWORK: 'n1', 'n2', 'n3', each {{'w': (w1, w2), "
                          "'b': b}}; got {got}.").format(got=_describe(params)))
    checked = {}
    for key in ("n1", "n2", "n3"):
        entry = params.get(key)
        if not isinstance(entry, Mapping) or "w" not in entry or "b" not in entry:
            text = (_("params must be a dict like LECTURE_NETWORK: 'n1', 'n2', 'n3', each {{'w': (w1, w2), 'b': b}}; "
                      "params[{key!r}] is missing.") if entry is None else
                    _("params must be a dict like LECTURE_NETWORK: 'n1', 'n2', 'n3', each {{'w': (w1, w2), 'b': b}}; "
                      "params[{key!r}] is {got}."))
            raise ValueError(text.format(key=key, got=None if entry is None else _describe(entry)))
        w = as_array(entry["w"], f"params[{key!r}]['w']", shape=(2,))
        checked[key] = (w, check_number(entry["b"], f"params[{key!r}]['b']"))
    return checked


def three_neuron_network(x1, x2, params=None):
    """The lecture's network (演習3): n3(n1(x1, x2), n2(x1, x2)), every neuron ReLU.

    ``params`` has the shape of ``LECTURE_NETWORK``; x1, x2 are numbers or equal-shape arrays.
    """
    p = _network_params(LECTURE_NETWORK if params is None else params)
    x1 = as_array(x1, "x1")
    x2 = as_array(x2, "x2")
    if x1.shape != x2.shape:
        raise ValueError(_("x1 and x2 must have the same shape; got {shape1} and {shape2}.").format(
            shape1=x1.shape, shape2=x2.shape))
    X = np.stack([x1, x2], axis=-1)
    h1 = neuron(X.reshape(-1, 2), *p["n1"], "relu")
    h2 = neuron(X.reshape(-1, 2), *p["n2"], "relu")
    out = neuron(np.column_stack([h1, h2]), *p["n3"], "relu").reshape(x1.shape)
    return float(out) if out.ndim == 0 else out
