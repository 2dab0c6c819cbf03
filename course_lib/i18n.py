"""The language course_lib speaks: English (the default) or Japanese (日本語).

    import course_lib
    course_lib.set_language("ja")      # the first course_lib cell of every Japanese chapter
    course_lib.set_language("en")      # … and of every English one

Every message a student sees — exercise feedback, hints, solutions, explorer labels and readouts,
figure titles and axis labels, progress bars, errors — goes through gettext:

* in the code the English text is the message id, marked ``_("…")`` where it is shown at once and
  ``N_("…")`` where it is stored to be shown later (an exercise's hint, a table of labels); whatever
  shows a stored text calls ``_()`` on it then.  Values go in *after* the lookup:
  ``_("{name} must be a positive number; got {value}.").format(name=…, value=…)``;
* ``tools/extract_messages.py`` collects the marked texts into ``course_lib/locale/course_lib.pot``;
  the Japanese translations live in ``course_lib/locale/ja/LC_MESSAGES/course_lib.po``;
* the ``.po`` file is compiled to ``.mo`` in memory the first time Japanese is chosen
  (``course_lib._po``) and read by the standard library's ``gettext.GNUTranslations``.

The language is chosen explicitly — ``set_language`` or the environment variable
``COURSE_LIB_LANGUAGE`` (read once, at import) — never from the machine's locale, so a notebook prints
the same text on every machine.  Choosing Japanese also gives matplotlib a Japanese font
(IPAexGothic from ``matplotlib-fontja``, DejaVu Sans behind it for the glyphs it lacks).
"""
from __future__ import annotations

import contextlib
import gettext as _gettext
import io
import os
from pathlib import Path

from ._po import mo_bytes, read_po

__all__ = ["LANGUAGES", "ENV_VAR", "set_language", "get_language", "language", "_", "N_", "ngettext",
           "format_count", "pad", "catalog_path"]

LANGUAGES = ("en", "ja")
ENV_VAR = "COURSE_LIB_LANGUAGE"
DOMAIN = "course_lib"
LOCALE_DIR = Path(__file__).parent / "locale"
JAPANESE_FONT = "IPAexGothic"

_state = {"language": "en", "translations": _gettext.NullTranslations(), "font_before": None}
_loaded: dict[str, _gettext.GNUTranslations] = {}


def catalog_path(lang: str) -> Path:
    """Where the ``.po`` catalog of ``lang`` lives."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _translations(lang):
    if lang == "en":
        return _gettext.NullTranslations()        # the message ids are the English texts
    if lang not in _loaded:
        header, catalog = read_po(catalog_path(lang))
        _loaded[lang] = _gettext.GNUTranslations(io.BytesIO(mo_bytes(catalog, header)))
    return _loaded[lang]


def _use_font(lang):
    import matplotlib as mpl

    if lang == "ja":
        if _state["font_before"] is None:
            _state["font_before"] = list(mpl.rcParams["font.family"])
        _add_japanese_font()
        # Latin letters, digits and symbols keep the English edition's DejaVu Sans; a glyph it lacks
        # (every Japanese character) comes from IPAexGothic (matplotlib's per-glyph font fallback).
        mpl.rcParams["font.family"] = ["DejaVu Sans", JAPANESE_FONT]
    elif _state["font_before"] is not None:
        mpl.rcParams["font.family"] = _state["font_before"]
        _state["font_before"] = None


def _add_japanese_font():
    """Register matplotlib-fontja's IPAexGothic once — also as its own bold, since it has one weight only
    (without that, bold text logs "Failed to find font weight bold for IPAexGothic" on stderr)."""
    import dataclasses

    from matplotlib import font_manager
    from matplotlib_fontja import get_font_ttf_path   # importing it also sets the family; we set ours

    manager = font_manager.fontManager
    entries = [f for f in manager.ttflist if f.name == JAPANESE_FONT]
    if not entries:
        manager.addfont(get_font_ttf_path())
        entries = [f for f in manager.ttflist if f.name == JAPANESE_FONT]
    if entries and not any(f.weight in (700, "bold") for f in entries):
        manager.ttflist.append(dataclasses.replace(entries[0], weight=700))
        manager._findfont_cached.cache_clear()


def _check_language(lang, name="lang"):
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, LANGUAGES))} "
                         f"(English, 日本語); got {lang!r}.")
    return lang


def set_language(lang: str) -> None:
    """Speak ``lang`` from now on: "en" (English) or "ja" (日本語).  Also picks the figures' font."""
    _check_language(lang)
    translations = _translations(lang)
    _use_font(lang)
    _state["language"], _state["translations"] = lang, translations


def get_language() -> str:
    """The language course_lib speaks now: "en" or "ja"."""
    return _state["language"]


@contextlib.contextmanager
def language(lang: str):
    """``with language("ja"): …`` — speak ``lang`` inside the block, the previous language after it."""
    before = get_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def _(message: str) -> str:
    """``message`` in the current language (itself when it has no translation, or in English)."""
    return _state["translations"].gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now (``_()`` it where it is shown)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural`` by ``n``, in the current language."""
    return _state["translations"].ngettext(singular, plural, n)


_JA_UNITS = ((10**12, "兆"), (10**8, "億"), (10**4, "万"))


def format_count(n) -> str:
    """A whole number as a reader of the current language writes it:
    English ``86,000,000,000``; Japanese ``860億``, ``1万1000``, ``2億5000万``."""
    import numbers

    if isinstance(n, bool):
        raise TypeError(f"n must be a whole number; got {n!r}.")
    if not isinstance(n, numbers.Integral):
        if isinstance(n, numbers.Real) and float(n).is_integer():
            n = int(n)
        else:
            raise TypeError(f"n must be a whole number; got {n!r}.")
    n = int(n)
    if get_language() != "ja":
        return f"{n:,}"
    sign, n = ("-" if n < 0 else ""), abs(n)
    parts = []
    for size, unit in _JA_UNITS:
        if n >= size:
            parts.append(f"{n // size}{unit}")
            n %= size
    if n or not parts:
        parts.append(str(n))
    return sign + "".join(parts)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` columns of a fixed-width font, where a Japanese (full-width)
    character takes two columns — what ``f"{text:<18}"`` does for English text.  align: "<" or ">"."""
    if align not in ("<", ">"):
        raise ValueError(f"align must be '<' (left) or '>' (right); got {align!r}.")
    if isinstance(width, bool) or not isinstance(width, int) or width < 0:
        raise TypeError(f"width must be a whole number ≥ 0; got {width!r}.")
    text = str(text)
    gap = " " * max(0, width - _width(text))
    return text + gap if align == "<" else gap + text


def _from_environment():
    lang = os.environ.get(ENV_VAR, "").strip()
    if lang:
        set_language(_check_language(lang, f"the environment variable {ENV_VAR}"))
