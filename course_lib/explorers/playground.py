r"""A playground (after the TensorFlow Playground): train a small network live and watch every neuron learn.

Controls: data set, noise, share of training data, batch size; input features (x1, x2, x1², x2², x1·x2,
sin x1, sin x2); hidden layers (0–6) × neurons (1–8); activation; learning rate; regularisation (none,
L1, L2) and its rate; play / pause / one step / reset.  One *frame* is one epoch (every training
point once, in batches of ``batch_size``) with ``MLP.train_step`` and plain SGD, then a redraw.

The network: inputs = the chosen features, every hidden layer ``neurons`` wide with ``activation``, and
  * two classes (orange = label 0, blue = label 1): two softmax outputs P(orange), P(blue) with cross-entropy
    (chapter 6; a single sigmoid output with squared error gets stuck when it saturates, e.g. on x1², x2²);
  * the C/T letters: two sigmoid outputs with squared error, as in chapters 3 and 4;
  * regression (Hubble, or your own numbers y): one identity output with squared error.

Regularisation adds to ∂E/∂W (biases are not regularised)::

    L2   λ·W        (the penalty ½λΣW²: ``train_step(…, weight_decay=λ)``)
    L1   λ·sign(W)  (the penalty λΣ|W|: ``l1_step`` after each ``train_step``; a weight that the step would
                     push across 0 stops at 0, as in the Playground — L1 switches connections off)

Animation: the play button (an ``ipywidgets.ToggleButton``) starts an asyncio task on the kernel's own event
loop — the loop a Jupyter kernel already runs (ipykernel's; Pyodide's in the browser-only edition), so no
thread and no front-end code are needed.  The task draws a frame, then waits until ``FRAME_S`` has passed
since the frame began (at least ``BREATH_S``): in that wait the kernel handles clicks, so pause stops play
after the frame being drawn.  When the playground leaves the page while playing (its output cleared, its
notebook closed), play stops.  A front-end timer (``ipywidgets.Play``) drove play before: each of its ticks
is a request to the kernel, which answers with "busy" and "idle" status messages that JupyterLab
re-renders, and that capped play at ≈ 14 frames per second in the browser; a frame pushed from the kernel
is one message (≈ 21 frames per second).
While playing, frames are drawn with one PNG pixel per CSS px (``PLAY_PIXEL_RATIO``); pausing redraws the
sharp (HiDPI) picture.  Fixed ``rng`` → every run is the same.
"""
from __future__ import annotations

import asyncio
import collections
import html
import time

import ipywidgets as widgets
import matplotlib.colors as mcolors
import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator, ScalarFormatter

from .. import i18n
from .._validate import _describe, as_array, check_int, check_number, check_positive
from ..datasets_2d import FEATURE_LABELS, FEATURES, GENERATED, check_features, features, make_dataset, \
    train_test_split
from ..i18n import N_, _
from ..losses import LOSSES, one_hot
from ..mlp import MLP
from ..optim import SGD
from .base import Explorer, Name, fmt, label_width
from .validation import check_in_range, check_number_choice, check_option

#: Fixed data sets that are loaded, not generated: the 4 XOR inputs, chapter 3's C/T letters, Hubble's galaxies.
LOADED = ("xor4", "letters", "hubble")
DATASETS = GENERATED + LOADED
#: The activation menu: label → course_lib name ("linear" is the identity f(z) = z).
ACTIVATION_MENU = {"ReLU": "relu", "tanh": "tanh", N_("sigmoid"): "sigmoid", N_("linear"): "identity"}
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REGULARIZATIONS = ("none", "L1", "L2")
#: What the menus show for a value a student writes in code (dataset="circle"); values not here show as they are.
MENU_LABELS = {"circle": N_("circle"), "xor": N_("xor"), "gauss": N_("gauss"), "spiral": N_("spiral"),
               "xor4": N_("xor4"), "letters": N_("letters"), "hubble": N_("hubble"), "own": N_("own"),
               "none": N_("none")}
REGULARIZATION_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
TRAIN_SHARES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_BATCH = 6, 8, 30
N_POINTS = 500            # points of a generated data set
GRID = 40                 # the plane is drawn as GRID × GRID samples
SMALL_DATA = 10           # own data with fewer points: train and test on all of them
FRAME_S = 0.040           # while playing, a frame begins at most every 40 ms: at most 25 frames per second
#: ... and at least this long after the last frame ended: the kernel's time to handle a click (pause, a
#: slider) and the browser's to show the frame, however long a frame takes.
BREATH_S = 0.005
#: PNG pixels per CSS px while playing: one pixel per CSS px (2.25× fewer than the sharp still picture) makes
#: each frame cheaper to draw, encode, send and decode; a pause redraws the sharp picture.
PLAY_PIXEL_RATIO = 1.0
#: While playing, the text under the picture (epoch, losses) is refreshed at most this often: every
#: changed widget is one more message and one more page layout in the browser per frame.
READOUT_EVERY_S = 0.25

#: The Playground's colours: orange (−1 or label 0) … light grey (0) … blue (+1 or label 1).
ORANGE, BLUE = "#f59322", "#0877bd"
CMAP = mcolors.LinearSegmentedColormap.from_list("playground", [ORANGE, "#e8eaeb", BLUE])
CMAP_R = CMAP.reversed()        # for P(orange): a high probability of orange is drawn orange
LUTS = {cmap.name: (cmap(np.linspace(0, 1, 256)) * 255).round().astype(np.uint8) for cmap in (CMAP, CMAP_R)}
FRAME = np.array([102, 102, 102, 255], np.uint8)      # the grey frame around each neuron's picture
NET_XLIM, NET_YLIM = (-1.2, 7.6), (-0.7, 7.9)           # the network's axes, in layout units


# ---------------------------------------------------------------- training (also used by code())
def l1_step(net, lr, rate):
    """The L1 part of one SGD step: W ← W − η·λ·sign(W) for every weight matrix (biases untouched).

    A weight that this would push across 0 is set to 0 (the Playground's rule), so L1 switches
    connections off instead of making them wobble around 0.
    """
    lr, rate = check_positive(lr, "lr"), check_number(rate, "rate", min_value=0.0)
    for W in net.W:
        shrunk = W - lr * rate * np.sign(W)
        shrunk[np.sign(shrunk) != np.sign(W)] = 0.0
        W[...] = shrunk


def train_epoch(net, X, T, loss, optimizer, batch_size, rng, regularization="none", rate=0.0):
    """One epoch: every training sample once, in shuffled batches of ``batch_size``; one SGD step per batch.

    X (n, n_inputs), T (n, n_outputs) floats; loss "squared_error" or "cross_entropy"; rng: a Generator (the
    batch order); regularization "none", "L1", "L2" with rate λ.  The weights of ``net`` change in place.
    """
    batch_size = check_int(batch_size, "batch_size", min_value=1)
    regularization = check_option(regularization, "regularization", REGULARIZATIONS)
    loss = LOSSES[check_option(loss, "loss", tuple(LOSSES))]
    order = rng.permutation(len(X))
    decay = rate if regularization == "L2" else 0.0
    for start in range(0, len(order), batch_size):
        batch = order[start:start + batch_size]
        net.train_step(X[batch], T[batch], loss, optimizer, weight_decay=decay, check_input=False)
        if regularization == "L1" and rate:
            l1_step(net, optimizer.lr, rate)


# ---------------------------------------------------------------- the data the explorer trains on
def _check_own_data(data):
    """data = (X, y): X (n, 2) finite points, y (n,) labels 0/1 (classification) or numbers (regression)."""
    if not (isinstance(data, (tuple, list)) and len(data) == 2):
        raise TypeError(_("data must be a pair (X, y): X of shape (n, 2), y of shape (n,); got {value}.").format(
            value=_describe(data)))
    X = as_array(data[0], _("data[0] (the points X)"), shape=(None, 2))
    y = as_array(data[1], _("data[1] (the labels y)"), ndim=1)
    if len(y) != len(X):
        raise ValueError(_("data[1] (the labels y) must have one value per point: {n} values; got {got}.").format(
            n=len(X), got=len(y)))
    if len(X) < 2:
        raise ValueError(_("data must hold at least 2 points; got {n}.").format(n=len(X)))
    return X.copy(), y.copy()


def _plane_extent(P):
    """(x1_low, x1_high, x2_low, x2_high) around the points, 10 % margin (at least 0.5)."""
    low, high = P.min(axis=0), P.max(axis=0)
    margin = np.maximum(0.1 * (high - low), 0.5)
    return (low[0] - margin[0], high[0] + margin[0], low[1] - margin[1], high[1] + margin[1])


class _Data:
    """Everything the explorer trains on and draws, for one choice of data set, noise and share."""

    def __init__(self, dataset, noise, train_share, rng, own):
        self.name = dataset
        self.kind = "plane"                       # or "samples": inputs that are not points of a plane
        self.note, self.note_fields = "", {}      # a message (N_) and its fields, shown under the picture
        data_rng = np.random.default_rng(rng)
        if dataset in GENERATED:
            P, y = make_dataset(dataset, N_POINTS, noise, rng=data_rng)
            self._classes(*train_test_split(P, y, train_share, rng=data_rng))
            self.extent = (-6.0, 6.0, -6.0, 6.0)
        elif dataset == "own":
            P, y = own
            if len(P) < SMALL_DATA:
                self._classes((P, y), (P, y))
                self.note, self.note_fields = N_("only {n} points: trained and tested on all of them"), {"n": len(P)}
            else:
                self._classes(*train_test_split(P, y, train_share, rng=data_rng))
            self.extent = _plane_extent(P)
        elif dataset == "xor4":
            P = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
            self._classes((P, np.array([0, 1, 1, 0])), (P, np.array([0, 1, 1, 0])))
            self.extent = (-0.5, 1.5, -0.5, 1.5)
            self.note = N_("the 4 points of XOR: trained and tested on all of them")
        elif dataset == "hubble":
            from ..datasets import load_hubble
            h = load_hubble()
            P = np.column_stack([h.distance, np.zeros(len(h.distance))])
            T = h.velocity[:, None] / 1000.0
            self.P_train = self.P_test = P
            self.T_train = self.T_test = T
            self._regression(T[:, 0])
            self.extent = (P[:, 0].min() - 0.2, P[:, 0].max() + 0.2, -0.5, 0.5)
            self.note = N_("Hubble: x1 = distance [Mpc], x2 = 0, target = velocity [1000 km/s]; "
                           "trained and tested on all 24 galaxies")
        else:                                     # letters
            from ..datasets import load_letters
            letters = load_letters()
            self.kind = "samples"
            self.P_train = self.P_test = letters.X
            self.T_train = self.T_test = letters.T
            self.task, self.loss, self.out_activation, self.out_range = "classification", "squared_error", \
                "sigmoid", (0.0, 1.0)
            self.output_names = ["C", "T"]
            self.sample_names = [str(s) for s in letters.letters]
            self.note = N_("the 9 letter images: 12 pixel inputs, outputs C and T; trained and tested on all")
        if self.kind == "plane":
            g1 = np.linspace(self.extent[0], self.extent[1], GRID)
            g2 = np.linspace(self.extent[2], self.extent[3], GRID)
            G1, G2 = np.meshgrid(g1, g2)           # row = x2, column = x1 (imshow with origin="lower")
            self.grid = np.column_stack([G1.ravel(), G2.ravel()])

    def _classes(self, train, test):
        """Labels 0/1: two classes, one-hot targets for two softmax outputs; any other numbers: regression."""
        (self.P_train, self.y_train), (self.P_test, self.y_test) = train, test
        both = np.concatenate([self.y_train, self.y_test])
        if np.all(np.isin(both, (0, 1))):
            self.T_train, self.T_test = (one_hot(y.astype(np.int64), 2) for y in (self.y_train, self.y_test))
            self.task, self.loss, self.out_activation, self.out_range = "classification", "cross_entropy", \
                "softmax", (0.0, 1.0)
            self.output_names = [N_("P(orange)"), N_("P(blue)")]
        else:
            self.T_train, self.T_test = self.y_train[:, None].astype(float), self.y_test[:, None].astype(float)
            self._regression(both)

    def _regression(self, values):
        low, high = float(values.min()), float(values.max())
        self.task, self.loss, self.out_activation = "regression", "squared_error", "identity"
        self.out_range = (low, high if high > low else low + 1.0)
        self.output_names = [N_("output")]

    def point_values(self, which):
        """The colour value of each training or test point: its label (0/1) or its target number."""
        y = getattr(self, f"y_{which}", None)
        return y if y is not None and self.task == "classification" else getattr(self, f"T_{which}")[:, 0]

    def inputs(self, feature_names):
        """(X_train, X_test, D): the network's inputs for training, testing and drawing (D over the grid)."""
        if self.kind == "samples":
            return self.P_train, self.P_test, self.P_train
        return (features(self.P_train, feature_names), features(self.P_test, feature_names),
                features(self.grid, feature_names))

    @property
    def display_shape(self):
        return (GRID, GRID) if self.kind == "plane" else (1, len(self.P_train))


def _interpolation(n_src, n_dst, smooth, flip=False):
    """For each of n_dst pixels: (lower source index, upper source index, weight of the upper) — linear
    interpolation between the cell centres (smooth) or the nearest cell; flip: pixel 0 is the last cell."""
    pos = np.clip((np.arange(n_dst) + 0.5) * n_src / n_dst - 0.5, 0, n_src - 1)
    if flip:
        pos = pos[::-1]
    if not smooth:
        nearest = np.round(pos).astype(int)
        return nearest, nearest, np.zeros(n_dst)
    low = np.floor(pos).astype(int)
    return low, np.minimum(low + 1, n_src - 1), pos - low


def _resample(pic, ry, cx):
    """The picture (rows, columns) at the pixels given by ``_interpolation`` for the rows and the columns."""
    (r0, r1, wr), (c0, c1, wc) = ry, cx
    rows = pic[r0] * (1 - wr)[:, None] + pic[r1] * wr[:, None]
    return rows[:, c0] * (1 - wc) + rows[:, c1] * wc


class _PixelBlocks(Artist):
    """An artist that copies ready-made RGBA blocks into the Agg canvas's pixels: ``blocks`` is a list of
    (row slice, column slice, uint8 array (rows, columns, 4)), row 0 at the top of the canvas."""

    def __init__(self, zorder):
        super().__init__()
        self.set_zorder(zorder)
        self.blocks = []

    def draw(self, renderer):
        if not self.get_visible():
            return
        pixels = np.asarray(renderer.buffer_rgba())
        for rows, cols, block in self.blocks:
            pixels[rows, cols] = block


def _menu(values):
    """A dropdown's options for ``values``: (label, value) pairs with each label in the current language
    (``MENU_LABELS``); the plain values when every label is the value itself (in English)."""
    pairs = [(i18n._(MENU_LABELS[v]) if v in MENU_LABELS else v, v) for v in values]
    return pairs if any(label != v for label, v in pairs) else list(values)


# ---------------------------------------------------------------- the explorer
class PlaygroundExplorer(Explorer):
    """Train a network live on a toy data set and watch the output and every hidden neuron over the plane.

    dataset: "circle", "xor", "gauss", "spiral" (500 generated points), "xor4" (the 4 XOR inputs), "letters"
    (chapter 3's C/T images: 12 inputs, no plane — each neuron is drawn as a strip of its 9 activations),
    "hubble" (regression: velocity from distance), or "own" with ``data=(X, y)`` (X (n, 2), y (n,) 0/1 labels
    or numbers).  noise: 0 … 0.5; train_share: 0.1 … 0.9; batch_size 1 … 30; features: names from
    ``datasets_2d.FEATURES``; hidden_layers 0 … 6 of ``neurons`` 1 … 8; activation "relu", "tanh", "sigmoid",
    "identity" ("linear"); lr and rate: the Playground's values; regularization "none", "L1", "L2";
    rng: an int — the data (rng), the initial weights (rng + 1) and the batch order (rng + 2).

    Driving it from code (tests, notebooks): ``ex.step(10)`` trains 10 epochs and redraws; ``ex.reset()``;
    ``ex.net`` (the MLP), ``ex.epoch``, ``ex.history`` (epoch, training loss, test loss); ``ex.play.value =
    True`` plays (where an event loop runs, as in a Jupyter kernel), ``ex.frame_times`` (seconds per frame
    while playing); ``ex.test_accuracy()``; ``ex.code()`` prints the course_lib code that rebuilds and trains
    this network.
    """

    figsize = (9.0, 4.2)          # 900 CSS px: the width of a notebook cell
    readout_height = "3.4em"

    def __init__(self, dataset=None, noise=0.0, train_share=0.5, batch_size=10, features=("x1", "x2"),
                 hidden_layers=2, neurons=4, activation="tanh", lr=0.03, regularization="none", rate=0.0,
                 *, data=None, rng=0):
        self._own = None if data is None else _check_own_data(data)
        choices = DATASETS + (("own",) if self._own is not None else ())
        if dataset is None:
            dataset = "own" if self._own is not None else "circle"
        if dataset == "own" and self._own is None:
            raise ValueError(_("dataset='own' needs your data: PlaygroundExplorer(data=(X, y)) with X of shape "
                               "(n, 2) and y of shape (n,); got data=None."))
        dataset = check_option(dataset, "dataset", choices)
        noise = check_in_range(noise, "noise", 0, 0.5)
        train_share = check_number_choice(train_share, "train_share", TRAIN_SHARES, N_("shares the slider offers"))
        batch_size = check_int(batch_size, "batch_size", min_value=1, max_value=MAX_BATCH)
        features = tuple(check_features(list(features) if isinstance(features, tuple) else features))
        hidden_layers = check_int(hidden_layers, "hidden_layers", min_value=0, max_value=MAX_HIDDEN_LAYERS)
        neurons = check_int(neurons, "neurons", min_value=1, max_value=MAX_NEURONS)
        if activation == "linear":
            activation = "identity"
        activation = check_option(activation, "activation", tuple(ACTIVATION_MENU.values()))
        lr = check_number_choice(lr, "lr", LEARNING_RATES, N_("learning rates the slider offers"))
        regularization = check_option(regularization, "regularization", REGULARIZATIONS)
        rate = check_number_choice(rate, "rate", REGULARIZATION_RATES, N_("regularisation rates the slider offers"))
        if isinstance(rng, bool) or not isinstance(rng, (int, np.integer)):
            raise TypeError(_("rng must be a non-negative int (the same int gives the same run); got {value}.").format(
                value=_describe(rng)))
        self.rng = check_int(int(rng), "rng", min_value=0)

        labels = {"dataset": _("data"), "noise": _("noise"), "train_share": _("train share"),
                  "batch_size": _("batch size"), "features": _("features"), "hidden_layers": _("hidden layers"),
                  "neurons": _("neurons"), "activation": _("activation"), "lr": _("learning rate"),
                  "regularization": _("regularisation"), "rate": _("its rate"), "show": _("show large")}
        style = {"description_width": label_width(*labels.values())}
        lay = widgets.Layout(width="300px")
        menu = widgets.Layout(width="270px")          # a dropdown's own box is wider than a slider's track
        self.sliders = {
            "dataset": widgets.Dropdown(options=_menu(choices), value=dataset, description=labels["dataset"],
                                        style=style, layout=menu),
            "noise": widgets.FloatSlider(value=noise, min=0, max=0.5, step=0.05, description=labels["noise"],
                                         style=style, layout=lay),
            "train_share": widgets.SelectionSlider(options=TRAIN_SHARES, value=train_share,
                                                   description=labels["train_share"], style=style, layout=lay),
            "batch_size": widgets.IntSlider(value=batch_size, min=1, max=MAX_BATCH, description=labels["batch_size"],
                                            style=style, layout=lay),
            "features": widgets.SelectMultiple(options=[(FEATURE_LABELS[f], f) for f in FEATURES], value=features,
                                               rows=7, description=labels["features"], style=style,
                                               layout=widgets.Layout(width="200px")),
            "hidden_layers": widgets.IntSlider(value=hidden_layers, min=0, max=MAX_HIDDEN_LAYERS,
                                               description=labels["hidden_layers"], style=style, layout=lay),
            "neurons": widgets.IntSlider(value=neurons, min=1, max=MAX_NEURONS, description=labels["neurons"],
                                         style=style, layout=lay),
            "activation": widgets.Dropdown(options=[(i18n._(label), v) for label, v in ACTIVATION_MENU.items()],
                                           value=activation, description=labels["activation"], style=style,
                                           layout=menu),
            "lr": widgets.SelectionSlider(options=[(f"{v:g}", v) for v in LEARNING_RATES], value=lr,
                                          description=labels["lr"], style=style, layout=lay),
            "regularization": widgets.Dropdown(options=_menu(REGULARIZATIONS), value=regularization,
                                               description=labels["regularization"], style=style, layout=menu),
            "rate": widgets.SelectionSlider(options=[(f"{v:g}", v) for v in REGULARIZATION_RATES], value=rate,
                                            description=labels["rate"], style=style, layout=lay),
        }
        self.play = widgets.ToggleButton(value=False, description=_("play"), icon="play",
                                         tooltip=_("play / pause: one epoch per frame"))
        self.play.add_class("course-playground-play")
        self.step_button = widgets.Button(description=_("one step"), icon="step-forward",
                                          tooltip=_("Train one epoch and redraw"))
        self.reset_button = widgets.Button(description=_("reset"), icon="undo",
                                           tooltip=_("Back to the initial weights, epoch 0"))
        self.show = widgets.Dropdown(description=labels["show"], style=style, layout=menu)
        self.show_test = widgets.Checkbox(value=False, description=_("show test data"), indent=False)
        self.step_button.on_click(lambda _b: self._guarded(self.step))
        self.reset_button.on_click(lambda _b: self._guarded(self.reset))
        self.play.observe(self._playing_changed, names="value")
        self.play._view_count = 0                 # the front end counts the button's views (see _views_changed)
        self.play.observe(self._views_changed, names="_view_count")
        self.show.observe(self._view_changed, names="value")
        self.show_test.observe(self._view_changed, names="value")

        self._data = self._data_key = self._net_key = None
        self._layout_key = None
        self._readout_time = -float("inf")
        self._setting_show = False
        self._player = None                                  # the asyncio task that plays, while it runs
        self.frame_times = collections.deque(maxlen=200)     # seconds per frame while playing (the last 200)
        s = self.sliders
        buttons = widgets.HBox([self.play, self.step_button, self.reset_button])
        column1 = widgets.VBox([s["dataset"], s["noise"], s["train_share"], s["batch_size"], s["lr"]])
        column2 = widgets.VBox([s["hidden_layers"], s["neurons"], s["activation"], s["regularization"], s["rate"]])
        column3 = widgets.VBox([s["features"], self.show_test])
        box = widgets.VBox([buttons, widgets.HBox([column1, column2, column3]), self.show])
        self._start(box)
        self._still_pixel_ratio = self.pixel_ratio              # as built (sharp): what a pause returns to
        self.controls += [self.play, self.step_button, self.reset_button, self.show, self.show_test]

    # -- the network behind the controls --------------------------------------------------------
    def _sync(self):
        """New data and/or a new network when a control that defines them changed (the Playground resets too)."""
        st = self._checked_state()
        data_key = (st["dataset"], st["noise"], st["train_share"])
        if data_key != self._data_key:
            self._data = _Data(st["dataset"], st["noise"], st["train_share"], self.rng, self._own)
            self._data_key, self._net_key = data_key, None
            # controls that do nothing for this data set are greyed out
            self.sliders["noise"].disabled = st["dataset"] not in GENERATED
            self.sliders["train_share"].disabled = self._data.P_train is self._data.P_test
            self.sliders["features"].disabled = self._data.kind != "plane"
        net_key = (data_key, tuple(st["features"]), st["hidden_layers"], st["neurons"], st["activation"])
        if net_key != self._net_key:
            if not st["features"] and self._data.kind == "plane":
                raise ValueError(_("features must name at least one input feature (x1, x2, x1², …); "
                                   "got none selected."))
            self.X_train, self.X_test, self._D = self._data.inputs(list(st["features"]))
            self._net_key = net_key
            self.reset(redraw=False)

    def _sizes_and_activations(self):
        st = self.state
        n_out = self._data.T_train.shape[1]
        sizes = [self.X_train.shape[1], *[st["neurons"]] * st["hidden_layers"], n_out]
        return sizes, [st["activation"]] * st["hidden_layers"] + [self._data.out_activation]

    def _init(self):
        return "he" if self.state["activation"] == "relu" else "xavier"

    def reset(self, redraw=True):
        """Back to the initial weights (the same every time for the same rng), epoch 0, no history."""
        sizes, activations = self._sizes_and_activations()
        self.net = MLP(sizes, activations, init=self._init(), rng=self.rng + 1)
        self.optimizer = SGD(lr=self.state["lr"])
        self._order_rng = np.random.default_rng(self.rng + 2)
        self.epoch = 0
        self.history = []
        self._record()
        if redraw:
            self.update()

    def _record(self):
        """Append (epoch, training loss, test loss) to the history; a loss that is not finite stops training."""
        train = self.net.evaluate(self.X_train, self._data.T_train, self._data.loss).loss
        test = self.net.evaluate(self.X_test, self._data.T_test, self._data.loss).loss
        if not (np.isfinite(train) and np.isfinite(test)):
            raise ValueError(_("training diverged at epoch {epoch} (the loss is {loss!r}); the learning rate "
                               "lr={lr:g} is too large for this network: lower it and press reset.").format(
                                   epoch=self.epoch, loss=train, lr=self.state["lr"]))
        self.history.append((self.epoch, train, test))

    def step(self, epochs=1):
        """Train ``epochs`` epochs (each: every training point once, in batches) and redraw once."""
        epochs = check_int(epochs, "epochs", min_value=1, max_value=10_000)
        self._sync()
        st = self.state
        self.optimizer.lr = st["lr"]
        with np.errstate(over="ignore", invalid="ignore"):   # a diverging run is reported below, in words
            for _ in range(epochs):
                train_epoch(self.net, self.X_train, self._data.T_train, self._data.loss, self.optimizer,
                            st["batch_size"], self._order_rng, st["regularization"], st["rate"])
                self.epoch += 1
                self._record()
        self.update()

    def test_accuracy(self):
        """Share of test points classified right (two classes: the more probable one; letters: both outputs
        rounded at 0.5 equal the target, the lecture's reading)."""
        if self._data.task != "classification":
            raise ValueError(_("test_accuracy needs a classification data set; {name!r} is regression.").format(
                name=self._data.name))
        return self.net.evaluate(self.X_test, self._data.T_test, self._data.loss).accuracy

    # -- play / pause ---------------------------------------------------------------------------
    def _playing_changed(self, change):
        """Play: start the task that draws the frames, with draft pictures (PLAY_PIXEL_RATIO); pause: the
        sharp picture again, redrawn once (the task ends after the frame it is drawing)."""
        playing = change["new"]
        if playing and self._player is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:               # plain Python: nothing would ever draw a frame — say so
                self.play.value = False
                self._show_error(_("play needs a running event loop, as in a Jupyter notebook; in a script, "
                                   "train with step(epochs) instead."))
                return
            self._player = loop.create_task(self._play())
        self.play.description = _("pause") if playing else _("play")
        self.play.icon = "pause" if playing else "play"
        self._set_pixel_ratio(PLAY_PIXEL_RATIO if playing else self._still_pixel_ratio)

    def _views_changed(self, change):
        """The playground left the page (its output cleared or the cell run again, its notebook closed) while
        playing: pause, or its frames would go on taking the kernel's time, with no one to see them."""
        if change["new"] == 0 and self.play.value:
            self.play.value = False

    async def _play(self):
        """One frame (``step()``: one epoch + redraw), then a wait so that frames begin ``FRAME_S`` apart (at
        least ``BREATH_S`` after the last one ended); again, while ``play`` is pressed."""
        try:
            while self.play.value:
                start = time.perf_counter()
                self._guarded(self.step)
                end = time.perf_counter()
                self.frame_times.append(end - start)
                await asyncio.sleep(max(BREATH_S, FRAME_S - (end - start)))
        except Exception as exc:               # noqa: BLE001  no one awaits this task: show it, stop playing
            self.play.value = False
            self._show_error(f"{type(exc).__name__}: {exc}")
        finally:
            self._player = None

    def _set_pixel_ratio(self, ratio):
        """Draw the same figure (same CSS size, same text size on screen) with ``ratio`` PNG pixels per CSS px."""
        ratio = min(ratio, self._still_pixel_ratio)
        if ratio == self.pixel_ratio:
            return
        css_per_inch = self.dpi / self.pixel_ratio
        self.dpi, self.pixel_ratio = css_per_inch * ratio, ratio
        self.fig.set_dpi(self.dpi)
        self._layout_key = None                   # the neuron pictures are placed in pixels: place them again
        self._guarded(self.update)

    def _guarded(self, action):
        try:
            action()
        except ValueError as exc:     # diverged, or a bad control: say so where the student looks, and stop
            self.play.value = False
            self._show_error(str(exc))

    def _view_changed(self, _change):
        if not self._setting_show:          # not while _layout fills the menu
            self._guarded(self.update)

    def update(self):
        self._sync()
        with np.errstate(over="ignore", invalid="ignore"):   # a diverged network: step() says so in words
            super().update()

    # -- the contract ---------------------------------------------------------------------------
    def compute(self, dataset, noise, train_share, batch_size, features, hidden_layers, neurons, activation, lr,
                regularization, rate):
        """Every neuron's output over the plane (or the samples), the weights and the loss history."""
        self.net.forward(self._D)
        pictures = [[a[:, j].reshape(self._data.display_shape).copy() for j in range(a.shape[1])]
                    for a in self.net.activations]
        for j, p in enumerate(pictures[0]):            # inputs: scaled to [−1, 1] for the colours
            top = np.abs(p).max()
            pictures[0][j] = p / top if top > 0 else p
        hist = np.array(self.history)
        result = {"sizes": list(self.net.sizes), "pictures": pictures, "W": [W.copy() for W in self.net.W],
                  "epoch": self.epoch, "history": hist, "task": self._data.task}
        if self._data.task == "classification":
            result["accuracy"] = self.test_accuracy()
        return result

    def _build_figure(self):
        fig = self.fig
        self.ax_net = fig.add_axes([0.0, 0.02, 0.58, 0.9])
        self.ax_net.set_axis_off()
        self.ax_net.set_xlim(*NET_XLIM)
        self.ax_net.set_ylim(*NET_YLIM)
        self.ax_big = fig.add_axes([0.64, 0.42, 0.33, 0.5])
        self.ax_loss = fig.add_axes([0.64, 0.1, 0.33, 0.2])
        ax = self.ax_loss
        ax.set_xlabel(_("epoch"))
        ax.set_ylabel(_("loss E"))
        ax.grid(alpha=0.3)
        self.train_line = self._dynamic(ax.plot([], [], color="black", lw=1.2, label=_("training"))[0])
        self.test_line = self._dynamic(ax.plot([], [], color="tab:gray", lw=1.2, ls="--", label=_("test"))[0])
        ax.legend(loc="upper right", frameon=False)
        self.points = {}
        for which, edge in (("train", "white"), ("test", "black")):
            self.points[which] = self._dynamic(self.ax_big.scatter(
                np.zeros(0), np.zeros(0), c=np.zeros(0), s=14, cmap=CMAP, edgecolors=edge, linewidths=0.6, zorder=2))
        self.net_artists = []
        # every neuron's picture is coloured with NumPy and copied straight into the canvas's pixels (one
        # artist; an imshow per neuron cost ≈ 1 ms each to draw); the connections are drawn beneath them
        self.node_pictures = self._dynamic(_PixelBlocks(zorder=1.5))   # over the connections, under the points
        self.fig.add_artist(self.node_pictures)

    def _node_slots(self, sizes):
        """Where each neuron's picture goes in the canvas: (rows, columns) slices of the pixel buffer (row 0 at
        the top) and, per pixel, the index of the nearest cell of the picture."""
        height = self.canvas.get_width_height()[1]
        gh, gw = self._data.display_shape
        slots = []
        for column in self.node_xy:
            slots.append([])
            for x, y, hx, hy in column:
                (c0, y0), (c1, y1) = np.round(self.ax_net.transData.transform([(x - hx, y - hy),
                                                                               (x + hx, y + hy)])).astype(int)
                r0, r1 = height - y1, height - y0                     # display y counts up, buffer rows down
                rows = (np.arange(r1 - r0)[::-1] * gh) // max(r1 - r0, 1)   # the picture's row 0 at the bottom
                cols = (np.arange(c1 - c0) * gw) // max(c1 - c0, 1)
                slots[-1].append((slice(r0, r1), slice(c0, c1), rows[:, None], cols[None, :]))
        return slots

    @staticmethod
    def _coloured(pic, slot, lut, low, high):
        """One neuron's picture (values low … high) as RGBA pixels of its slot, with a grey frame."""
        _, _, ri, ci = slot
        t = np.clip((pic - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)
        block = lut[t[ri, ci]]
        block[[0, -1], :] = FRAME
        block[:, [0, -1]] = FRAME
        return block

    def _layout(self, sizes):
        """Place one picture per neuron (columns = layers) and the connections; static parts redrawn."""
        for artist in self.net_artists:
            if artist in self._animated:
                self._animated.remove(artist)
            artist.remove()
        ax = self.ax_net
        self.net_artists = []
        n_cols = len(sizes)
        xs = np.linspace(0, 6.6, n_cols) if n_cols > 1 else [0.0]
        self.node_xy = []                         # (x, y, half width, half height) of each picture: square on screen
        (x0, y0), (x1, y1) = ax.transData.transform([(0, 0), (1, 1)])
        squeeze = (y1 - y0) / (x1 - x0)           # a layout unit is this many times taller than wide on screen
        for l, (x, n) in enumerate(zip(xs, sizes)):
            gap = min(1.0, 7.6 / max(n, 1))
            half = 0.36 * gap
            ys = 3.6 + gap * (np.arange(n)[::-1] - (n - 1) / 2)
            self.node_xy.append([(x, y, half * squeeze, half) for y in ys])
            title = _("input") if l == 0 else (_("output") if l == n_cols - 1 else _("layer {l}").format(l=l))
            self.net_artists.append(ax.text(x, 7.75, title, ha="center", va="top", fontsize="small"))  # i18n: ignore
        if self._data.kind == "plane":
            for (x, y, hx, _hy), f in zip(self.node_xy[0], check_features(list(self.state["features"]))):
                self.net_artists.append(ax.text(x - hx - 0.08, y, FEATURE_LABELS[f], ha="right", va="center",
                                                fontsize="small"))   # i18n: ignore (a font size)
        self.edges = []                           # (layer, i, j) in the order of the segments
        segments = []
        for l in range(n_cols - 1):
            for i, (x0, y0, h0, _hy0) in enumerate(self.node_xy[l]):
                for j, (x1, y1, h1, _hy1) in enumerate(self.node_xy[l + 1]):
                    segments.append([(x0 + h0, y0), (x1 - h1, y1)])
                    self.edges.append((l, i, j))
        self.connections = self._dynamic(LineCollection(segments, zorder=1))
        ax.add_collection(self.connections)
        self.selected_box = self._dynamic(ax.add_patch(Rectangle((0, 0), 0, 0, fill=False, lw=2.2, ec="black",
                                                                 zorder=4)))
        self.net_artists += [self.connections, self.selected_box]
        # the "show large" menu: every neuron after the inputs
        options = []
        for l in range(1, n_cols):
            for j in range(sizes[l]):
                last = l == n_cols - 1
                if not last:
                    label = _("layer {layer}, neuron {neuron}").format(layer=l, neuron=j + 1)
                elif self._data.output_names[j] == "output":
                    label = _("output")
                else:
                    label = _("output {name}").format(name=i18n._(self._data.output_names[j]))
                options.append((label, (l, j)))
        self.output_cmaps = [CMAP_R if name == "P(orange)" else CMAP for name in self._data.output_names]
        self.node_slots = self._node_slots(sizes)
        self._setting_show = True
        try:
            self.show.options = options
            self.show.value = (n_cols - 1, sizes[-1] - 1 if self._data.out_activation == "softmax" else 0)
        finally:
            self._setting_show = False
        self._layout_big()
        self._invalidate()

    def _layout_big(self):
        ax = self.ax_big
        d = self._data
        # the big picture fills the axes (inside its frame): bilinear over the plane, one cell per image otherwise
        height = self.canvas.get_width_height()[1]
        (c0, y0), (c1, y1) = np.round(ax.get_window_extent().get_points()).astype(int)
        rows, cols = slice(height - y1 + 1, height - y0 - 1), slice(c0 + 1, c1 - 1)
        gh, gw = d.display_shape
        smooth = d.kind == "plane"
        self.big_slot = (rows, cols, _interpolation(gh, rows.stop - rows.start, smooth, flip=True),
                         _interpolation(gw, cols.stop - cols.start, smooth))
        if d.kind == "plane":
            ax.set_xlim(d.extent[0], d.extent[1])
            ax.set_ylim(d.extent[2], d.extent[3])
            ax.set_xlabel("x1")
            ax.set_ylabel("x2")
            for axis in (ax.xaxis, ax.yaxis):
                axis.set_major_locator(MaxNLocator(5))
                axis.set_major_formatter(ScalarFormatter())
            for which, P in (("train", d.P_train), ("test", d.P_test)):
                pts = self.points[which]
                pts.set_offsets(P)
                pts.set_array(d.point_values(which))
                pts.set_clim(*d.out_range)
        else:
            n = len(d.P_train)
            ax.set_xlim(-0.5, n - 0.5)
            ax.set_ylim(-0.5, 0.5)
            ax.set_xticks(range(n), d.sample_names, fontsize="small")
            ax.set_yticks([])
            ax.set_xlabel(_("image"))
            ax.set_ylabel("")
            for pts in self.points.values():
                pts.set_offsets(np.empty((0, 2)))

    def _draw(self, result):
        sizes = result["sizes"]
        key = (tuple(sizes), self._data_key, tuple(self.state["features"]))
        if key != self._layout_key:
            self._layout_key = key
            self._layout(sizes)
        pictures = result["pictures"]
        last = len(sizes) - 1
        blocks = []
        for l, (slots, pics) in enumerate(zip(self.node_slots, pictures)):
            for j, (slot, pic) in enumerate(zip(slots, pics)):
                lut, low, high = ((LUTS[self.output_cmaps[j].name], *self._data.out_range) if l == last
                                  else (LUTS[CMAP.name], -1.0, 1.0))
                blocks.append((slot[0], slot[1], self._coloured(pic, slot, lut, low, high)))
        # connections: thickness ∝ |w| (capped), blue positive, orange negative
        w = np.array([result["W"][l][i, j] for l, i, j in self.edges]) if self.edges else np.zeros(0)
        self.connections.set_linewidths(0.3 + 2.2 * np.minimum(np.abs(w), 2.0))
        colours = np.array([mcolors.to_rgba(BLUE if v > 0 else ORANGE, 0.35 + 0.3 * min(abs(v), 2.0))
                            for v in w]).reshape(-1, 4)
        self.connections.set_colors(colours)
        # the neuron shown large
        l, j = self.show.value if self.show.value is not None else (last, 0)
        x, y, hx, hy = self.node_xy[l][j]
        self.selected_box.set_bounds(x - hx - 0.05 * hx / hy, y - hy - 0.05, 2 * hx + 0.1 * hx / hy,
                                     2 * hy + 0.1)
        lut, low, high = ((LUTS[self.output_cmaps[j].name], *self._data.out_range) if l == last
                          else (LUTS[CMAP.name], -1.0, 1.0))
        rows, cols, ry, cx = self.big_slot
        self.big_values = _resample(pictures[l][j], ry, cx)
        t = np.clip((self.big_values - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)
        blocks.append((rows, cols, lut[t]))
        name = next(label for label, value in self.show.options if value == (l, j))
        if self.ax_big.get_title() != name:
            self.ax_big.set_title(name, fontsize="medium")   # i18n: ignore (a font size)
            self._invalidate()
        self.node_pictures.blocks = blocks
        plane = self._data.kind == "plane"
        self.points["train"].set_visible(plane)
        self.points["test"].set_visible(plane and self.show_test.value)
        # loss curves
        hist = result["history"]
        self.train_line.set_data(hist[:, 0], hist[:, 1])
        self.test_line.set_data(hist[:, 0], hist[:, 2])
        x_high = 10.0
        while x_high < hist[-1, 0]:
            x_high *= 2
        top = float(np.nanmax(hist[:, 1:]))
        y_high = 1.0
        if top > 0:                               # the next of 1, 2, 5 × 10^k above the highest loss
            k = np.floor(np.log10(top))
            y_high = next(m * 10 ** k for m in (1, 2, 5, 10) if m * 10 ** k >= top)
        self._set_lim(self.ax_loss, xlim=(0, x_high), ylim=(0, y_high))

    def _readout(self, result):
        now = time.perf_counter()
        if self.play.value and now - self._readout_time < READOUT_EVERY_S:
            return self.readout.value             # unchanged: no message to the browser for this frame
        self._readout_time = now
        hist = result["history"]
        text = _("epoch <b>{epoch}</b> · training loss {train:.4f} · test loss {test:.4f}").format(
            epoch=result["epoch"], train=hist[-1, 1], test=hist[-1, 2])
        if "accuracy" in result:
            text += " · " + _("test accuracy {accuracy:.1%}").format(accuracy=result["accuracy"])
        text += "<br>" + _("{sizes}: {n_params} weights and biases").format(
            sizes=" → ".join(map(str, result["sizes"])), n_params=self.net.n_params)
        d = self._data
        if d.note:
            text += " · " + html.escape(i18n._(d.note).format(**d.note_fields))
        return text

    # -- code() ---------------------------------------------------------------------------------
    def _code_args(self):
        args = [(k, Name(repr(tuple(v))) if k == "features" else v) for k, v in self.state.items()]
        if self._own is not None:
            args.append(("data", Name("(X, y)")))
        return args + [("rng", self.rng)]

    def explorer_code(self):
        """The one line that rebuilds this explorer (at epoch 0) with the current controls."""
        return Explorer.code(self)

    def code(self):
        """The course_lib code that rebuilds this network and trains it as far as the explorer has (``epoch``)."""
        st, d = self.state, self._data
        feats = list(st["features"])
        lines = ["import numpy as np", "",  # i18n: ignore (code)
                 "from course_lib.datasets_2d import features, make_dataset, train_test_split",  # i18n: ignore
                 "from course_lib.mlp import MLP", "from course_lib.optim import SGD"]  # i18n: ignore (code)
        if st["regularization"] == "L1":
            lines.append("from course_lib.explorers.playground import l1_step")  # i18n: ignore (code)
        lines.append("")
        split = f"train_test_split(X, y, train_share={fmt(st['train_share'])}, rng=data_rng)"
        if d.name in GENERATED:
            lines += [f"data_rng = np.random.default_rng({self.rng})",
                      f"X, y = make_dataset({d.name!r}, n={N_POINTS}, noise={fmt(st['noise'])}, rng=data_rng)",
                      f"(P_train, y_train), (P_test, y_test) = {split}"]
        elif d.name == "own":
            if len(self._own[0]) < SMALL_DATA:
                lines += ["# " + _("X, y: your data (fewer than 10 points: train and test on all of them)"),
                          "P_train, y_train = P_test, y_test = np.asarray(X, float), np.asarray(y)"]  # i18n: ignore
            else:
                lines += ["# " + _("X, y: your data"), f"data_rng = np.random.default_rng({self.rng})",
                          f"(P_train, y_train), (P_test, y_test) = {split}"]
        elif d.name == "xor4":
            lines += ["P_train = P_test = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)",
                      "y_train = y_test = np.array([0, 1, 1, 0])"]
        elif d.name == "hubble":
            lines += ["from course_lib.datasets import load_hubble", "h = load_hubble()",  # i18n: ignore (code)
                      "P_train = P_test = np.column_stack([h.distance, np.zeros(len(h.distance))])"
                      "   # x2 = 0",  # i18n: ignore (code)
                      "T_train = T_test = h.velocity[:, None] / 1000.0                # " + _("in 1000 km/s")]
        else:
            lines += ["from course_lib.datasets import load_letters", "letters = load_letters()",  # i18n: ignore (code)
                      "X_train = X_test = letters.X                 # " + _("12 pixels per image"),
                      "T_train = T_test = letters.T                 # (1, 0) = C, (0, 1) = T"]
        if d.name not in ("hubble", "letters"):
            lines.append("T_train, T_test = y_train, y_test            # "
                         + _("labels 0/1: one-hot for the two softmax outputs")
                         if d.task == "classification" else
                         "T_train, T_test = y_train[:, None].astype(float), y_test[:, None].astype(float)")
        if d.kind == "plane":
            lines.append(f"X_train, X_test = features(P_train, {feats!r}), features(P_test, {feats!r})")
        sizes, activations = self._sizes_and_activations()
        decay = fmt(st["rate"]) if st["regularization"] == "L2" else "0.0"
        lines += ["",
                  f"net = MLP({sizes}, {activations}, init={self._init()!r}, rng={self.rng + 1})",
                  f"optimizer = SGD(lr={fmt(st['lr'])})",
                  f"order_rng = np.random.default_rng({self.rng + 2})",
                  f"for epoch in range({self.epoch}):",  # i18n: ignore (code)
                  "    order = order_rng.permutation(len(X_train))",
                  f"    for start in range(0, len(order), {st['batch_size']}):",  # i18n: ignore (code)
                  f"        batch = order[start:start + {st['batch_size']}]",
                  f"        net.train_step(X_train[batch], T_train[batch], {d.loss!r}, optimizer, "
                  f"weight_decay={decay})"]  # i18n: ignore (code)
        if st["regularization"] == "L1":
            lines.append(f"        l1_step(net, optimizer.lr, {fmt(st['rate'])})")  # i18n: ignore (code)
        printed = _("training loss {train}, test loss {test}").format(train="{net.loss(X_train, T_train):.4f}",
                                                                      test="{net.loss(X_test, T_test):.4f}")
        lines += [f"print(f\"{printed}\")",
                  "# " + _("in the explorer: {code}").format(code=self.explorer_code())]
        return "\n".join(lines)

    def _code_html(self):
        return f"<pre style='user-select:all;font-size:85%'>{html.escape(self.code())}</pre>"  # i18n: ignore (HTML)


__all__ = ["PlaygroundExplorer", "train_epoch", "l1_step", "DATASETS", "LEARNING_RATES", "REGULARIZATION_RATES"]
