"""MNIST test-image browser (chapter 6): pick an image, see the network's 10 softmax probabilities."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .._validate import _describe, check_int
from ..i18n import N_, _
from .base import Explorer, Name
from .validation import check_model


class MNISTBrowser(Explorer):
    """Browse test images: index → the image, the 10 output probabilities, prediction vs label.

    model: any object with ``predict_proba(X)``, X (n, 784) → (n, 10) (e.g. a trained
    ``MLP([784, 128, 10], ["relu", "softmax"])``).  X_test: (n, 784) or (n, 28, 28), passed to the model
    unchanged apart from flattening — give it the same scaling the model was trained on
    (``load_mnist("test", flatten=True, normalize=True)``).  y_test: (n,) integer labels 0–9.
    "next mistake" jumps to the next image the model gets wrong.
    """

    figsize = (5.6, 2.4)

    def __init__(self, model, X_test, y_test, index=0):
        if not callable(getattr(model, "predict_proba", None)):
            raise TypeError(_("model must have a predict_proba(X) method mapping (n, 784) to (n, 10); "
                              "got {model}.").format(model=_describe(model)))
        X = np.asarray(X_test)
        if X.ndim == 3 and X.shape[1:] == (28, 28):
            X = X.reshape(X.shape[0], 784)       # a view: the caller's array is not copied or changed
        if X.ndim != 2 or X.shape[1] != 784 or X.shape[0] == 0 or X.dtype.kind not in "uif":
            raise ValueError(_("X_test must be numbers of shape (n, 784) or (n, 28, 28); got {value}.").format(
                value=_describe(X_test)))
        if X.dtype.kind == "f" and not np.all(np.isfinite(X)):
            raise ValueError(_("X_test must hold finite pixel values; got {count} NaN or infinite value(s).").format(
                count=int(np.sum(~np.isfinite(X)))))
        y = np.asarray(y_test)
        if y.shape != (X.shape[0],) or y.dtype.kind not in "ui":
            raise ValueError(_("y_test must be {n} integer labels (one per image in X_test), shape ({n},); "
                               "got {value}.").format(n=X.shape[0], value=_describe(y_test)))
        if y.min() < 0 or y.max() > 9:
            raise ValueError(_("y_test must hold digit labels 0–9; got labels from {low} to {high}.").format(
                low=y.min(), high=y.max()))
        index = check_int(index, "index", min_value=0, max_value=X.shape[0] - 1)
        check_model(model, X[index:index + 1], 10, N_("a 28×28 image, flattened"), N_("one probability per digit"))
        self.model, self.X, self.y = model, X, y
        self._predictions = None
        self.sliders = {"index": widgets.IntSlider(value=index, min=0, max=X.shape[0] - 1, description=_("test image"),
                                                   continuous_update=True, style={"description_width": "initial"},
                                                   layout=widgets.Layout(width="420px"))}
        self.next_mistake = widgets.Button(description=_("next mistake"), icon="forward",
                                           tooltip=_("Jump to the next test image the model gets wrong"))
        self.next_mistake.on_click(self._goto_next_mistake)
        self._start(widgets.HBox([self.sliders["index"], self.next_mistake]))
        self.controls.append(self.next_mistake)

    def _probabilities(self, index):
        p = np.asarray(self.model.predict_proba(self.X[index:index + 1]), dtype=float)
        return p.reshape(-1)

    def compute(self, index):
        """Pure (given the model): the 28×28 image, probabilities (10,), prediction and label."""
        p = self._probabilities(index)
        prediction, label = int(np.argmax(p)), int(self.y[index])
        return {"image": self.X[index].reshape(28, 28), "p": p, "prediction": prediction, "label": label,
                "correct": prediction == label, "index": index}

    def mistakes(self):
        """Indices of all test images the model gets wrong (computed once, on first use)."""
        if self._predictions is None:
            self._predictions = np.asarray(self.model.predict_proba(self.X)).argmax(axis=1)
        return np.flatnonzero(self._predictions != self.y)

    def _goto_next_mistake(self, _button=None):
        wrong = self.mistakes()
        later = wrong[wrong > self.sliders["index"].value]
        if len(wrong) == 0:
            self.readout.value += "<br>" + _("The model classifies every test image correctly.")
            return
        self.sliders["index"].value = int(later[0] if len(later) else wrong[0])

    def _build_figure(self):
        self.fig.subplots_adjust(left=0.03, right=0.97, bottom=0.18, top=0.86, wspace=0.25)
        ax = self.fig.add_subplot(1, 2, 1)
        ax.set_xticks([])
        ax.set_yticks([])
        vmax = 255 if self.X.dtype.kind in "ui" else max(1.0, float(self.X[:100].max()))
        self.picture = self._dynamic(ax.imshow(np.zeros((28, 28)), cmap="gray_r", vmin=0, vmax=vmax))
        self.title = self._dynamic(ax.set_title(""))
        bx = self.fig.add_subplot(1, 2, 2)
        self.bars = [self._dynamic(b) for b in bx.bar(np.arange(10), np.zeros(10), color="lightgrey")]
        bx.set_xticks(np.arange(10))
        bx.set_ylim(0, 1)
        bx.set_xlabel(_("digit"))
        bx.set_title(_("softmax probabilities"))
        self.percent = self._dynamic(bx.text(0.5, 0.92, "", transform=bx.transAxes, ha="center"))

    def _draw(self, result):
        self.picture.set_data(result["image"])
        for digit, (bar, p) in enumerate(zip(self.bars, result["p"])):
            bar.set_height(p)
            colour = "lightgrey"
            if digit == result["prediction"]:
                colour = "tab:green" if result["correct"] else "tab:red"
            elif digit == result["label"]:
                colour = "tab:blue"
            bar.set_color(colour)
        mark = "✓" if result["correct"] else "✗"
        self.title.set_text(_("#{index}: label {label}, predicted {prediction} {mark}").format(
            index=result["index"], label=result["label"], prediction=result["prediction"], mark=mark))
        self.title.set_color("black" if result["correct"] else "firebrick")
        self.percent.set_text(f"P({result['prediction']}) = {100 * result['p'][result['prediction']]:.1f} %")

    def _readout(self, result):
        probs = " ".join(f"{d}:{p:.3f}" for d, p in enumerate(result["p"]))
        if result["correct"]:
            verdict = "<b style='color:green'>{}</b>".format(_("correct"))
        else:
            verdict = _("{wrong} (the true label {label} is the blue bar)").format(
                wrong="<b style='color:firebrick'>{}</b>".format(_("wrong")), label=result["label"])
        return (_("image #{index}: label {label}, predicted {prediction} — {verdict}").format(
                    index=result["index"], label=result["label"], prediction=result["prediction"], verdict=verdict)
                + f"<br><span style='font-family:monospace'>{probs}</span>")   # i18n: ignore (HTML)

    readout_height = "3em"

    def _code_args(self):
        return [(None, Name("model")), (None, Name("X_test")), (None, Name("y_test")),
                ("index", self.sliders["index"].value)]
