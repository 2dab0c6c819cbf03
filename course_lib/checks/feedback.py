"""What ``check()``, ``hint()`` and ``solution()`` show: rich output in Jupyter, plain text elsewhere.

    fb = Feedback.from_message("✗ Exercise 1.1: that is the sum *before* the bias.", name="Exercise 1.1")
    fb.text                   # the message as it is: "✗ Exercise 1.1: that is the sum *before* the bias."
    fb._repr_mimebundle_()    # {"text/plain": fb.text, "text/html": '<div …>… the sum <em>before</em> …</div>'}
    show(fb)                  # display(fb) inside IPython/Jupyter, print(fb.text) anywhere else

The HTML
* colours only the mark and a thin left border (✓ green, ✗ red, ○ grey; a hint blue) and lets the
  text inherit the theme's colour, so it reads in light and dark themes alike.  Each colour is given
  twice: a hex value first, then the JupyterLab theme variable (``var(--jp-success-color1, …)``).
  A trusted output uses the theme's colour; an untrusted one (a notebook just opened, whose HTML
  JupyterLab sanitizes and whose ``var(…)`` it drops) keeps the hex value.  The hex values have a
  contrast of at least 3.9 : 1 on white and on JupyterLab's dark background (#111).
* renders the small markdown subset the messages use — ``*emphasis*``, ``**bold**``, ```code``` — and
  escapes everything else.  ``*`` only opens emphasis at the start of a word and closes it at the end
  of one, so ``z = 1*x1 + 1*x2`` stays as it is.
* is a pure function of the message: no ids, no addresses, nothing random (nbval compares it).

The plain text is the message itself, markup included.  In a terminal ``*before*`` is the usual way
to stress a word, and keeping the text unchanged keeps ``Result.message``, the stored notebook
outputs' ``text/plain`` and everything that reads them (slides, tests) the same.
"""
from __future__ import annotations

import html
import re
import sys

__all__ = ["Feedback", "show", "inline_html"]

# kind -> (mark, hex colour, JupyterLab theme variable); the mark is the message's first character
_STYLES = {
    "ok": ("✓", "#388e3c", "--jp-success-color1"),
    "wrong": ("✗", "#e53935", "--jp-error-color1"),
    "todo": ("○", "#808080", "--jp-ui-font-color2"),
    "hint": ("", "#1976d2", "--jp-brand-color1"),
    "solution": ("", "#808080", "--jp-ui-font-color2"),
}
_KIND_OF_MARK = {mark: kind for kind, (mark, _, _) in _STYLES.items() if mark}

_CODE = re.compile(r"`([^`\n]+)`")
# ** / * open at the start of a word (not after a letter, digit or another *) and close at its end
_BOLD = re.compile(r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")


def inline_html(text: str) -> str:
    """``text`` as HTML: `code` → <code>, **bold** → <strong>, *emphasis* → <em>, the rest escaped;
    a line break becomes <br>."""
    parts = []
    for i, piece in enumerate(_CODE.split(text)):
        if i % 2:                                   # inside backticks: code, shown as it is
            parts.append(f"<code>{html.escape(piece)}</code>")
        else:
            piece = html.escape(piece)
            piece = _BOLD.sub(r"<strong>\1</strong>", piece)
            piece = _EMPHASIS.sub(r"<em>\1</em>", piece)
            parts.append(piece)
    return "".join(parts).replace("\n", "<br>")


def _themed(prop, value, hex_value, variable):
    """``prop: value`` twice, ``{}`` in ``value`` filled with the hex colour, then with the theme variable."""
    return f"{prop}: {value.format(hex_value)}; {prop}: {value.format(f'var({variable}, {hex_value})')}"


class Feedback:
    """One piece of feedback: ``kind`` ("ok", "wrong", "todo", "hint", "solution"), its plain ``text``,
    and the HTML built from a ``title`` and a ``body`` (inline markdown) or ``code`` (a code block).

    Displayed by IPython as text/html + text/plain (``_repr_mimebundle_``); ``str()`` and ``repr()``
    give the plain text.
    """

    def __init__(self, kind, text, *, title, body="", code=None):
        if kind not in _STYLES:
            raise ValueError(f"kind must be one of {', '.join(map(repr, _STYLES))}; got {kind!r}.")  # i18n: ignore
        self.kind, self.text, self.title, self.body, self.code = kind, text, title, body, code

    @classmethod
    def from_message(cls, message: str, name: str) -> "Feedback":
        """The feedback for a Result's message ``"✓ {name}: {body}"`` (✓, ✗ or ○ first)."""
        kind = _KIND_OF_MARK.get(message[:1]) if message[1:2] == " " else None
        rest = message[2:] if kind else message
        title, body = (name, rest[len(name) + 2:]) if rest.startswith(f"{name}: ") else ("", rest)
        return cls(kind or "wrong", message, title=title, body=body)

    def __str__(self):
        return self.text

    __repr__ = __str__

    @property
    def html(self) -> str:
        mark, hex_value, variable = _STYLES[self.kind]
        head = ""
        if mark:
            head += (f'<span class="course-feedback-mark" style="{_themed("color", "{}", hex_value, variable)}; '  # i18n: ignore
                     f'font-weight: bold">{mark}</span> ')  # i18n: ignore
        if self.title:
            head += f"<strong>{html.escape(self.title)}</strong>" + (": " if self.body else "")
        content = head + inline_html(self.body)
        if self.code is not None:
            content += f'<pre style="margin: 0.3em 0 0 0"><code>{html.escape(self.code)}</code></pre>'  # i18n: ignore
        return (f'<div class="course-feedback course-feedback-{self.kind}" style="'  # i18n: ignore
                f'{_themed("border-left", "4px solid {}", hex_value, variable)}; '  # i18n: ignore
                f'padding: 0.2em 0.6em; margin: 0.2em 0; line-height: 1.5">{content}</div>')  # i18n: ignore

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.text, "text/html": self.html}


def show(feedback: Feedback) -> None:
    """Show ``feedback``: as rich output inside IPython or Jupyter, as its plain text anywhere else."""
    shell = sys.modules["IPython"].get_ipython() if "IPython" in sys.modules else None
    if shell is None:
        print(feedback.text)
        return
    from IPython.display import display
    display(feedback)
