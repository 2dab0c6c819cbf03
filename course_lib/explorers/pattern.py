"""The 3×3 pattern neuron (chapter 1, lectures 000/002 パターン認識の例): click pixels, watch the weighted sum."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validate import as_array
from ..figures.images import text_colour
from ..i18n import _
from .base import Explorer, float_slider
from .validation import check_activation, check_in_range, check_pixels
from .pixel_pad import PixelPad

#: The lecture's 3×3 pattern (lectures 000/002, パターン認識の例): pixels 1–9 = 1 1 1 / 0 1 1 / 0 0 1.
LECTURE_PATTERN = ((1, 1, 1), (0, 1, 1), (0, 0, 1))


class PatternNeuronExplorer(Explorer):
    """A neuron looking at a 3×3 black-and-white image (画素は 0 または 1): a = ReLU(Σ w_i·x_i + b).

    Click the pixels (toggle buttons) to change the input x; the weights are a 3×3 pattern.
    Default (the lecture's example): weights = the pattern 1 1 1 / 0 1 1 / 0 0 1 — weight 1 on the six
    pattern pixels and 0 elsewhere, exactly the lecture's products "1×1, 1×1, 1×1, 0×0, 1×1, 1×1, 0×0,
    0×0, 1×1" — and the input equal to that pattern: sum 6, bias −5, z = 1, ReLU → activation 1.
    Pass ``weights`` with −1 off the pattern to make the neuron reject extra ink as well.
    activation: any element-wise entry of ``course_lib.activations.ACTIVATIONS`` (default relu).
    """

    figsize = (6.0, 2.4)
    B_RANGE = (-9.0, 9.0)

    def __init__(self, weights=None, pixels=None, b=-5.0, activation="relu"):
        self.weights = (np.array(LECTURE_PATTERN, dtype=float) if weights is None
                        else as_array(weights, "weights", shape=(3, 3)).copy())
        self._custom_weights = weights is not None
        pixels = check_pixels(LECTURE_PATTERN if pixels is None else pixels, "pixels", (3, 3))
        b = check_in_range(b, "b", *self.B_RANGE)
        self.activation = check_activation(activation, "activation").name
        self.sliders = {"b": float_slider("b", b, *self.B_RANGE, 0.5, _("bias b"))}
        self.pad = PixelPad(pixels, button_px=42)
        self.pixels = self.pad.buttons
        box = widgets.HBox([widgets.VBox([widgets.HTML(_("<b>input x</b> (click)")), self.pad.widget]),
                            self.sliders["b"]])
        self._start(box, extra_controls=self.pixels)

    @property
    def state(self):
        return {"pixels": self.pad.image, "b": self.sliders["b"].value}

    def compute(self, pixels, b, weights=None):
        """Pure: products w_i·x_i (3, 3), the weighted sum Σ, z = Σ + b and a = f(z)."""
        w = self.weights if weights is None else np.asarray(weights, dtype=float)
        x = np.asarray(pixels, dtype=float)
        products = w * x
        total = float(products.sum())
        f = check_activation(self.activation, "activation").f
        return {"x": x, "w": w, "products": products, "sum": total, "z": total + b, "a": float(f(total + b))}

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.02, right=0.98, bottom=0.04, top=0.80, wspace=0.15)
        titles = (_("input x"), _("weights w (pattern)"), "w·x")
        axes = [self.fig.add_subplot(1, 3, i + 1) for i in range(3)]
        lim = max(1.0, float(np.abs(self.weights).max()))
        self.images, self.numbers = [], []
        styles = zip(axes, titles, ("Greys", "RdBu_r", "RdBu_r"), (0, -lim, -lim))
        for i, (ax, title, cmap, vmin) in enumerate(styles):
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(title)
            image = ax.imshow(np.zeros((3, 3)), cmap=cmap, vmin=vmin, vmax=lim)
            numbers = [ax.text(c, r, "", ha="center", va="center", fontsize="medium")  # i18n: ignore
                       for r in range(3) for c in range(3)]
            if i != 1:   # x and w·x change with the pixels only: the slow layer (the weights are fixed: static)
                for artist in [image, *numbers]:
                    self._dynamic(artist, slow=True)
            self.images.append(image)
            self.numbers.append(numbers)
        self._paint(1, self.weights)
        self._shown_pixels = None
        self.title = self._dynamic(self.fig.text(0.5, 0.92, "", ha="center", fontsize="large"))  # i18n: ignore

    def _paint(self, panel, values):
        """Show a 3×3 array in one panel: colours and the numbers (white on dark squares)."""
        image = self.images[panel]
        image.set_data(values)
        for text, v in zip(self.numbers[panel], values.ravel()):
            text.set_text(f"{v:g}")
            text.set_color(text_colour(image.cmap, v, image.norm.vmin, image.norm.vmax))

    def _draw(self, result):
        if not np.array_equal(result["x"], self._shown_pixels):     # the bias slider leaves these alone
            self._paint(0, result["x"])
            self._paint(2, result["products"])
            self._shown_pixels = result["x"]
            self._slow_changed()
        self.title.set_text(f"Σ w·x = {result['sum']:g}   z = Σ + b = {result['z']:g}   "
                            f"a = {self.activation}(z) = {result['a']:.3g}")

    def _readout(self, result):
        values = dict(sum=result["sum"], b=self.sliders["b"].value, z=result["z"], activation=self.activation,
                      a=result["a"])
        if result["a"] > 0:
            return _("weighted sum Σ w·x = {sum:g}; plus bias ({b:g}): z = {z:g}; {activation}(z) = <b>{a:.4g}</b> "
                     "→ the neuron fires.").format(**values)
        return _("weighted sum Σ w·x = {sum:g}; plus bias ({b:g}): z = {z:g}; {activation}(z) = <b>{a:.4g}</b> "
                 "→ the neuron stays silent.").format(**values)

    readout_height = "2.5em"

    def _code_args(self):
        args = []
        if self._custom_weights:
            args.append(("weights", self.weights))
        args += list(self.state.items())
        if self.activation != "relu":
            args.append(("activation", self.activation))
        return args
