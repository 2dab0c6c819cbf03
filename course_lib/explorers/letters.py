"""The 4×3 letter pad (chapter 3, 「知の探究」): draw a letter, watch the 12-3-2 network's "C" and "T" outputs."""
from __future__ import annotations

import functools

import ipywidgets as widgets
import numpy as np

from ..datasets import load_letters
from ..i18n import _
from .base import Explorer, Name
from .validation import check_model, check_pixels, model_outputs
from .pixel_pad import PixelPad


@functools.lru_cache(maxsize=1)
def default_letter_model():
    """The 12-3-2 network (sigmoid, sigmoid) trained on ``load_letters()`` — deterministic, cached per process.

    Xavier initial weights from ``rng=0``, then 2000 full-batch gradient-descent steps with lr = 2.0 on
    the lecture's squared error e = ½Σ(t − a)² (≈ 0.1 s). Outputs ≈ 0.97 for the right letter, ≤ 0.04 otherwise.
    Treat it as read-only: it is shared by every LetterPadExplorer in the process.
    """
    from ..mlp import MLP   # imported here: course_lib.explorers does not need mlp for the other explorers
    from ..optim import SGD

    letters = load_letters()
    net = MLP([12, 3, 2], ["sigmoid", "sigmoid"], init="xavier", rng=0, dtype=np.float64)
    steepest_descent = SGD(lr=2.0)                        # w ← w − lr·∂E/∂w
    for _step in range(2000):
        net.train_step(letters.X, letters.T, "squared_error", steepest_descent)
    return net


class LetterPadExplorer(Explorer):
    """Draw on a 4×3 pad (click the pixels) and watch the 12-3-2 network's outputs a1 ("C") and a2 ("T").

    「知の探究」 (which calls the outputs z1, z2): a1 ≈ 1, a2 ≈ 0 → "C"; a1 ≈ 0, a2 ≈ 1 → "T"; both ≈ 0 →
    neither. The explorer names the
    class with the highest output, or "neither" when both are below 0.5.
    model: any object with ``predict_proba(X)`` or ``forward(X)``, X (n, 12) → (n, 2); default
    ``default_letter_model()``.  pixels: 4×3 of 0/1 (default: the first "C" of ``load_letters()``).
    """

    figsize = (5.0, 2.2)

    def __init__(self, pixels=None, model=None):
        letters = load_letters()
        pixels = check_pixels(letters.images[0] if pixels is None else pixels, "pixels", (4, 3))
        self._custom_model = model is not None
        if model is None:
            model = default_letter_model()
        check_model(model, pixels.reshape(1, 12).astype(float), 2, _("a 4×3 image"), "a1 = C, a2 = T")
        self.model = model
        self.sliders = {}
        self.pad = PixelPad(pixels, button_px=38)
        self.pixels = self.pad.buttons
        self._examples = letters
        self.examples = widgets.Dropdown(
            options=[(_("load an example…"), -1)] + [(f"{i + 1}: {name}", i) for i, name in enumerate(letters.letters)],
            value=-1, description="")
        self.examples.observe(self._load_example, names="value")
        self._start(widgets.HBox([self.pad.widget, self.examples]), extra_controls=self.pixels)
        self.controls.append(self.examples)

    @property
    def state(self):
        return {"pixels": self.pad.image}

    def compute(self, pixels):
        """Pure: the network's output activations (a1, a2) for the 4×3 image and the verdict."""
        x = np.asarray(pixels, dtype=float).reshape(1, 12)
        a = model_outputs(self.model, x)[0]
        verdict = _("neither C nor T") if a.max() < 0.5 else ("C" if a[0] >= a[1] else "T")
        return {"image": x.reshape(4, 3), "a": a, "verdict": verdict}

    def _load_example(self, change):
        if change["new"] is None or change["new"] < 0:
            return
        with self.hold():
            self.pad.set_image(self._examples.X[change["new"]])
        self.examples.value = -1

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.04, right=0.95, bottom=0.2, top=0.85, wspace=0.45)
        ax = self.fig.add_subplot(1, 2, 1)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(_("input (4×3)"))
        self.picture = self._dynamic(ax.imshow(np.zeros((4, 3)), cmap="Greys", vmin=0, vmax=1))
        bx = self.bx = self.fig.add_subplot(1, 2, 2)
        self.bars = [self._dynamic(p) for p in bx.barh([1, 0], [0, 0], color=["C0", "C1"], height=0.6)]
        bx.set_yticks([1, 0], ["a1 (C)", "a2 (T)"])
        bx.set_xlim(0, 1)
        bx.axvline(0.5, color="grey", ls=":", lw=1)
        bx.set_xlabel(_("output"))
        self.values = [self._dynamic(bx.text(0.02, y, "", va="center", fontsize="small")) for y in (1, 0)]  # i18n: ignore
        self.title = self._dynamic(bx.set_title(""))

    def _draw(self, result):
        self.picture.set_data(result["image"])
        for bar, text, v in zip(self.bars, self.values, result["a"]):
            bar.set_width(v)
            text.set_text(f"{v:.3f}")
            text.set_x(min(v + 0.02, 0.8))
        self.title.set_text(_("network says: {verdict}").format(verdict=result["verdict"]))

    def _readout(self, result):
        a1, a2 = result["a"]
        return f"a1 (C) = {a1:.3f},  a2 (T) = {a2:.3f}  →  <b>{result['verdict']}</b>"

    readout_height = "1.8em"

    def _code_args(self):
        args = list(self.state.items())
        if self._custom_model:
            args.append(("model", Name("model")))
        return args
