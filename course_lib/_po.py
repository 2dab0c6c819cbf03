"""Read a gettext ``.po`` catalog and compile it to ``.mo`` bytes — the two halves of GNU ``msgfmt``.

    catalog = read_po(path)          # {msgid: msgstr}; plural entries as {(msgid, msgid_plural): [msgstr0, …]}
    data = mo_bytes(catalog, header) # what ``msgfmt`` writes; ``gettext.GNUTranslations`` reads it

course_lib ships its ``.po`` sources only and compiles them in memory when a language is chosen
(``course_lib.i18n``): no build step, nothing compiled that could go stale.  ``tests/test_i18n.py``
checks ``mo_bytes`` against GNU ``msgfmt`` where it is installed.

Supported: ``msgctxt``-free entries with ``msgid``/``msgstr``, ``msgid_plural``/``msgstr[n]``,
multi-line strings, the C escapes ``\\n \\t \\" \\\\``, comments (``#``, ``#.``, ``#:``, ``#,``).
Entries flagged ``fuzzy`` and entries with an empty ``msgstr`` are left out, as ``msgfmt`` does.
"""
from __future__ import annotations

import ast
import struct
from pathlib import Path

__all__ = ["PoEntry", "parse_po", "read_po", "mo_bytes", "quote"]


class PoEntry:
    """One entry of a ``.po`` file: ``msgid``, ``msgid_plural`` (or None), ``msgstr`` (a list: one item,
    or one per plural form), its ``flags`` ({"fuzzy", "python-brace-format", …}), references and comments."""

    def __init__(self):
        self.msgid, self.msgid_plural, self.msgstr = None, None, []
        self.flags, self.references, self.comments, self.line = set(), [], [], 0

    @property
    def translated(self) -> bool:
        return "fuzzy" not in self.flags and bool(self.msgstr) and all(self.msgstr)


def _unquote(text, path, line):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{path}:{line}: expected a quoted string; got {text!r}.")
    try:
        return ast.literal_eval(text)           # the C escapes of .po files are Python's too
    except (SyntaxError, ValueError) as exc:
        raise ValueError(f"{path}:{line}: bad string {text!r}: {exc}") from None


def parse_po(text: str, path="<po>") -> list[PoEntry]:
    """The entries of a ``.po`` file's text, in order (the header, msgid "", first)."""
    entries, entry, field = [], PoEntry(), None

    def finish():
        nonlocal entry, field
        if entry.msgid is not None:
            entries.append(entry)
        elif entry.msgstr:
            raise ValueError(f"{path}:{entry.line}: msgstr without msgid.")
        entry, field = PoEntry(), None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if field is not None and field != "comment":
                finish()
            field = "comment"
            entry.line = entry.line or number
            if line.startswith("#,"):
                entry.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#:"):
                entry.references.extend(line[2:].split())
            else:
                entry.comments.append(line)
            continue
        if line.startswith('"'):
            if field in (None, "comment"):
                raise ValueError(f"{path}:{number}: a string continues nothing.")
            piece = _unquote(line, path, number)
            if field == "msgid":
                entry.msgid += piece
            elif field == "msgid_plural":
                entry.msgid_plural += piece
            else:
                entry.msgstr[field] += piece
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgid":
            if field not in (None, "comment"):
                finish()
            entry.line = entry.line or number
            entry.msgid, field = _unquote(rest, path, number), "msgid"
        elif keyword == "msgid_plural":
            entry.msgid_plural, field = _unquote(rest, path, number), "msgid_plural"
        elif keyword == "msgstr":
            entry.msgstr, field = [_unquote(rest, path, number)], 0
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            index = int(keyword[7:-1])
            if index != len(entry.msgstr):
                raise ValueError(f"{path}:{number}: {keyword} out of order.")
            entry.msgstr.append(_unquote(rest, path, number))
            field = index
        else:
            raise ValueError(f"{path}:{number}: unknown keyword {keyword!r} (msgctxt is not supported).")
    finish()
    seen = set()
    for e in entries:
        key = (e.msgid, e.msgid_plural)
        if key in seen:
            raise ValueError(f"{path}:{e.line}: duplicate msgid {e.msgid!r}.")
        seen.add(key)
    return entries


def read_po(path) -> tuple[str, dict]:
    """``(header, catalog)`` of a ``.po`` file: the header's text and {msgid: msgstr} of every
    translated entry; a plural entry is keyed ``(msgid, msgid_plural)`` with a list of forms."""
    path = Path(path)
    header, catalog = "", {}
    for e in parse_po(path.read_text(encoding="utf-8"), path):
        if e.msgid == "":
            header = e.msgstr[0] if e.msgstr else ""
        elif e.translated:
            catalog[(e.msgid, e.msgid_plural) if e.msgid_plural is not None else e.msgid] = (
                list(e.msgstr) if e.msgid_plural is not None else e.msgstr[0])
    return header, catalog


def mo_bytes(catalog: dict, header: str) -> bytes:
    """The GNU ``.mo`` file (little-endian, revision 0, no hash table) of ``catalog`` and ``header``."""
    pairs = [(b"", header.encode("utf-8"))]
    for key, value in catalog.items():
        if isinstance(key, tuple):
            msgid = (key[0] + "\0" + key[1]).encode("utf-8")
            msgstr = "\0".join(value).encode("utf-8")
        else:
            msgid, msgstr = key.encode("utf-8"), value.encode("utf-8")
        pairs.append((msgid, msgstr))
    pairs.sort()
    n = len(pairs)
    ids_start = 7 * 4
    strs_start = ids_start + n * 8
    data_start = strs_start + n * 8
    ids, strs, blob = [], [], b""
    for msgid, _msgstr in pairs:
        ids.append((len(msgid), data_start + len(blob)))
        blob += msgid + b"\0"
    for _msgid, msgstr in pairs:
        strs.append((len(msgstr), data_start + len(blob)))
        blob += msgstr + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, n, ids_start, strs_start, 0, data_start)
    out += b"".join(struct.pack("<2I", *p) for p in ids)
    out += b"".join(struct.pack("<2I", *p) for p in strs)
    return out + blob


def quote(text: str) -> str:
    """``text`` as a ``.po`` string: one quoted line, or ``""`` then one quoted line per line of text."""
    def q(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n") + '"'
    if "\n" not in text.rstrip("\n"):
        return q(text)
    lines = text.splitlines(keepends=True)
    return '""\n' + "\n".join(q(line) for line in lines)
