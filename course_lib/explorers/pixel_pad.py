"""A grid of toggle buttons, one per pixel: the clickable input image of the pattern neuron and the letter pad."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np


class PixelPad:
    """Click a pixel to flip it 0 ↔ 1; a pressed (blue) button shows 1.

    image: the starting 0/1 image as an int array (already checked, e.g. by ``check_pixels``); its shape
    (rows, columns) sets the grid.  button_px: the side of one button in pixels.

    ``buttons``: the ToggleButtons row by row (tooltips x1, x2, …) — the explorer registers them as
    controls; ``widget``: the GridBox to put in the layout; ``image``: the current image as rows of 0/1.
    """

    def __init__(self, image, *, button_px=42):
        self.shape = image.shape
        self.buttons = [widgets.ToggleButton(value=bool(v), tooltip=f"x{i + 1}",
                                             layout=widgets.Layout(width=f"{button_px}px", height=f"{button_px}px"))
                        for i, v in enumerate(image.ravel())]
        for button in self.buttons:
            self._show(button)
            button.observe(self._on_toggle, names="value")
        cell = button_px + 2
        self.widget = widgets.GridBox(self.buttons, layout=widgets.Layout(
            grid_template_columns=f"repeat({self.shape[1]}, {cell}px)", width=f"{cell * self.shape[1] + 8}px"))

    @property
    def image(self):
        """The current image as a list of rows of 0/1 ints."""
        return np.array([int(b.value) for b in self.buttons]).reshape(self.shape).tolist()

    def set_image(self, image):
        """Set every pixel from a 0/1 image of the pad's shape (flat or rows)."""
        for button, v in zip(self.buttons, np.ravel(image)):
            button.value = bool(v)

    @staticmethod
    def _show(button):
        button.description = "1" if button.value else "0"
        button.button_style = "info" if button.value else ""

    def _on_toggle(self, change):
        self._show(change["owner"])
