r"""A dense multilayer network (多層パーセプトロン): forward propagation, backpropagation, training steps.

Layer l = 1 … L (one row per sample)::

    z_l = a_{l−1} W_l + b_l      weighted sums    (n, sizes[l])       a_0 = X   (n, sizes[0])
    a_l = f_l(z_l)               activations      (n, sizes[l])       W_l (sizes[l−1], sizes[l]),  b_l (sizes[l],)

Backpropagation, δ_l = ∂E/∂z_l  (n, sizes[l])::

    output layer                        δ_L from the loss (``course_lib.losses``):
        squared error                   δ_L = (a_L − T) ⊙ f'(z_L) / n      「知の探究」: (z − t)·a'(s)
        softmax + cross-entropy         δ_L = (a_L − T) / n                the softmax Jacobian cancels
    hidden layer                        δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f'(z_l)
    gradients                           ∂E/∂W_l = a_{l−1}ᵀ δ_l,    ∂E/∂b_l = Σ_samples δ_l

Dropout (ドロップアウト, training only, hidden layers l < L), inverted: each hidden output is kept with
probability 1 − p and the kept ones are scaled by 1/(1 − p), so the *average* output is unchanged and
nothing needs rescaling at test time::

    m_l = keep_l / (1 − p),  keep_l ~ Bernoulli(1 − p)      mask           (n, sizes[l])
    ã_l = f_l(z_l) ⊙ m_l                                    what layer l + 1 reads
    δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ m_l ⊙ f'(z_l)                the same mask on the way back

Where this departs from the notation of the lecture 「知の探究」:
  * 「知の探究」 writes s = w·x − θ with a threshold θ; we use a bias b = −θ, so z = x·w + b;
  * the lecture's weighted sum is s, its activation function a(s), a hidden output h and the network
    output z.  Here z is the weighted sum (lecture's s), f the function (lecture's a), a a layer's
    output (lecture's h and z);
  * samples are rows, z = X W + b, so W_l[i, j] is the weight from input i to neuron j;
  * E is the *mean* of the per-sample errors e_p, not their sum, so a good learning rate does not
    depend on how many samples there are.

Speed (``course_lib._params``): all weights and biases share one vector, ``param_vector``, and the
forward and backward passes write into arrays made once per batch size (``out=``); the arithmetic is
exactly ``a = f(a_prev @ W + b)``.
"""
from __future__ import annotations

import numbers

import numpy as np

from ._platform import matmul
from ._params import FlatParameters, Workspace, check_activations, check_data, check_dtype, check_sizes, check_weights
from ._validate import as_array, as_rng, check_bool, check_choice, check_int, check_number
from .activations import ACTIVATIONS
from .i18n import _
from .losses import LOSSES, Score
from .optim import Optimizer

INITS = ("he", "xavier", "normal", "zeros")
_CHUNK = 2048         # evaluate/predict work through big inputs in chunks of this many samples


def count_params(sizes):
    """Weights and biases of a fully connected network: Σ_l (n_in + 1)·n_out (47 for sizes [12, 3, 2])."""
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def check_dropout(p, name="dropout"):
    """The dropout probability p as a float; 0 ≤ p < 1 (p = 1 would switch every neuron off)."""
    if isinstance(p, bool) or not isinstance(p, numbers.Real) or not np.isfinite(p) or not 0 <= p < 1:
        raise (ValueError if isinstance(p, numbers.Real) and not isinstance(p, bool) else TypeError)(
            _("{name} (the probability of switching a hidden neuron off) must be a number with 0 ≤ {name} < 1; "
              "got {p!r}.").format(name=name, p=p))
    return float(p)


def dropout_masks(sizes, n, p, rng=None, dtype=np.float64):
    """Inverted-dropout masks for the hidden layers of a network with layer sizes ``sizes``, n samples.

    Returns [m_1, …, m_{L−1}], m_l (n, sizes[l]): 1/(1 − p) where the neuron is kept (probability 1 − p),
    0 where it is switched off.  The mean of every entry is 1, so the average signal is unchanged.
    rng: a Generator (pass the same one step after step: an int gives the same masks every call).
    """
    sizes, p, rng = check_sizes(sizes), check_dropout(p, "p"), as_rng(rng)
    n = check_int(n, "n", min_value=1)
    scale = 1.0 / (1.0 - p)
    return [(rng.random((n, k)) >= p).astype(dtype) * scale for k in sizes[1:-1]]


class MLP:
    """Fully connected network, e.g. ``MLP([784, 128, 10], ["relu", "softmax"], rng=0)``.

    sizes: units per layer, input first; activations: one name per layer after the input
    ("sigmoid", "tanh", "relu", "leaky_relu", "identity", "step"; "softmax" for the last layer only).
    init: "he" N(0, 2/n_in) for ReLU; "xavier" N(0, 1/n_in) for sigmoid/tanh (as in the lecture's
    reference, Saito 2016); "normal" N(0, 0.01²); "zeros".  Biases start at 0.
    dtype: np.float64 (default, here and in ``from_weights``: every computer prints the same digits)
    or np.float32 (about twice as fast for MNIST-sized networks).
    Attributes: W, b (lists of arrays), dW, db (gradients of the last backward), zs and activations
    (the cache of the last forward: z_l and a_l, a_0 = X; overwritten by the next forward; with
    dropout, activations holds the hidden outputs after the mask, ã_l = f(z_l) ⊙ m_l).
    """

    def __init__(self, sizes, activations, *, init="he", rng=None, dtype=np.float64):
        sizes, rng = check_sizes(sizes), as_rng(rng)
        std = {"he": lambda n_in: np.sqrt(2 / n_in), "xavier": lambda n_in: np.sqrt(1 / n_in),
               "normal": lambda n_in: 0.01, "zeros": lambda n_in: 0.0}[check_choice(init, "init", INITS)]
        W = [rng.standard_normal((n_in, n_out)) * std(n_in) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self._setup(W, [np.zeros(n_out) for n_out in sizes[1:]], activations, dtype)

    @classmethod
    def from_weights(cls, W, b, activations, dtype=np.float64):
        """A network with hand-set weights: W[l] (n_in, n_out), b[l] (n_out,) — copied, never shared.

        Example, the lecture's 3-neuron network (n1, n2 read x; n3 reads n1, n2; all ReLU)::

            MLP.from_weights([[[1, 1], [1, 1]], [[-1], [2]]], [[0, -1], [1]], ["relu", "relu"])
        """
        net = cls.__new__(cls)
        net._setup(*check_weights(W, b), activations, dtype)
        return net

    def _setup(self, W, b, activations, dtype):
        self.activation_names = check_activations(activations, len(W))
        self.layers = [ACTIVATIONS[name] for name in activations]      # f_l and f_l' of each layer
        self._flat = FlatParameters(W, b, check_dtype(dtype))
        self._work = Workspace(self._flat.sizes, dtype)
        self.dtype, self.sizes = self._flat.dtype, self._flat.sizes
        self.param_vector, self.grad_vector = self._flat.vector, self._flat.grad_vector
        self.W, self.b, self.dW, self.db = (list(getattr(self._flat, k)) for k in ("W", "b", "dW", "db"))
        self.zs, self.activations, self._masks, self._f_hidden = [], [], None, None

    def __getstate__(self):          # copy.deepcopy and pickle: the weights, not the work arrays
        self._flat.sync(self)
        return {"W": self.W, "b": self.b, "activations": self.activation_names, "dtype": self.dtype}

    def __setstate__(self, state):
        self._setup(state["W"], state["b"], state["activations"], state["dtype"])

    def __repr__(self):
        return (f"MLP(sizes={list(self.sizes)}, activations={list(self.activation_names)}, "
                f"dtype={self.dtype.name}, n_params={self.n_params})")

    @property
    def n_params(self):
        """Number of weights and biases, Σ_l (n_in + 1)·n_out — 47 for the lecture's 12-3-2 network."""
        return self.param_vector.size

    @property
    def params(self):
        """[W_1, b_1, W_2, b_2, …] (views into param_vector), for ``optimizer.step(net.params, net.grads)``."""
        return [p for pair in zip(self.W, self.b) for p in pair]

    @property
    def grads(self):
        """[∂E/∂W_1, ∂E/∂b_1, …] from the last ``backward``, in the order of ``params``."""
        return [g for pair in zip(self.dW, self.db) for g in pair]

    # ---- the network: forward with its cache, backward (the deltas), the gradients ----------------
    def _feedforward(self, X, work, masks=None):
        """(zs, activations, f_hidden) for X: z_l and a_l of every layer, a_0 = X (no checks; arrays in ``work``).

        masks: dropout masks m_l of the hidden layers, or None.  With masks, activations holds ã_l and
        f_hidden the hidden layers' f(z_l) before the mask (backprop needs f'(z_l)); without, f_hidden is None.
        """
        zs, activations, f_hidden = [], [X], []
        for l, (W, b, f, (z, a, *_delta)) in enumerate(zip(self.W, self.b, self.layers, work)):
            matmul(activations[-1], W, z)
            z += b                                            # z_l = a_{l−1} W_l + b_l
            zs.append(z)
            a = f.f_into(z, a)                                # a_l = f_l(z_l)
            if masks is not None and l < len(masks):
                f_hidden.append(a)
                a = a * masks[l]                              # dropout: ã_l = f_l(z_l) ⊙ m_l (a new array)
            activations.append(a)
        return zs, activations, (f_hidden if masks is not None else None)

    def _backprop(self, T, loss, work):
        """Writes ∂E/∂W_l, ∂E/∂b_l into dW, db for the cached forward pass (no checks)."""
        L = len(self.W)
        delta = loss.delta(self.zs[-1], self.activations[-1], T, self.layers[-1], work[-1][2])   # δ_L
        for l in range(L - 1, -1, -1):                        # layer l + 1 of the text (W[0] is W_1)
            matmul(self.activations[l].T, delta, self.dW[l])    # ∂E/∂W = a_{l−1}ᵀ δ_l
            np.sum(delta, axis=0, out=self.db[l])                      # ∂E/∂b = Σ_samples δ_l
            if l > 0:                                                  # δ_{l−1} = (δ_l W_lᵀ) ⊙ f'(z_{l−1})
                matmul(delta, self.W[l].T, work[l - 1][2])
                delta = work[l - 1][2]
                if self._masks is None:
                    self.layers[l - 1].grad_mul(self.zs[l - 1], self.activations[l], delta)
                else:                                                  # dropout: ⊙ m_{l−1} as well, and
                    delta *= self._masks[l - 1]                        # f' from f(z) before the mask
                    self.layers[l - 1].grad_mul(self.zs[l - 1], self._f_hidden[l - 1], delta)

    def forward(self, X, *, dropout_masks=None):
        """a_L = f_L(… f_1(X W_1 + b_1) …): X (n, sizes[0]) → (n, sizes[-1]).  Keeps zs and activations.

        dropout_masks: None (no dropout), or one fixed mask per hidden layer, m_l (n, sizes[l]) (e.g. from
        ``dropout_masks``); ``backward`` then backpropagates through the same masks.  ``train_step``
        draws new masks itself; evaluate, predict and predict_proba never drop out.
        """
        X = self.check_data(X)
        if dropout_masks is not None:
            dropout_masks = self._check_masks(dropout_masks, X.shape[0])
        self.zs, self.activations, self._f_hidden = self._feedforward(X, self._work.get(X.shape[0]), dropout_masks)
        self._masks = dropout_masks
        return self.activations[-1].copy()

    def _check_masks(self, masks, n):
        hidden = self.sizes[1:-1]
        if not isinstance(masks, (list, tuple)) or len(masks) != len(hidden):
            raise ValueError(_("dropout_masks must be a list of {count} arrays, one per hidden layer (shapes "
                               "{shapes}); got {masks!r:.80}.").format(count=len(hidden),
                                                                      shapes=[(n, k) for k in hidden], masks=masks))
        checked = [as_array(m, f"dropout_masks[{l}]", shape=(n, k), dtype=self.dtype)
                   for l, (m, k) in enumerate(zip(masks, hidden))]
        for l, m in enumerate(checked):
            if m.min() < 0:
                raise ValueError(_("dropout_masks[{l}] must hold values ≥ 0 (0 = off, 1/(1 − p) = kept); got a "
                                   "smallest value of {smallest:g}.").format(l=l, smallest=m.min()))
        return checked

    def backward(self, T, loss=None):
        """Gradients of E for the last ``forward(X)``: returns (dW, db), lists shaped like W and b.

        T: targets (n, sizes[-1]), or integer class labels (n,).  loss: "squared_error" (default for
        non-softmax outputs; E = mean ½Σ(t − a)²) or "cross_entropy" (default for softmax outputs).
        """
        if not self.activations:
            raise RuntimeError(_("call forward(X) before backward(T): backpropagation reuses its results."))
        X = self.activations[0]
        _X, T, loss = self.check_data(X, T, loss)
        self._backprop(T, loss, self._work.get(X.shape[0]))
        return [g.copy() for g in self.dW], [g.copy() for g in self.db]

    def gradient(self, X, T, loss=None):
        """(dW, db) = ∂E/∂W, ∂E/∂b at (X, T): ``forward(X)`` then ``backward(T, loss)``."""
        self.forward(X)
        return self.backward(T, loss)

    # ---- training and evaluation --------------------------------------------------------------------
    def train_step(self, X, T, loss, optimizer, *, weight_decay=0.0, dropout=0.0, rng=None, check_input=True):
        """One step of the lecture's algorithm on a batch: forward, E, backpropagation, update.

        X (n, sizes[0]); T (n, sizes[-1]) or int labels (n,); loss: a name or None (the default for the
        output layer); optimizer: an ``Optimizer`` (e.g. ``Adam(lr=1e-3)``).  weight_decay λ adds λ·W to
        ∂E/∂W (the L2 penalty ½λΣW²; biases are not decayed).  dropout p (0 ≤ p < 1): every hidden
        output is switched off with probability p for this step, the kept ones scaled by 1/(1 − p)
        (inverted dropout, masks from ``rng``: pass one Generator for all steps).  check_input=False skips
        the checks of X, T and the options (``fit`` checks them once).  Returns the batch's ``Score``
        (E before the update, measured with the dropout masks of this step).
        """
        if check_bool(check_input, "check_input"):
            X, T, loss = self.check_data(X, T, loss)
            if not isinstance(optimizer, Optimizer):
                raise TypeError(_("optimizer must be an Optimizer such as course_lib.optim.Adam(lr=1e-3); got "
                                  "{optimizer!r}.").format(optimizer=optimizer))
            weight_decay = check_number(weight_decay, "weight_decay", min_value=0.0)
            dropout = self.check_dropout(dropout)
            rng = as_rng(rng)
        work = self._work.get(X.shape[0])
        masks = dropout_masks(self.sizes, X.shape[0], dropout, rng, self.dtype) if dropout else None
        self.zs, self.activations, self._f_hidden = self._feedforward(X, work, masks)
        self._masks = masks
        a = self.activations[-1]
        score = Score(loss.value(self.zs[-1], a, T), self._n_correct(a, T, loss), X.shape[0])
        self._backprop(T, loss, work)
        if weight_decay:
            for W, dW in zip(self.W, self.dW):
                dW += weight_decay * W                          # ∂/∂W of ½λΣW² is λW
        # a fresh optimizer updates the one vector that holds all weights and biases (W, b are views
        # into it); one already used on the list net.params goes on with that list
        if optimizer.param_shapes in (None, [self.param_vector.shape]):
            optimizer.step([self.param_vector], [self.grad_vector])
        else:
            optimizer.step(self.params, self.grads)
        return score

    def evaluate(self, X, T, loss=None):
        """``Score`` of the network on (X, T): mean loss and number correct; big X in chunks, cache untouched."""
        X, T, loss = self.check_data(X, T, loss)
        total, correct = 0.0, 0
        for start in range(0, X.shape[0], _CHUNK):
            Xc, Tc = X[start:start + _CHUNK], T[start:start + _CHUNK]
            a, zs = self._predict(Xc)
            total += loss.value(zs, a, Tc) * Xc.shape[0]
            correct += self._n_correct(a, Tc, loss)
        return Score(total / X.shape[0], correct, X.shape[0])

    def _n_correct(self, a, T, loss):
        # a softmax output is read as a choice of class (argmax), whatever the loss
        return (LOSSES["cross_entropy"] if self.layers[-1].name == "softmax" else loss).n_correct(a, T)

    # ---- using the network --------------------------------------------------------------------------
    def _predict(self, X):
        """(a_L, z_L) for X without touching the forward cache (arrays reused by the next call)."""
        zs, activations, _f_hidden = self._feedforward(X, self._work.get(X.shape[0], with_delta=False))
        return activations[-1], zs[-1]

    def predict_proba(self, X):
        """The network's outputs a_L (n, sizes[-1]); class probabilities for a softmax output.

        Does not touch the forward cache; large X is processed in chunks to keep memory small.
        """
        X = self.check_data(X)
        out = np.empty((X.shape[0], self.sizes[-1]), self.dtype)
        for start in range(0, X.shape[0], _CHUNK):
            out[start:start + _CHUNK] = self._predict(X[start:start + _CHUNK])[0]
        return out

    def predict(self, X):
        """Predicted class (n,) int: the output with the highest activation (1 output: a ≥ 0.5)."""
        a = self.predict_proba(X)
        return (a[:, 0] >= 0.5).astype(np.intp) if a.shape[1] == 1 else a.argmax(axis=1)

    def loss(self, X, T, loss=None):
        """E(X, T): mean squared error ½Σ(t − a)² or cross-entropy −Σ t log p over the samples."""
        return self.evaluate(X, T, loss).loss

    # ---- input checks -------------------------------------------------------------------------------
    def check_dropout(self, dropout):
        """dropout as a float in [0, 1); a positive one needs a hidden layer to act on."""
        dropout = check_dropout(dropout)
        if dropout and len(self.sizes) < 3:
            raise ValueError(_("dropout switches hidden neurons off, and this network {sizes} has no hidden layer; "
                               "use dropout=0 (got {dropout!r}).").format(sizes=list(self.sizes), dropout=dropout))
        return dropout

    def check_data(self, X, T=None, loss=None, *, X_name="X", T_name="T"):
        """X as an array of the network's dtype, checked; with T also (X, T, loss record).

        T (n, sizes[-1]) or int labels (n,) (one-hot then); loss: a name or None (cross-entropy for a
        softmax output, else squared error); cross-entropy needs probability rows in T.
        """
        return check_data(self, X, T, loss, X_name, T_name)
