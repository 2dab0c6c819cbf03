"""Collect course_lib's translatable messages into the gettext template and keep the catalogs in step.

    python tools/extract_messages.py            # write course_lib/locale/course_lib.pot and update every .po
    python tools/extract_messages.py --check    # exit 1 (and say why) when the .pot or a .po is out of date
    python tools/extract_messages.py --merge ja new.po   # also take the translations of new.po into ja's catalog

What ``xgettext`` + ``msgmerge`` do, for Python sources, in the standard library only:

* a message is the first argument of ``_("…")`` or ``N_("…")``, or the first two of
  ``ngettext("…", "…", n)`` — string literals only (an f-string or a sum of strings there is an error:
  the text could not be looked up).  ``_(variable)`` is no message of its own: it shows a text that was
  marked ``N_("…")`` where it was stored;
* ``course_lib.pot`` lists each message once, with every place that uses it;
* each ``locale/<lang>/LC_MESSAGES/course_lib.po`` keeps its translations, gains the new messages
  (with an empty ``msgstr``, which ``tests/test_i18n.py`` reports) and loses the ones no longer used.
"""
from __future__ import annotations

import argparse
import ast
import fcntl
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course_lib._po import parse_po, quote  # noqa: E402

PACKAGE = ROOT / "course_lib"
POT = PACKAGE / "locale" / "course_lib.pot"
MARKERS = {"_": 1, "N_": 1, "ngettext": 2}
HEADER = {
    "Project-Id-Version": "course_lib",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}
PLURAL_FORMS = {"ja": "nplurals=1; plural=0;"}


class ExtractError(ValueError):
    pass


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def messages_in(path: Path) -> list[tuple[tuple[str, str | None], int]]:
    """[((msgid, msgid_plural or None), line)] of one source file, in order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS):
            continue
        n = MARKERS[node.func.id]
        texts = [_literal(a) for a in node.args[:n]]
        if node.func.id == "_" and node.args and not isinstance(node.args[0], (ast.Constant, ast.JoinedStr,
                                                                                  ast.BinOp)):
            continue            # _(stored_text): shows a text marked N_("…") where it was stored
        if len(node.args) < n or any(t is None for t in texts):
            raise ExtractError(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.id}() needs "
                               f"{n} string literal(s) (no variables, no f-strings: put values in with "
                               f".format() after the lookup).")
        found.append(((texts[0], texts[1] if n == 2 else None), node.lineno))
    return sorted(found, key=lambda item: item[1])


def collect(package: Path = PACKAGE) -> dict:
    """{(msgid, msgid_plural): [references]} over every module of the package, in first-use order."""
    out: dict = {}
    for path in sorted(package.rglob("*.py")):
        for key, line in messages_in(path):
            out.setdefault(key, []).append(f"{path.relative_to(ROOT).as_posix()}:{line}")
    return out


def _header_text(lang=None):
    fields = dict(HEADER)
    if lang:
        fields["Language"] = lang
        if lang in PLURAL_FORMS:
            fields["Plural-Forms"] = PLURAL_FORMS[lang]
    return "".join(f"{k}: {v}\n" for k, v in fields.items())


def _flags_for(msgid):
    return {"python-brace-format"} if "{" in msgid else set()


def _entry_text(key, refs, msgstr=None, flags=(), comments=()):
    msgid, plural = key
    lines = list(comments)
    for i in range(0, len(refs), 3):
        lines.append("#: " + " ".join(refs[i:i + 3]))
    if flags:
        lines.append("#, " + ", ".join(sorted(flags)))
    lines.append("msgid " + quote(msgid))
    if plural is None:
        lines.append("msgstr " + quote(msgstr[0] if msgstr else ""))
    else:
        lines.append("msgid_plural " + quote(plural))
        forms = msgstr or [""]
        lines += [f"msgstr[{i}] " + quote(s) for i, s in enumerate(forms)]
    return "\n".join(lines)


def pot_text(messages: dict) -> str:
    parts = ["# The messages of course_lib. Made by tools/extract_messages.py: do not edit by hand.\n"
             + _entry_text(("", None), [], [_header_text()])]
    for key, refs in messages.items():
        parts.append(_entry_text(key, refs, flags=_flags_for(key[0])))
    return "\n\n".join(parts) + "\n"


def po_text(messages: dict, old_text: str, lang: str, extra=()) -> str:
    """The catalog of ``lang`` for ``messages``, keeping the translations (and translator comments,
    and a ``fuzzy`` flag) of ``old_text``; translated entries of the ``extra`` .po texts win."""
    old = {(e.msgid, e.msgid_plural): e for e in parse_po(old_text)} if old_text else {}
    for text in extra:
        old.update({(e.msgid, e.msgid_plural): e for e in parse_po(text) if e.msgid and e.translated})
    head = old.get(("", None))
    comments = [c for c in head.comments] if head else [
        f"# {lang} translation of course_lib's messages. Edit the msgstr lines; "
        "tools/extract_messages.py keeps the msgid lines in step with the code."]
    parts = [_entry_text(("", None), [], [_header_text(lang)], comments=comments)]
    for key, refs in messages.items():
        e = old.get(key)
        flags = _flags_for(key[0]) | ({"fuzzy"} & e.flags if e else set())
        parts.append(_entry_text(key, refs, e.msgstr if e else None, flags,
                                 [c for c in e.comments if c.startswith("# ")] if e else ()))
    return "\n\n".join(parts) + "\n"


def catalogs() -> list[Path]:
    return sorted((PACKAGE / "locale").glob("*/LC_MESSAGES/course_lib.po"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when out of date")
    parser.add_argument("--merge", nargs="+", metavar=("LANG", "PO"),
                        help="take the translations of these .po files into LANG's catalog")
    args = parser.parse_args(argv)
    with open(PACKAGE / "locale" / ".lock", "a") as lock:   # helpers may run this at the same time
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _run(args)


def _run(args):
    try:
        messages = collect()
    except ExtractError as exc:
        print(exc, file=sys.stderr)
        return 1
    wanted = {POT: pot_text(messages)}
    merge_lang, merge = (args.merge[0], args.merge[1:]) if args.merge else (None, [])
    pos = catalogs()
    if merge_lang and not any(p.parent.parent.name == merge_lang for p in pos):
        pos.append(PACKAGE / "locale" / merge_lang / "LC_MESSAGES" / "course_lib.po")
    for po in pos:
        lang = po.parent.parent.name
        extra = [Path(m).read_text(encoding="utf-8") for m in merge] if lang == merge_lang else []
        wanted[po] = po_text(messages, po.read_text(encoding="utf-8") if po.exists() else "", lang, extra)
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run python tools/extract_messages.py", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(wanted[p], encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    print(f"{len(messages)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
