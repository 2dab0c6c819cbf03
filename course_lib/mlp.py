r"""A dense multilayer network (多層パーセプトロン): forward propagation, backpropagation, predict.

Layer l = 1 … L (one row per sample)::

    z_l = a_{l−1} W_l + b_l      weighted sums    (n, sizes[l])       a_0 = X   (n, sizes[0])
    a_l = f_l(z_l)               activations      (n, sizes[l])       W_l (sizes[l−1], sizes[l]),  b_l (sizes[l],)

Backpropagation, δ_l = ∂E/∂z_l  (n, sizes[l])::

    output, squared error               δ_L = (a_L − T) ⊙ f'(z_L) / n      seed: (z − t)·a'(s)
    output, softmax + cross-entropy     δ_L = (a_L − T) / n                the softmax Jacobian cancels
    hidden layer                        δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f'(z_l)
    gradients                           ∂E/∂W_l = a_{l−1}ᵀ δ_l,    ∂E/∂b_l = Σ_samples δ_l

Where this departs from the seed's notation (seed 001):
  * the seed writes s = w·x − θ with a threshold θ; we use a bias b = −θ, so z = x·w + b;
  * the seed's weighted sum is s, its activation function a(s), a hidden output h and the network
    output z.  Here z is the weighted sum (seed's s), f the function (seed's a), a a layer's output
    (seed's h and z);
  * samples are rows, z = X W + b, so W_l[i, j] is the weight from input i to neuron j;
  * E is the *mean* of the per-sample errors e_p, not their sum, so a good learning rate does not
    depend on how many samples there are.

Speed: forward and backward write into arrays allocated once per batch size (``out=``) instead of
creating fresh ~400 KB arrays for every minibatch (each would cost ~100 page faults); the arithmetic is
exactly ``a = f(a_prev @ W + b)``.  All weights and biases share one vector, ``param_vector``.
"""
from __future__ import annotations

import numpy as np

from ._validate import as_array, as_rng, check_choice
from .activations import ACTIVATIONS
from .train import as_targets, cross_entropy, squared_error

INITS = ("he", "xavier", "normal", "zeros")
LOSSES = ("squared_error", "cross_entropy")
_MAX_WORKSPACES = 4   # preallocated buffer sets kept (e.g. batch 128, the last short batch, evaluation)
_CHUNK = 2048         # predict/loss work through big inputs in chunks of this many samples


def _activate(name, z, out):
    """a = f(z), written into ``out``; the same formulas as ``course_lib.activations``."""
    if name == "relu":
        np.maximum(z, 0, out=out)                        # max(0, z)
    elif name == "sigmoid":
        with np.errstate(over="ignore"):                 # e^(−z) = inf for z < −88 gives σ = 0, correctly
            np.negative(z, out=out)
            np.exp(out, out=out)
            out += 1
            np.reciprocal(out, out=out)                  # 1 / (1 + e^(−z))
    elif name == "tanh":
        np.tanh(z, out=out)
    elif name == "softmax":
        np.subtract(z, z.max(axis=1, keepdims=True), out=out)   # minus the row max: e^z cannot overflow
        np.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)            # e^(z_k) / Σ_j e^(z_j)
    else:                                                # identity, step, leaky_relu
        out[...] = ACTIVATIONS[name][0](z)


def _multiply_by_grad(name, z, a, delta):
    """delta ⊙= f'(z), in place.  σ' and tanh' are cheapest written with the output a = f(z)."""
    if name == "relu":
        delta *= (z > 0)                                 # ReLU'(z) = 1 if z > 0 else 0
    elif name == "sigmoid":
        delta *= a * (1 - a)                             # σ'(z) = σ(z)(1 − σ(z))
    elif name == "tanh":
        delta *= 1 - a * a                               # tanh'(z) = 1 − tanh²(z)
    elif name == "softmax":                              # Jacobian-vector product: a ⊙ (g − Σ_k g_k a_k)
        delta -= (delta * a).sum(axis=1, keepdims=True)
        delta *= a
    elif name != "identity":
        delta *= ACTIVATIONS[name][1](z)


class MLP:
    """Fully connected network, e.g. ``MLP([784, 128, 10], ["relu", "softmax"], rng=0)``.

    sizes: units per layer, input first; activations: one name per layer after the input
    ("sigmoid", "tanh", "relu", "leaky_relu", "identity", "step"; "softmax" for the last layer only).
    init: "he" N(0, 2/n_in) for ReLU; "xavier" N(0, 1/n_in) for sigmoid/tanh (as in the seed's
    reference, Saito 2016); "normal" N(0, 0.01²); "zeros".  Biases start at 0.
    Attributes: W, b (lists of arrays), dW, db (gradients of the last backward), zs and activations
    (the cache of the last forward: z_l and a_l; overwritten by the next forward).
    """

    def __init__(self, sizes, activations, *, init="he", rng=None, dtype=np.float32):
        if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
            raise TypeError(f"sizes must be a list of layer sizes such as [784, 128, 10]; got {sizes!r}.")
        if len(sizes) < 2 or not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s >= 1
                                     for s in sizes):
            raise ValueError(f"sizes must list at least 2 positive integers (input, ..., output); got {sizes!r}.")
        check_choice(init, "init", INITS)
        rng = as_rng(rng)
        W, b = [], []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            std = {"he": np.sqrt(2 / n_in), "xavier": np.sqrt(1 / n_in), "normal": 0.01, "zeros": 0.0}[init]
            W.append(rng.standard_normal((n_in, n_out)) * std)
            b.append(np.zeros(n_out))
        self._setup(W, b, activations, dtype)

    @classmethod
    def from_weights(cls, W, b, activations, dtype=np.float64):
        """A network with hand-set weights: W[l] (n_in, n_out), b[l] (n_out,) — copied, never shared.

        Example, the seed's 3-neuron network (n1, n2 read x; n3 reads n1, n2; all ReLU)::

            MLP.from_weights([[[1, 1], [1, 1]], [[-1], [2]]], [[0, -1], [1]], ["relu", "relu"])
        """
        if not (isinstance(W, (list, tuple)) and isinstance(b, (list, tuple)) and 0 < len(W) == len(b)):
            raise TypeError("W and b must be lists with one array per layer (same length); "
                            f"got {type(W).__name__} and {type(b).__name__}.")
        W = [as_array(w, f"W[{l}]", ndim=2, dtype=np.float64) for l, w in enumerate(W)]
        b = [as_array(v, f"b[{l}]", shape=(W[l].shape[1],), dtype=np.float64) for l, v in enumerate(b)]
        for l in range(1, len(W)):
            if W[l].shape[0] != W[l - 1].shape[1]:
                raise ValueError(f"W[{l}] must have {W[l - 1].shape[1]} rows (one per output of layer {l}, "
                                 f"W[{l - 1}] has shape {W[l - 1].shape}); got shape {W[l].shape}.")
        net = cls.__new__(cls)
        net._setup(W, b, activations, dtype)
        return net

    def _setup(self, W, b, activations, dtype):
        if dtype not in (np.float32, np.float64, "float32", "float64", float):
            raise ValueError(f"dtype must be np.float32 or np.float64; got {dtype!r}.")
        if not isinstance(activations, (list, tuple)) or len(activations) != len(W):
            raise ValueError(f"activations must list {len(W)} names, one per layer after the input; "
                             f"got {activations!r}.")
        for l, name in enumerate(activations):
            allowed = [k for k in ACTIVATIONS if k != "softmax" or l == len(W) - 1]
            check_choice(name, f"activations[{l}]", allowed)
        self.dtype = np.dtype(dtype)
        self.sizes = (W[0].shape[0],) + tuple(w.shape[1] for w in W)
        self.activation_names = tuple(activations)
        # All weights and biases live in one vector — the seed's w (47 numbers for the 12-3-2 network) —
        # and W[l], b[l] are views into it; dW[l], db[l] likewise into one gradient vector.  fit() hands
        # the optimizer these two vectors: a dozen NumPy calls per Adam step instead of a dozen per array.
        self.param_vector = np.concatenate([np.ravel(p) for pair in zip(W, b) for p in pair]).astype(self.dtype)
        self.grad_vector = np.zeros_like(self.param_vector)
        self._make_views()

    def _make_views(self):
        self._views = {"W": [], "b": [], "dW": [], "db": []}
        i = 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            for name, shape in (("W", (n_in, n_out)), ("b", (n_out,))):
                size = int(np.prod(shape))
                self._views[name].append(self.param_vector[i:i + size].reshape(shape))
                self._views["d" + name].append(self.grad_vector[i:i + size].reshape(shape))
                i += size
        self.W, self.b, self.dW, self.db = (list(self._views[k]) for k in ("W", "b", "dW", "db"))
        self.zs, self.activations = [], []
        self._work = {}

    def __getstate__(self):          # copy.deepcopy and pickle keep the vectors and rebuild the views
        return {k: self.__dict__[k] for k in ("dtype", "sizes", "activation_names", "param_vector", "grad_vector")}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._make_views()

    def _sync_params(self):
        """An array assigned in place of a weight (``net.W[0] = new``) is copied into param_vector."""
        for name in ("W", "b"):
            arrays = getattr(self, name)
            if not isinstance(arrays, list) or len(arrays) != len(self._views[name]):
                raise ValueError(f"net.{name} must stay a list of {len(self._views[name])} arrays; "
                                 f"set values with net.{name}[l][...] = new.")
            for l, view in enumerate(self._views[name]):
                if arrays[l] is not view:
                    view[...] = as_array(arrays[l], f"{name}[{l}]", shape=view.shape, dtype=self.dtype)
                    arrays[l] = view

    def __repr__(self):
        return (f"MLP(sizes={list(self.sizes)}, activations={list(self.activation_names)}, "
                f"dtype={self.dtype.name}, n_params={self.n_params})")

    @property
    def n_params(self):
        """Number of weights and biases, Σ_l (n_in + 1)·n_out — 47 for the seed's 12-3-2 network."""
        return sum(w.size + v.size for w, v in zip(self.W, self.b))

    @property
    def params(self):
        """[W_1, b_1, W_2, b_2, …] (views into param_vector), for ``optimizer.step(net.params, net.grads)``."""
        return [p for pair in zip(self.W, self.b) for p in pair]

    @property
    def grads(self):
        """[∂E/∂W_1, ∂E/∂b_1, …] from the last ``backward``, in the order of ``params``."""
        return [g for pair in zip(self.dW, self.db) for g in pair]

    # ---- forward --------------------------------------------------------------------------
    def _check_X(self, X, name="X"):
        X = as_array(X, name, dtype=self.dtype)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"{name} must have shape (n_samples, {self.sizes[0]}) — one row of {self.sizes[0]} "
                             f"inputs per sample; got shape {X.shape}."
                             + (f" For one sample use {name}.reshape(1, -1)." if X.ndim == 1 else ""))
        self._sync_params()
        return X

    def _buffers(self, kind, n):
        """Per layer (z, a, δ) arrays for n samples, made once and reused; kind "train" or "eval"."""
        key = (kind, n)
        if key not in self._work:
            if len(self._work) >= _MAX_WORKSPACES:
                self._work.pop(next(iter(self._work)))          # forget the oldest batch size
            self._work[key] = [tuple(np.empty((n, k), self.dtype) for _ in range(3 if kind == "train" else 2))
                               for k in self.sizes[1:]]
        return self._work[key]

    def _forward(self, X, cache=True):
        """Forward pass without input checks; returns a_L (a reused buffer: copy it to keep it)."""
        a = X
        zs, activations = [], [X]
        for W, b, name, (z, out, *_) in zip(self.W, self.b, self.activation_names,
                                            self._buffers("train" if cache else "eval", X.shape[0])):
            np.matmul(a, W, out=z)          # z = a_prev W + b
            z += b
            _activate(name, z, out)         # a = f(z)
            a = out
            zs.append(z)
            activations.append(a)
        if cache:
            self.zs, self.activations = zs, activations
        return a

    def forward(self, X):
        """a_L = f_L(… f_1(X W_1 + b_1) …): X (n, sizes[0]) → (n, sizes[-1]).  Keeps zs and activations."""
        return self._forward(self._check_X(X)).copy()

    # ---- backward -------------------------------------------------------------------------
    def _check_loss(self, loss):
        if loss is None:   # default: cross-entropy for a softmax output, otherwise the seed's squared error
            return "cross_entropy" if self.activation_names[-1] == "softmax" else "squared_error"
        check_choice(loss, "loss", LOSSES)
        if loss == "cross_entropy" and self.activation_names[-1] != "softmax":
            raise ValueError(f"loss='cross_entropy' needs a 'softmax' output layer; this network ends with "
                             f"{self.activation_names[-1]!r}. Use loss='squared_error' or a softmax output.")
        return loss

    def _backward(self, T, loss):
        """Backpropagation for the cached forward pass; writes ∂E/∂W_l, ∂E/∂b_l into dW, db."""
        n = T.shape[0]
        a_L, z_L, name = self.activations[-1], self.zs[-1], self.activation_names[-1]
        deltas = [d for _, _, d in self._buffers("train", n)]  # δ_l, one reused array per layer
        delta = deltas[-1]
        np.subtract(a_L, T, out=delta)                         # a_L − T  (= n·∂E/∂a_L for squared error)
        if loss == "squared_error":
            _multiply_by_grad(name, z_L, a_L, delta)          # ⊙ f'(z_L)
        delta *= 1.0 / n                                       # E is a mean over the n samples
        for l in range(len(self.W) - 1, -1, -1):
            np.matmul(self.activations[l].T, delta, out=self.dW[l])    # ∂E/∂W_l = a_{l−1}ᵀ δ_l
            np.sum(delta, axis=0, out=self.db[l])                      # ∂E/∂b_l = Σ_samples δ_l
            if l > 0:                                                  # δ_{l−1} = (δ_l W_lᵀ) ⊙ f'(z_{l−1})
                np.matmul(delta, self.W[l].T, out=deltas[l - 1])
                delta = deltas[l - 1]
                _multiply_by_grad(self.activation_names[l - 1], self.zs[l - 1], self.activations[l], delta)

    def backward(self, T, loss=None):
        """Gradients of E for the last ``forward(X)``: returns (dW, db), lists shaped like W and b.

        T: targets (n, sizes[-1]), or integer class labels (n,).  loss: "squared_error" (default for
        non-softmax outputs; E = mean ½Σ(t − a)²) or "cross_entropy" (default for softmax outputs).
        """
        if not self.activations:
            raise RuntimeError("call forward(X) before backward(T): backpropagation reuses its results.")
        loss = self._check_loss(loss)
        self._backward(as_targets(T, self.activations[0].shape[0], self.sizes[-1], dtype=self.dtype), loss)
        return [g.copy() for g in self.dW], [g.copy() for g in self.db]

    def gradient(self, X, T, loss=None):
        """(dW, db) = ∂E/∂W, ∂E/∂b at (X, T): ``forward(X)`` then ``backward(T, loss)``."""
        self.forward(X)
        return self.backward(T, loss)

    # ---- using the network ----------------------------------------------------------------
    def predict_proba(self, X):
        """The network's outputs a_L (n, sizes[-1]); class probabilities for a softmax output.

        Does not touch the forward cache; large X is processed in chunks to keep memory small.
        """
        return self._predict_proba(self._check_X(X))

    def _predict_proba(self, X):
        out = np.empty((X.shape[0], self.sizes[-1]), self.dtype)
        for start in range(0, X.shape[0], _CHUNK):
            out[start:start + _CHUNK] = self._forward(X[start:start + _CHUNK], cache=False)
        return out

    def predict(self, X):
        """Predicted class (n,) int: the output with the highest activation (1 output: a ≥ 0.5)."""
        a = self.predict_proba(X)
        return (a[:, 0] >= 0.5).astype(np.int64) if a.shape[1] == 1 else a.argmax(axis=1)

    def loss(self, X, T, loss=None):
        """E(X, T): mean squared error ½Σ(t − a)² or cross-entropy −Σ t log a over the samples."""
        loss = self._check_loss(loss)
        a = self.predict_proba(X)
        return (cross_entropy if loss == "cross_entropy" else squared_error)(a, T)
