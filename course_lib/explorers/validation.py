"""Checks of the explorers' arguments: each error names the argument, what is allowed and what was given."""
from __future__ import annotations

import numbers

import ipywidgets as widgets
import numpy as np

from .. import i18n
from .._validate import _describe
from ..activations import ACTIVATIONS, elementwise_names, get_activation
from ..i18n import N_, _


def check_in_range(value, name, low, high, unit=""):
    """A finite number in [low, high] (the slider's range); returns it as float.  ``unit`` (e.g. " km/s") is
    written after the range as it is: a unit symbol, not a word to translate.

    >>> check_in_range(5, "w1", -3, 3)
    Traceback (most recent call last):
    ValueError: w1 must be a number in [-3, 3] (the slider's range); got 5.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a number in [{low:g}, {high:g}]{unit}; got {value}.").format(
            name=name, low=low, high=high, unit=unit, value=_describe(value)))
    if not (np.isfinite(value) and low <= value <= high):
        raise ValueError(_("{name} must be a number in [{low:g}, {high:g}]{unit} (the slider's range); "
                           "got {value!r}.").format(name=name, low=low, high=high, unit=unit, value=value))
    return float(value)


def check_number_choice(value, name, choices, what=N_("values")):
    """One of the numbers ``choices`` (a slider that offers only these), as the float in ``choices``.
    ``what`` names them (a text marked ``N_()`` by the caller: it is translated here).

    >>> check_number_choice(0.45, "lr", (0.1, 0.4, 0.5), "learning rates the slider offers")
    Traceback (most recent call last):
    ValueError: lr must be one of the learning rates the slider offers: 0.1, 0.4, 0.5; got 0.45.
    """
    allowed = ", ".join(f"{c:g}" for c in choices)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(_("{name} must be a number, one of the {what}: {allowed}; got {value}.").format(
            name=name, what=i18n._(what), allowed=allowed, value=_describe(value)))
    for choice in choices:
        if np.isfinite(value) and abs(float(value) - choice) <= 1e-9 * abs(choice):
            return choice
    raise ValueError(_("{name} must be one of the {what}: {allowed}; got {value!r}.").format(
        name=name, what=i18n._(what), allowed=allowed, value=value))


def check_option(value, name, choices):
    """One of ``choices`` (strings): TypeError for a non-string, ValueError naming every allowed choice."""
    allowed = ", ".join(repr(c) for c in choices)
    if not isinstance(value, str):
        raise TypeError(_("{name} must be one of {allowed}; got {value}.").format(
            name=name, allowed=allowed, value=_describe(value)))
    if value not in choices:
        raise ValueError(_("{name} must be one of {allowed}; got {value!r}.").format(
            name=name, allowed=allowed, value=value))
    return value


def check_activation(value, name):
    """The ``Activation`` record of a name one neuron can use: any element-wise entry of ``ACTIVATIONS``."""
    names = elementwise_names()
    if isinstance(value, str) and value in ACTIVATIONS and value not in names:
        raise ValueError(_("{name} must be one of {allowed}; got {value!r}, which is not element-wise (each "
                           "output depends on a whole row of z), so one neuron cannot use it.").format(
                               name=name, allowed=", ".join(map(repr, names)), value=value))
    return get_activation(check_option(value, name, names))


def slider_range(control):
    """The allowed values of a slider as text, e.g. "[-3, 3]" (a log slider's min/max are exponents)."""
    if isinstance(control, widgets.SelectionSlider):
        return "{" + ", ".join(str(label) for label in control._options_labels) + "}"
    low, high = control.min, control.max
    if isinstance(control, widgets.FloatLogSlider):
        low, high = control.base ** low, control.base ** high
    return f"[{low:g}, {high:g}]"


def check_pixels(pixels, name, shape):
    """A 0/1 image of ``shape`` (nested lists, bools or an array); returns an int array (a copy)."""
    grid = _("{name} must be a {rows}×{columns} grid of 0/1 values; got {value}.")
    if pixels is None or isinstance(pixels, (str, bytes)):
        raise TypeError(grid.format(name=name, rows=shape[0], columns=shape[1], value=_describe(pixels)))
    try:
        arr = np.array(pixels, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(grid.format(name=name, rows=shape[0], columns=shape[1], value=_describe(pixels))) from None
    if arr.size == shape[0] * shape[1] and arr.ndim == 1:
        raise ValueError(_("{name} must have shape {shape} (rows of pixels); got a flat list of {size}. "
                           "Reshape it, e.g. np.reshape(pixels, {shape}).").format(name=name, shape=shape,
                                                                                   size=arr.size))
    if arr.shape != shape:
        raise ValueError(_("{name} must have shape {shape}; got shape {got}.").format(name=name, shape=shape,
                                                                                       got=arr.shape))
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError(_("{name} must contain only 0 and 1; got the values {values}.").format(
            name=name, values=sorted(set(arr.ravel().tolist()))))
    return arr.astype(int)


def model_outputs(model, X):
    """The model's outputs for X as floats: ``model.predict_proba(X)`` if it has one, else ``model.forward(X)``."""
    if callable(getattr(model, "predict_proba", None)):
        return np.asarray(model.predict_proba(X), dtype=float)
    return np.asarray(model.forward(X), dtype=float)


def check_model(model, X, n_outputs, one_input, outputs):
    """Check that ``model`` maps X (1, n) to ``n_outputs`` finite numbers; returns them, shape (n_outputs,).

    one_input / outputs: what a row of X and the outputs are, for the messages ("a 4×3 image", "z1 = C, z2 = T");
    texts marked ``N_()`` by the caller, translated here.
    Every error names the model, the input size it needs and what it has (e.g. an MLP's layer sizes).
    """
    if not (callable(getattr(model, "predict_proba", None)) or callable(getattr(model, "forward", None))):
        raise TypeError(_("model must have a predict_proba(X) or forward(X) method (X of shape (n, {n_inputs})); "
                          "got {model}.").format(n_inputs=X.shape[1], model=_describe(model)))
    n_inputs = X.shape[1]
    need = dict(n_inputs=n_inputs, one_input=i18n._(one_input), n_outputs=n_outputs, outputs=i18n._(outputs))
    sizes = getattr(model, "sizes", None)
    if isinstance(sizes, (tuple, list)) and len(sizes) >= 2 and (sizes[0], sizes[-1]) != (n_inputs, n_outputs):
        raise ValueError(_("model must take {n_inputs} inputs ({one_input}: X of shape (n, {n_inputs})) and give "
                           "{n_outputs} outputs ({outputs}); got a model with layer sizes {sizes} ({first} inputs, "
                           "{last} outputs). Build it as MLP([{n_inputs}, …, {n_outputs}], …).").format(
                               sizes=list(sizes), first=sizes[0], last=sizes[-1], **need))
    try:
        out = model_outputs(model, X)
    except (TypeError, ValueError) as exc:
        raise ValueError(_("model must take {n_inputs} inputs ({one_input}: X of shape (n, {n_inputs})) and give "
                           "{n_outputs} outputs ({outputs}); calling it on X of shape {shape} failed: "
                           "{error}").format(shape=X.shape, error=exc, **need)) from exc
    if out.shape != (1, n_outputs):
        raise ValueError(_("model must take {n_inputs} inputs ({one_input}: X of shape (n, {n_inputs})) and give "
                           "{n_outputs} outputs ({outputs}), so shape (1, {n_outputs}) for one input; "
                           "got shape {shape}.").format(shape=out.shape, **need))
    if not np.all(np.isfinite(out)):
        raise ValueError(_("model must take {n_inputs} inputs ({one_input}: X of shape (n, {n_inputs})) and give "
                           "{n_outputs} outputs ({outputs}) that are finite numbers; got {values}.").format(
                               values=out[0].tolist(), **need))
    return out[0]
