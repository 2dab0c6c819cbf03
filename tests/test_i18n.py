"""course_lib speaks English and Japanese (issue 14): the gettext catalogs, the language switch, and a
scan of the source for student-facing text that bypasses the catalogs.

The scan: in every module of course_lib, a string literal (or the text of an f-string) that reads as
prose — two words of letters — must be a message, i.e. the argument of ``_()``, ``N_()`` or
``ngettext()``; so must a label given to a widget or a figure (``description=``, ``set_xlabel(…)``, …)
with a word in it.  Docstrings are not messages.  A line that holds text which is not for students
(HTML/CSS, a keyword of the library, a developer's note) ends with ``# i18n: ignore``.
"""
from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import course_lib  # noqa: E402
from course_lib import i18n  # noqa: E402
from course_lib._po import mo_bytes, parse_po, read_po  # noqa: E402
import extract_messages  # noqa: E402
from notebook_support import unavailable  # noqa: E402

PACKAGE = ROOT / "course_lib"
JA_PO = i18n.catalog_path("ja")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
SAME_IN_JAPANESE = "# same in Japanese"


def _ja_entries():
    return [e for e in parse_po(JA_PO.read_text(encoding="utf-8"), JA_PO) if e.msgid]


# ---------------------------------------------------------------- the catalogs
def test_template_and_catalogs_are_in_step_with_the_code():
    assert extract_messages.main(["--check"]) == 0, "run: python tools/extract_messages.py"


def test_every_message_has_a_japanese_translation():
    missing = [e.msgid for e in _ja_entries() if not e.translated]
    assert not missing, f"{len(missing)} messages have no Japanese translation, e.g. {missing[:5]}"


def test_there_are_messages_to_translate():
    assert len(extract_messages.collect()) >= 300


def test_translations_are_japanese():
    """A translation with no Japanese character is an untranslated copy, unless a translator comment says
    the text is the same in Japanese (a formula, a symbol)."""
    bad = [e.msgid for e in _ja_entries() if e.translated and not any(JAPANESE.search(s) for s in e.msgstr)
           and SAME_IN_JAPANESE not in e.comments]
    assert not bad, f"{len(bad)} translations have no Japanese in them, e.g. {bad[:5]}"


def _fields(text):
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def test_translations_keep_the_placeholders_and_code():
    bad = []
    for e in _ja_entries():
        if not e.translated:
            continue
        for s in e.msgstr:
            try:
                same = _fields(s) == _fields(e.msgid)
            except ValueError as exc:
                same = False
                s = f"{s} ({exc})"
            code = set(re.findall(r"`([^`]+)`", e.msgid)) - set(re.findall(r"`([^`]+)`", s))
            if not same or code:
                bad.append((e.msgid, s))
    assert not bad, f"{len(bad)} translations change a {{placeholder}} or a `code` span: {bad[:3]}"


def test_translations_keep_the_feedback_marks():
    """Feedback's kind is read from a message's first character (✓ ✗ ○)."""
    bad = [e.msgid for e in _ja_entries() if e.translated and e.msgid[:1] in "✓✗○"
           and any(s[:1] != e.msgid[:1] for s in e.msgstr)]
    assert not bad


def test_mo_bytes_are_what_gettext_reads(tmp_path):
    import gettext
    import io

    catalog = {"Hint": "ヒント", ("{n} step", "{n} steps"): ["{n} ステップ"]}
    t = gettext.GNUTranslations(io.BytesIO(mo_bytes(catalog, "Content-Type: text/plain; charset=UTF-8\n"
                                                              "Plural-Forms: nplurals=1; plural=0;\n")))
    assert t.gettext("Hint") == "ヒント"
    assert t.ngettext("{n} step", "{n} steps", 3) == "{n} ステップ"
    assert t.gettext("not there") == "not there"


def test_catalog_compiles_like_gnu_msgfmt(tmp_path):
    if shutil.which("msgfmt") is None:
        unavailable("GNU gettext's msgfmt is not installed (Debian: apt-get install gettext)")
    out = tmp_path / "ja.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(out), str(JA_PO)], check=True)
    import gettext

    theirs = gettext.GNUTranslations(out.open("rb"))
    header, catalog = read_po(JA_PO)
    for key, value in catalog.items():
        if isinstance(key, str):
            assert theirs.gettext(key) == value


def test_po_parser_reads_escapes_and_continuations():
    text = ('msgid ""\nmsgstr "Language: ja\\n"\n\n#, fuzzy\nmsgid "a"\nmsgstr "x"\n\n'
            '# a comment\nmsgid "say \\"hi\\"\\n"\n"again"\nmsgstr ""\n"こん\\tにちは"\n')
    entries = parse_po(text)
    assert entries[1].flags == {"fuzzy"} and not entries[1].translated
    assert entries[2].msgid == 'say "hi"\nagain' and entries[2].msgstr == ["こん\tにちは"]
    with pytest.raises(ValueError, match="duplicate msgid"):
        parse_po('msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n')
    with pytest.raises(ValueError, match="unknown keyword"):
        parse_po('msgctxt "x"\nmsgid "a"\nmsgstr "b"\n')


# ---------------------------------------------------------------- the switch
def test_set_language_switches_and_restores():
    assert course_lib.get_language() == "en"
    with i18n.language("ja"):
        assert course_lib.get_language() == "ja"
        import matplotlib as mpl
        assert mpl.rcParams["font.family"] == ["DejaVu Sans", i18n.JAPANESE_FONT]
    assert course_lib.get_language() == "en"
    import matplotlib as mpl
    assert i18n.JAPANESE_FONT not in mpl.rcParams["font.family"]


@pytest.mark.parametrize("bad", ["jp", "JA", "", None, 1, "日本語"])
def test_set_language_rejects_unknown_languages(bad):
    with pytest.raises(ValueError, match=r"lang must be one of 'en', 'ja'.*got"):
        course_lib.set_language(bad)
    assert course_lib.get_language() == "en"


def test_a_message_is_translated_when_japanese_is_chosen():
    entries = [e for e in _ja_entries() if e.translated and e.msgid_plural is None]
    assert entries
    e = entries[0]
    assert i18n._(e.msgid) == e.msgid
    with i18n.language("ja"):
        assert i18n._(e.msgid) == e.msgstr[0]


def _python(code, **env):
    full = {k: v for k, v in os.environ.items() if k != i18n.ENV_VAR}
    full.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=full, cwd=ROOT)


def test_environment_variable_chooses_the_language_and_the_locale_does_not():
    code = "import course_lib; print(course_lib.get_language())"
    assert _python(code, **{i18n.ENV_VAR: "ja"}).stdout.strip() == "ja"
    assert _python(code, LANG="ja_JP.UTF-8", LC_ALL="ja_JP.UTF-8", LANGUAGE="ja").stdout.strip() == "en"
    bad = _python(code, **{i18n.ENV_VAR: "japanese"})
    assert bad.returncode != 0 and "COURSE_LIB_LANGUAGE" in bad.stderr and "'japanese'" in bad.stderr


@pytest.mark.parametrize("n, en, ja", [
    (86_000_000_000, "86,000,000,000", "860億"), (11_000, "11,000", "1万1000"), (250_000_000, "250,000,000", "2億5000万"),
    (0, "0", "0"), (7, "7", "7"), (-12_000, "-12,000", "-1万2000"), (1_000_000_000_000, "1,000,000,000,000", "1兆"),
    (16e9, "16,000,000,000", "160億"),
])
def test_format_count(n, en, ja):
    assert i18n.format_count(n) == en
    with i18n.language("ja"):
        assert i18n.format_count(n) == ja


@pytest.mark.parametrize("bad", [1.5, "10", None, True])
def test_format_count_rejects_what_is_not_a_whole_number(bad):
    with pytest.raises(TypeError, match="n must be a whole number"):
        i18n.format_count(bad)


def test_japanese_figure_text_draws_without_glyph_warnings(caplog):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with i18n.language("ja"), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.set_title("ニューロンの出力 σ(z) − 0.5, δ, η, ✓")
        ax.text(0, 0, "太字の日本語 bold", fontweight="bold")
        ax.set_xlabel("重みづけ w₁ [−]")
        ax.plot([-1, 1], [-1, 1])
        fig.canvas.draw()
        plt.close(fig)
    assert not [r for r in caplog.records if r.levelno >= 30], caplog.text   # e.g. findfont: bold not found


# ---------------------------------------------------------------- the source scan
PROSE = re.compile(r"[A-Za-z]{2,}[,.;:!?'’)]*\s+[(‘'\"]*[A-Za-z]{2,}")
WORD = re.compile(r"[A-Za-z]{3,}")
MARKERS = {"_", "N_", "ngettext"}
LABEL_KWARGS = {"description", "tooltip", "placeholder", "label", "title", "xlabel", "ylabel", "text",
                "tooltips", "options_labels"}
LABEL_CALLS = {"set_title", "set_xlabel", "set_ylabel", "suptitle", "text", "annotate", "set_text",
               "set_description", "Label", "HTML", "warn"}
NOT_TEXT_KWARGS = {"loc", "ha", "va", "horizontalalignment", "verticalalignment", "family", "fontfamily",
                   "cmap", "color", "colors", "marker", "linestyle", "ls", "interpolation", "shading",
                   "rotation", "mode", "fontweight", "weight", "style", "button_style", "bar_style",
                   "layout", "width", "height", "align_items", "justify_content", "display", "flex_flow",
                   "overflow", "format", "readout_format", "dtype", "kind", "name", "orientation",
                   "border", "margin", "padding", "grid_template_columns", "grid_template_areas",
                   "transform", "textcoords", "arrowstyle", "connectionstyle", "boxstyle", "where",
                   "bbox_inches", "edgecolor", "facecolor", "mec", "mfc", "zorder"}
EXEMPT_MODULES = {"_po.py", "i18n.py", "glossary.py", "slides.py", "slides_template.py"}


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name not in EXEMPT_MODULES)


def _docstrings(tree):
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                out.add(id(body[0].value))
    return out


def untranslated_text(path: Path) -> list[str]:
    """"file:line: text" for every piece of student-facing text in ``path`` that is not a message."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    docstrings = _docstrings(tree)

    def ignored(node):
        return any("# i18n: ignore" in lines[n - 1] for n in {node.lineno, node.end_lineno} if n)

    def context(node):
        """(inside a marker call?, the keyword it is given to, the call it is an argument of)"""
        keyword, call, child = None, None, node
        parent = parents.get(id(node))
        while parent is not None:
            if isinstance(parent, ast.Call):
                func = parent.func
                fname = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if fname in MARKERS:
                    return True, keyword, call
                call = call or fname
            if isinstance(parent, ast.keyword) and keyword is None:
                keyword = parent.arg
            if isinstance(parent, ast.Subscript) and child is parent.slice:
                return True, keyword, call          # d["some key"]: a key, not text
            if isinstance(parent, ast.Compare):
                return True, keyword, call          # x == "some value": a value, not text
            child, parent = parent, parents.get(id(parent))
        return False, keyword, call

    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in docstrings:
            continue
        text = node.value
        if not WORD.search(text) or ignored(node):
            continue
        marked, keyword, call = context(node)
        if marked or keyword in NOT_TEXT_KWARGS:
            continue
        if PROSE.search(text) or keyword in LABEL_KWARGS or call in LABEL_CALLS:
            found.append(f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {text[:70]!r}")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_student_facing_text_is_translatable(path):
    found = untranslated_text(path)
    assert not found, (f"{len(found)} texts are not messages (wrap them in _() or N_(), or end the line "
                       f"with '# i18n: ignore' if no student sees them):\n" + "\n".join(found[:40]))


def test_the_scan_finds_bare_text(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstring is fine."""\n'
        'def f(lr):\n'
        '    """So is this one."""\n'
        '    raise ValueError(f"lr must be a positive number; got {lr!r}.")\n'
        'ok = _("lr must be a positive number; got {lr}.")\n'
        'ax.set_xlabel("input")\n'
        'ax.set_xlabel(_("input"))\n'
        'ax.legend(loc="upper right")\n'
        'css = "color: red; font weight bold"  # i18n: ignore\n'
        'w = Button(description="Play")\n', encoding="utf-8")
    global ROOT
    found = untranslated_text.__wrapped__(sample) if hasattr(untranslated_text, "__wrapped__") else None
    rel_root = ROOT
    try:
        ROOT = tmp_path
        found = untranslated_text(sample)
    finally:
        ROOT = rel_root
    lines = sorted(int(f.split(":")[1]) for f in found)
    assert lines == [4, 6, 10], found


@pytest.mark.parametrize("text, width, align, expected", [
    ("cat", 6, "<", "cat   "), ("ネコ", 6, "<", "ネコ  "), ("860億", 8, ">", "   860億"), ("toolong", 3, "<", "toolong"),
])
def test_pad_counts_japanese_characters_as_two_columns(text, width, align, expected):
    assert i18n.pad(text, width, align) == expected


@pytest.mark.parametrize("kwargs, exc, words", [
    ({"width": -1}, TypeError, "width must be"), ({"width": 2.5}, TypeError, "width must be"),
    ({"width": 3, "align": "^"}, ValueError, "align must be"),
])
def test_pad_rejects_bad_arguments(kwargs, exc, words):
    with pytest.raises(exc, match=words):
        i18n.pad("x", **kwargs)
