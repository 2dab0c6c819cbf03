"""Design your own network (chapter 7): choose depth, width and epochs, press "train", compare the results.

Training takes seconds, so moving a slider only redraws the network and counts its weights and biases;
the **train** button trains it (with the ``train`` function the notebook passes in) and adds the result
to the plot of test accuracy against the number of weights and biases.
"""
from __future__ import annotations

import math
import numbers

import ipywidgets as widgets

from .._validate import _describe, check_int
from ..figures.diagrams import _layout, network_diagram
from ..i18n import _, format_count
from ..mlp import count_params
from .base import Explorer, Name, label_width

#: The widths the "width" slider offers (neurons per hidden layer).
WIDTHS = (2, 4, 8, 16, 32, 64, 128, 256)
MAX_HIDDEN_LAYERS = 6
MAX_EPOCHS = 10


def layer_sizes(hidden_layers, width, n_inputs=784, n_outputs=10):
    """[n_inputs, width, …, width, n_outputs] with ``hidden_layers`` hidden layers of ``width`` neurons."""
    return [n_inputs, *[width] * hidden_layers, n_outputs]


def _check_width(width):
    allowed = ", ".join(map(str, WIDTHS))
    if isinstance(width, bool) or not isinstance(width, numbers.Integral):
        raise TypeError(_("width must be one of {allowed} (neurons per hidden layer); got {value}.").format(
            allowed=allowed, value=_describe(width)))
    if int(width) not in WIDTHS:
        raise ValueError(_("width must be one of {allowed} (neurons per hidden layer); got {value!r}.").format(
            allowed=allowed, value=width))
    return int(width)


class NetworkDesignerExplorer(Explorer):
    """784 → (hidden_layers × width, ReLU) → 10 on MNIST: the network, its size and, once trained, its accuracy.

    train: a function ``train(hidden, epochs) -> (n_params, accuracy)`` — hidden is the list of hidden-layer
    widths, e.g. [32, 32]; it trains that network and returns its number of weights and biases and its test
    accuracy in [0, 1] (chapter 7's ``train_and_test``).  Results are kept, so every network trained in this
    explorer stays on the plot; ``results`` maps (hidden_layers, width, epochs) → (n_params, accuracy).
    """

    figsize = (7.6, 2.8)
    readout_height = "3.2em"
    SLIDER_WIDTH = "420px"
    MAX_SHOWN = 6             # units drawn per layer; a wider layer shows "⋮"

    def __init__(self, train, hidden_layers=2, width=32, epochs=5):
        if not callable(train):
            raise TypeError(_("train must be a function train(hidden, epochs) -> (n_params, accuracy), e.g. "
                              "chapter 7's train_and_test; got {value}.").format(value=_describe(train)))
        hidden_layers = check_int(hidden_layers, "hidden_layers", min_value=0, max_value=MAX_HIDDEN_LAYERS)
        width = _check_width(width)
        epochs = check_int(epochs, "epochs", min_value=1, max_value=MAX_EPOCHS)
        self.train = train
        self.results = {}
        self._drawn_sizes = self._drawn_shape = None
        self._captions = []
        # One explicit label width that fits "hidden layers" (with "initial" in a narrow slider the browser shrank
        # the label to "hidden la…"), the sliders stacked so their tracks line up, each wide enough for its track.
        labels = {"hidden_layers": _("hidden layers"), "width": _("width"), "epochs": _("epochs")}
        style = {"description_width": label_width(*labels.values())}
        layout = widgets.Layout(width=self.SLIDER_WIDTH)
        self.sliders = {
            "hidden_layers": widgets.IntSlider(value=hidden_layers, min=0, max=MAX_HIDDEN_LAYERS,
                                               description=labels["hidden_layers"], style=style, layout=layout),
            "width": widgets.SelectionSlider(options=WIDTHS, value=width, description=labels["width"], style=style,
                                             layout=layout),
            "epochs": widgets.IntSlider(value=epochs, min=1, max=MAX_EPOCHS, description=labels["epochs"],
                                        style=style, layout=layout),
        }
        self.train_button = widgets.Button(description=_("train"), icon="play", button_style="primary",
                                           tooltip=_("Train this network on MNIST (a few seconds) and test it"))
        self.train_button.on_click(self._train_clicked)
        self._start(widgets.VBox(list(self.sliders.values()) + [self.train_button]))
        self.controls.append(self.train_button)

    # -- the contract ---------------------------------------------------------------------------
    def compute(self, hidden_layers, width, epochs):
        """Pure (given the results so far): layer sizes, weights and biases, and the accuracy if trained."""
        sizes = layer_sizes(hidden_layers, width)
        key = (hidden_layers, width, epochs)
        done = self.results.get(key)
        return {"sizes": sizes, "n_params": count_params(sizes), "key": key,
                "accuracy": None if done is None else done[1],
                "trained": sorted(self.results.items(), key=lambda item: item[1][0])}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.01, right=0.98, bottom=0.18, top=0.88, wspace=0.3)
        grid = self.fig.add_gridspec(1, 2, width_ratios=[1.5, 1])
        self.ax_net = self.fig.add_subplot(grid[0])
        ax = self.ax_acc = self.fig.add_subplot(grid[1])
        ax.set_xscale("log")
        ax.set_xlim(1e3, 1e6)
        ax.set_ylim(0, 100)
        ax.set_xlabel(_("weights and biases (log scale)"))
        ax.set_ylabel(_("test accuracy [%]"))
        ax.set_title(_("networks trained so far"))
        ax.grid(alpha=0.3)
        self.others = self._dynamic(ax.plot([], [], "o", color="tab:gray", ms=4)[0])
        self.current = self._dynamic(ax.plot([], [], "*", color="tab:red", ms=11)[0])
        self.current_size = self._dynamic(ax.axvline(1e4, color="tab:red", lw=1, ls=":"))

    def _draw(self, result):
        sizes = result["sizes"]
        if sizes != self._drawn_sizes:
            # The circles and connections depend only on how many units are drawn per layer (at most
            # MAX_SHOWN, with a "⋮" when a layer has more), so 8 … 256 neurons look alike: then only the
            # captions and the title change, and they live in the cached "slow" layer (no full redraw).
            shape = tuple((min(n, self.MAX_SHOWN), n > self.MAX_SHOWN) for n in sizes)
            if shape != self._drawn_shape:
                self._draw_diagram(sizes)
                self._drawn_shape = shape
            for text, n in zip(self._captions, sizes):
                text.set_text(str(n))
            self.ax_net.title.set_text(_("{layers} layers: {n_params} weights and biases").format(
                layers=len(sizes) - 1, n_params=format_count(result["n_params"])))
            self._drawn_sizes = list(sizes)
            self._slow_changed()
        others = [(n, acc) for key, (n, acc) in result["trained"] if key != result["key"]]
        self.others.set_data([n for n, _ in others], [100 * acc for _, acc in others])
        self.current_size.set_xdata([result["n_params"]] * 2)
        if result["accuracy"] is None:
            self.current.set_data([], [])
        else:
            self.current.set_data([result["n_params"]], [100 * result["accuracy"]])

    def _draw_diagram(self, sizes):
        """The static part of the network picture (circles, connections); captions and title are slow artists."""
        old = [*self._captions, self.ax_net.title]                # clear() replaces the title's Text too
        self._slow = [a for a in self._slow if not any(a is o for o in old)]
        self.ax_net.clear()
        network_diagram(sizes, ax=self.ax_net, max_shown=self.MAX_SHOWN)
        pos = _layout(sizes, self.MAX_SHOWN)[0]
        self._captions = [self._dynamic(self.ax_net.text(layer[0][0], -0.9, "", ha="center", va="top",
                                                         fontsize="large"),  # i18n: ignore (a font size)
                                        slow=True) for layer in pos]
        self._dynamic(self.ax_net.title, slow=True)
        self._invalidate()

    def _readout(self, result):
        arrow = " → ".join(map(str, result["sizes"]))
        n_params, epochs = format_count(result["n_params"]), result["key"][2]
        if result["accuracy"] is None:
            text = _("{sizes}: {n_params} weights and biases, {epochs} epoch(s) — not trained yet: press "
                     "<b>train</b> (a few seconds).").format(sizes=arrow, n_params=n_params, epochs=epochs)
        else:
            text = _("{sizes}: {n_params} weights and biases, {epochs} epoch(s) — test accuracy "
                     "<b>{accuracy:.1%}</b> (the red star).").format(sizes=arrow, n_params=n_params, epochs=epochs,
                                                                     accuracy=result["accuracy"])
        if result["trained"]:
            (h, w, e), (n, acc) = max(result["trained"], key=lambda item: item[1][1])
            text += "<br>" + _("best so far: {layers} hidden layer(s) of {width}, {epochs} epoch(s): {accuracy:.1%} "
                               "with {n_params} weights and biases.").format(layers=h, width=w, epochs=e,
                                                                             accuracy=acc, n_params=format_count(n))
        return text

    def _code_args(self):
        return [(None, Name(getattr(self.train, "__name__", "train"))), *self.state.items()]

    # -- training (the button) ------------------------------------------------------------------
    def train_current(self):
        """Train the network the sliders describe (unless it was trained already); returns (n_params, accuracy)."""
        state = self._checked_state()
        key = (state["hidden_layers"], state["width"], state["epochs"])
        if key not in self.results:
            sizes = layer_sizes(state["hidden_layers"], state["width"])
            self.results[key] = self._checked_result(self.train([state["width"]] * state["hidden_layers"],
                                                                state["epochs"]), sizes)
        self.update()
        return self.results[key]

    def _checked_result(self, out, sizes):
        """train's return value, checked: (n_params, accuracy) with n_params matching the layer sizes."""
        expected = count_params(sizes)
        if not (isinstance(out, tuple) and len(out) == 2):
            raise TypeError(_("train must return a pair (n_params, accuracy); got {value}.").format(
                value=_describe(out)))
        n, acc = out
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or int(n) != expected:
            raise ValueError(_("train must return the number of weights and biases first: {expected} for layer "
                               "sizes {sizes}; got {value!r}.").format(expected=format_count(expected), sizes=sizes,
                                                                       value=n))
        if isinstance(acc, bool) or not isinstance(acc, numbers.Real) or not (math.isfinite(acc) and 0 <= acc <= 1):
            raise ValueError(_("train must return the test accuracy second, a number in [0, 1]; got {value!r}.").format(
                value=acc))
        return int(n), float(acc)

    def _train_clicked(self, _button=None):
        self.train_button.disabled = True
        self.readout.value = _("training … (a few seconds)")
        try:
            self.train_current()
        except Exception as exc:  # show the problem where the student is looking
            self._show_error(str(exc))
            raise
        finally:
            self.train_button.disabled = False


__all__ = ["NetworkDesignerExplorer", "WIDTHS", "layer_sizes"]
