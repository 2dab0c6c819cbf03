"""Every symbol a student reads shows up on any system (issue 13, item 8): no emoji, which turn into
boxes where no emoji font is installed (as 🔮 did in chapters 6 and 8), and nothing that DejaVu Sans
lacks — the font Debian/Ubuntu fall back to and matplotlib bundles.  Japanese text is left to a
Japanese font (README, fonts for Linux).

Checked: the markdown and code of every notebook (both editions), every string in course_lib (messages,
figure labels, checker feedback, docstrings a student may read with help()) and every translation in its
message catalogs.
"""
import ast
import json
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# symbols from the emoji blocks that text fonts have (DejaVu Sans, Segoe UI Symbol, Apple Symbols),
# that are not emoji in Unicode (no colour emoji picture by default), and that the course uses:
# ✓ ✗ in feedback and explorers, ✎ marking exercises, ★ marking the best fit in the Hubble explorer
SAFE = {"✓", "✗", "✎", "★"}
EMOJI_RANGES = [(0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F), (0x200D, 0x200D)]
# Japanese and full-width characters: a Japanese font's job
CJK_RANGES = [(0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)]


def _in(ch, ranges):
    return any(lo <= ord(ch) <= hi for lo, hi in ranges)


def student_texts():
    """(where, text) for every notebook cell and every string constant in course_lib."""
    for path in sorted((REPO / "notebooks").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            yield f"{path.relative_to(REPO)} cell {i} ({cell['cell_type']})", source
    for path in sorted((REPO / "course_lib").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield f"{path.relative_to(REPO)}:{node.lineno}", node.value
    from course_lib._po import parse_po       # the translations (course_lib/locale/*/LC_MESSAGES/*.po)
    for path in sorted((REPO / "course_lib" / "locale").glob("*/LC_MESSAGES/*.po")):
        for entry in parse_po(path.read_text(encoding="utf-8"), path):
            for text in entry.msgstr:
                yield f"{path.relative_to(REPO)}:{entry.line}", text


def _report(found):
    return "\n".join(f"{where}: {ch!r} U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for where, ch in found[:30])


def test_the_texts_are_found():
    places = [where for where, _ in student_texts()]
    assert any("06_mnist" in w for w in places) and any(w.startswith("course_lib/checks/base.py") for w in places)


def test_no_emoji_in_what_students_read():
    found = sorted({(where, ch) for where, text in student_texts() for ch in text
                    if _in(ch, EMOJI_RANGES) and ch not in SAFE})
    assert not found, "emoji show as boxes without an emoji font; use plain text or a symbol of DejaVu Sans:\n" \
        + _report(found)


def test_every_symbol_is_in_dejavu_sans():
    ttLib = pytest.importorskip("fontTools.ttLib")
    matplotlib = pytest.importorskip("matplotlib")
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    covered = set(ttLib.TTFont(font).getBestCmap())
    assert ord("✓") in covered and ord("🔮") not in covered          # the check can tell them apart
    found = sorted({(where, ch) for where, text in student_texts() for ch in text
                    if ord(ch) > 0x7F and not _in(ch, CJK_RANGES) and ord(ch) not in covered
                    and not unicodedata.category(ch).startswith(("M", "C"))})   # combining marks, controls
    assert not found, "these characters are not in DejaVu Sans:\n" + _report(found)


@pytest.mark.parametrize("symbol", sorted(SAFE | {"○", "→"}))
def test_the_safe_symbols_are_in_dejavu_sans(symbol):
    ttLib = pytest.importorskip("fontTools.ttLib")
    matplotlib = pytest.importorskip("matplotlib")
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    assert ord(symbol) in ttLib.TTFont(font).getBestCmap()
