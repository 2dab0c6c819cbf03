"""Storage and checks behind ``MLP``: one flat vector for all weights and biases, reusable work arrays.

Nothing here is needed to understand the network (``mlp.py`` is): this is speed, and the checks of
the constructor's arguments.

* ``FlatParameters``: all weights and biases live in one vector — the lecture's w (47 numbers for the
  12-3-2 network) — and W[l], b[l] are views into it; dW[l], db[l] likewise into one gradient vector.
  An optimizer then updates the whole network with a dozen NumPy calls per step instead of a dozen per
  array.
* ``Workspace``: per batch size, the arrays z_l, a_l, δ_l of every layer, made once and reused
  (``out=``), instead of fresh ~400 KB arrays for every minibatch (each would cost ~100 page faults).
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, check_choice
from .i18n import _
from .activations import ACTIVATIONS
from .losses import as_targets, get_loss

_MAX_WORKSPACES = 4   # buffer sets kept (e.g. batch 128, the last short batch, evaluation chunks)


class FlatParameters:
    """W[l] (sizes[l], sizes[l+1]) and b[l] (sizes[l+1],) as views into ``vector``; dW, db into ``grad_vector``."""

    def __init__(self, W, b, dtype):
        self.dtype = np.dtype(dtype)
        self.sizes = (W[0].shape[0],) + tuple(w.shape[1] for w in W)
        self.vector = np.concatenate([np.ravel(p) for pair in zip(W, b) for p in pair]).astype(self.dtype)
        self.grad_vector = np.zeros_like(self.vector)
        self.W, self.b, self.dW, self.db = [], [], [], []
        i = 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            for name, shape in (("W", (n_in, n_out)), ("b", (n_out,))):
                size = int(np.prod(shape))
                getattr(self, name).append(self.vector[i:i + size].reshape(shape))
                getattr(self, "d" + name).append(self.grad_vector[i:i + size].reshape(shape))
                i += size

    def sync(self, net):
        """Copy arrays the user assigned in place of a view (``net.W[0] = new``) into the vector."""
        for name in ("W", "b"):
            arrays, views = getattr(net, name), getattr(self, name)
            if not isinstance(arrays, list) or len(arrays) != len(views):
                raise ValueError(_("net.{name} must stay a list of {n} arrays; set values with "
                                   "net.{name}[l][...] = new.").format(name=name, n=len(views)))
            for l, view in enumerate(views):
                if arrays[l] is not view:
                    view[...] = as_array(arrays[l], f"{name}[{l}]", shape=view.shape, dtype=self.dtype)
                    arrays[l] = view


class Workspace:
    """Arrays for n samples, made once per n and reused: ``get(n)`` → per layer (z, a, delta)."""

    def __init__(self, sizes, dtype):
        self.sizes, self.dtype = tuple(sizes), np.dtype(dtype)
        self._sets = {}

    def get(self, n, with_delta=True):
        key = (n, with_delta)
        if key not in self._sets:
            if len(self._sets) >= _MAX_WORKSPACES:
                self._sets.pop(next(iter(self._sets)))          # forget the oldest batch size
            self._sets[key] = [tuple(np.empty((n, k), self.dtype) for _ in range(3 if with_delta else 2))
                               for k in self.sizes[1:]]
        return self._sets[key]


# ---- checks of the data and of the constructor's arguments -----------------------------------------
def check_data(net, X, T=None, loss=None, X_name="X", T_name="T"):
    """``MLP.check_data``: X (n, sizes[0]) in the network's dtype; with T also T (n, sizes[-1]) and the loss."""
    X = as_array(X, X_name, dtype=net.dtype)
    if X.ndim != 2 or X.shape[1] != net.sizes[0]:
        raise ValueError(_("{name} must have shape (n_samples, {n_inputs}) — one row of {n_inputs} inputs per "
                           "sample; got shape {shape}.").format(name=X_name, n_inputs=net.sizes[0], shape=X.shape)
                         + (_(" For one sample use {name}.reshape(1, -1).").format(name=X_name) if X.ndim == 1
                            else ""))
    net._flat.sync(net)
    if T is None:
        return X
    output = net.layers[-1].name
    if loss is None:   # default: cross-entropy for a softmax output, otherwise the lecture's squared error
        loss = "cross_entropy" if output == "softmax" else "squared_error"
    loss = get_loss(loss)
    if loss.needs_softmax and output != "softmax":
        raise ValueError(_("loss='cross_entropy' needs a 'softmax' output layer; this network ends with "
                           "{output!r}. Use loss='squared_error' or a softmax output.").format(output=output))
    T = as_targets(T, X.shape[0], net.sizes[-1], name=T_name, dtype=net.dtype)
    return X, loss.check_targets(T, T_name), loss


def check_sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(_("sizes must be a list of layer sizes such as [784, 128, 10]; got {sizes!r}.").format(
            sizes=sizes))
    if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s >= 1
                                 for s in sizes):
        raise ValueError(_("sizes must list at least 2 positive integers (input, ..., output); got {sizes!r}.")
                         .format(sizes=sizes))
    return [int(s) for s in sizes]


def check_weights(W, b):
    """W[l] (n_in, n_out) and b[l] (n_out,) as float64 arrays (copies) whose shapes chain layer to layer."""
    if not (isinstance(W, (list, tuple)) and isinstance(b, (list, tuple)) and 0 < len(W) == len(b)):
        raise TypeError(_("W and b must be lists with one array per layer (same length); got {W_type} and "
                          "{b_type}.").format(W_type=type(W).__name__, b_type=type(b).__name__))
    W = [as_array(w, f"W[{l}]", ndim=2, dtype=np.float64) for l, w in enumerate(W)]
    b = [as_array(v, f"b[{l}]", shape=(W[l].shape[1],), dtype=np.float64) for l, v in enumerate(b)]
    for l in range(1, len(W)):
        if W[l].shape[0] != W[l - 1].shape[1]:
            raise ValueError(_("W[{l}] must have {rows} rows (one per output of layer {l}, W[{before}] has shape "
                               "{before_shape}); got shape {shape}.").format(
                l=l, rows=W[l - 1].shape[1], before=l - 1, before_shape=W[l - 1].shape, shape=W[l].shape))
    return W, b


def check_activations(activations, n_layers):
    """One activation name per layer; softmax (not element-wise) only for the output layer."""
    if not isinstance(activations, (list, tuple)) or len(activations) != n_layers:
        raise ValueError(_("activations must list {n} names, one per layer after the input; got "
                           "{activations!r}.").format(n=n_layers, activations=activations))
    for l, name in enumerate(activations):
        allowed = [k for k, act in ACTIVATIONS.items() if act.elementwise or l == n_layers - 1]
        check_choice(name, f"activations[{l}]", allowed)
    return tuple(activations)


def check_dtype(dtype):
    if dtype not in (np.float32, np.float64, "float32", "float64", float):
        raise ValueError(_("dtype must be np.float32 or np.float64; got {dtype!r}.").format(dtype=dtype))
    return np.dtype(dtype)
