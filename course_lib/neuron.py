"""One artificial neuron (ニューロン): weighted sum (重み), bias (バイアス), activation.

    z = w·x + b = w1·x1 + w2·x2 + … + wn·xn + b        (weighted sum plus bias)
    a = f(z)                                           (activation)

Seed 001 writes the same neuron with a threshold θ (閾値) instead of a bias:
    s = w·x − θ,   y = a(s)        so  b = −θ.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, check_number
from .activations import get_activation, step

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

#: The seed's 3-neuron network (Exercise 3 / 演習3): n1 and n2 read (x1, x2); n3 reads (n1, n2).
#: All three use ReLU. Output for (0,0), (0,1), (1,0), (1,1): 1, 0, 0, 1.
SEED_NETWORK = {
    "n1": {"w": (1.0, 1.0), "b": 0.0},
    "n2": {"w": (1.0, 1.0), "b": -1.0},
    "n3": {"w": (-1.0, 2.0), "b": 1.0},
}


def _inputs_and_weights(x, w):
    w = as_array(w, "w", ndim=1)
    x = as_array(x, "x", ndim=(1, 2))
    if x.shape[-1] != w.shape[0]:
        raise ValueError(
            f"x has {x.shape[-1]} input(s) per sample but w has {w.shape[0]} weight(s); "
            "they must match (one weight per input)."
        )
    return x, w


def weighted_sum(x, w, b=0.0):
    """z = w·x + b.

    Shapes: x (n,) → z is a number; x (m, n) (m samples) → z (m,). w (n,).
    Example (seed 000): weighted_sum([0.1, 0.8, -0.5], [0.3, -0.5, 0.2], 0.2) = −0.27.
    """
    x, w = _inputs_and_weights(x, w)
    b = check_number(b, "b")
    z = x @ w + b
    return float(z) if z.ndim == 0 else z


def neuron(x, w, b=0.0, activation="step"):
    """a = f(w·x + b) for the activation named ``activation`` ("step", "sigmoid", "tanh", "relu", …)."""
    f, _ = get_activation(activation)
    a = f(weighted_sum(x, w, b))
    return float(a) if np.ndim(a) == 0 else a


def threshold_neuron(x, w, theta):
    """The seed's threshold form: s = w·x − θ, y = step(s)  (fires when the weighted sum exceeds θ)."""
    theta = check_number(theta, "theta")
    y = step(weighted_sum(x, w, -theta))
    return float(y) if np.ndim(y) == 0 else y


class Neuron:
    """A neuron with weights ``w``, bias ``b`` and an activation, e.g. ``Neuron([1, 1], -0.5)``.

    >>> n = Neuron([1, 1], -1.5)          # an AND gate
    >>> [n([x1, x2]) for x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]]
    [0.0, 0.0, 0.0, 1.0]
    """

    def __init__(self, w, b=0.0, activation="step"):
        self.w = as_array(w, "w", ndim=1).copy()
        self.b = check_number(b, "b")
        self.activation = activation
        self.f, self.f_grad = get_activation(activation)

    def z(self, x):
        """Weighted sum plus bias, z = w·x + b."""
        return weighted_sum(x, self.w, self.b)

    def __call__(self, x):
        a = self.f(self.z(x))
        return float(a) if np.ndim(a) == 0 else a

    def truth_table(self):
        """Rows (x1, x2, a) for the four binary inputs (needs a 2-input neuron). Shape (4, 3)."""
        if self.w.shape != (2,):
            raise ValueError(f"truth_table needs a neuron with 2 inputs; this one has {self.w.shape[0]}.")
        return np.column_stack([BINARY_INPUTS, self(BINARY_INPUTS)])

    def matches(self, gate):
        """True when this neuron's truth table equals the logic gate ``gate`` ("AND", "OR", "NAND", "NOR", "XOR")."""
        if gate not in GATES:
            raise ValueError(f"gate must be one of {', '.join(map(repr, GATES))}; got {gate!r}.")
        return bool(np.array_equal(self.truth_table()[:, 2], np.array(GATES[gate], dtype=float)))

    def __repr__(self):
        w = ", ".join(f"{v:g}" for v in self.w)
        return f"Neuron(w=[{w}], b={self.b:g}, activation={self.activation!r})"


def three_neuron_network(x1, x2, params=None):
    """The seed's network (演習3): n3(n1(x1, x2), n2(x1, x2)), every neuron ReLU.

    ``params`` has the shape of ``SEED_NETWORK``; x1, x2 are numbers or equal-shape arrays.
    """
    p = SEED_NETWORK if params is None else params
    for key in ("n1", "n2", "n3"):
        if key not in p or "w" not in p[key] or "b" not in p[key]:
            raise ValueError(f"params must have entries 'n1', 'n2', 'n3', each with 'w' (2 numbers) and 'b'; missing {key!r}.")
    x1 = as_array(x1, "x1")
    x2 = as_array(x2, "x2")
    if x1.shape != x2.shape:
        raise ValueError(f"x1 and x2 must have the same shape; got {x1.shape} and {x2.shape}.")
    X = np.stack([x1, x2], axis=-1)
    h1 = neuron(X.reshape(-1, 2), p["n1"]["w"], p["n1"]["b"], "relu")
    h2 = neuron(X.reshape(-1, 2), p["n2"]["w"], p["n2"]["b"], "relu")
    out = neuron(np.column_stack([h1, h2]), p["n3"]["w"], p["n3"]["b"], "relu").reshape(x1.shape)
    return float(out) if out.ndim == 0 else out
