"""Edit a chapter's translation as plain text, and check that the two editions run the same code.

    python tools/notebook_text.py export notebooks/01_neurons.ipynb 01.txt
        # every cell's source, one block each:  <<<cell 3 markdown>>>  (the English text to translate)
    python tools/notebook_text.py import notebooks/01_neurons.ipynb 01.txt notebooks/ja/01_neurons.ipynb
        # the Japanese notebook: the English notebook's cells, ids, tags and slide types, with the
        # sources of 01.txt and no outputs (run tools/run_notebooks.py on it next)
    python tools/notebook_text.py compare notebooks/01_neurons.ipynb notebooks/ja/01_neurons.ipynb
        # what tests/test_editions.py checks: same cells, same tags, same code (strings and comments
        # aside), every markdown cell with prose translated

A translation changes markdown cells, and in code cells only string literals and comments.
"""
from __future__ import annotations

import ast
import copy
import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"^<<<cell (\d+) (markdown|code|raw)>>>$", re.M)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
ENGLISH_PROSE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}")


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save(nb, path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def source(cell) -> str:
    s = cell["source"]
    return s if isinstance(s, str) else "".join(s)


def export(nb) -> str:
    return "".join(f"<<<cell {i} {c['cell_type']}>>>\n{source(c)}\n" for i, c in enumerate(nb["cells"]))


def parse(text: str) -> list[tuple[int, str, str]]:
    marks = list(MARK.finditer(text))
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        body = text[m.end() + 1:end]
        out.append((int(m.group(1)), m.group(2), body[:-1] if body.endswith("\n") else body))
    return out


def build(english, blocks):
    """The translated notebook: ``english``'s cells with the sources of ``blocks``."""
    if [(i, t) for i, t, _ in blocks] != [(i, c["cell_type"]) for i, c in enumerate(english["cells"])]:
        raise ValueError("the text's cells are not the English notebook's cells (same number, same kinds, "
                         "in order): export again and translate the new file")
    nb = copy.deepcopy(english)
    nb["metadata"].pop("widgets", None)
    for cell, (_, _, text) in zip(nb["cells"], blocks):
        lines = text.splitlines(keepends=True)
        cell["source"] = lines
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    return nb


# ---------------------------------------------------------------- comparing the editions
class _NoStrings(ast.NodeTransformer):
    """The code with every string literal emptied; an f-string keeps only its {expressions} and their
    format specs."""

    def visit_Constant(self, node):
        return ast.Constant("") if isinstance(node.value, str) else node

    def visit_JoinedStr(self, node):
        return ast.JoinedStr([self.visit(v) for v in node.values if isinstance(v, ast.FormattedValue)])

    def visit_FormattedValue(self, node):
        node.value = self.visit(node.value)      # the {expression} is code; its format spec (.4f) stays too
        return node


def code_shape(text: str) -> str:
    """A code cell's AST without strings and comments (IPython magics and shell lines kept as text)."""
    lines, magics = [], []
    for line in text.splitlines():
        if line.lstrip().startswith(("%", "!")):
            magics.append(line.strip())
            lines.append("pass")
        else:
            lines.append(line)
    tree = _NoStrings().visit(ast.parse("\n".join(lines)))
    return ast.dump(tree, include_attributes=False) + "|" + "|".join(magics)


def _tags(cell):
    md = cell.get("metadata", {})
    return (sorted(md.get("tags", [])), md.get("slideshow", {}).get("slide_type"))


def differences(english, japanese) -> list[str]:
    """What makes ``japanese`` not a translation of ``english`` (empty when it is one)."""
    problems = []
    en, ja = english["cells"], japanese["cells"]
    if len(en) != len(ja):
        return [f"{len(ja)} cells, the English notebook has {len(en)}"]
    for i, (a, b) in enumerate(zip(en, ja)):
        if a["cell_type"] != b["cell_type"]:
            problems.append(f"cell {i}: {b['cell_type']}, in English {a['cell_type']}")
            continue
        if _tags(a) != _tags(b):
            problems.append(f"cell {i}: tags/slide type {_tags(b)}, in English {_tags(a)}")
        if a["cell_type"] == "code":
            try:
                if code_shape(source(a)) != code_shape(source(b)):
                    problems.append(f"cell {i}: the code differs from the English cell (other than strings "
                                    f"and comments)")
            except SyntaxError as exc:
                problems.append(f"cell {i}: {exc}")
        elif a["cell_type"] == "markdown":
            if ENGLISH_PROSE.search(_prose(source(a))) and not JAPANESE.search(source(b)):
                problems.append(f"cell {i}: markdown left in English")
    return problems


def _prose(markdown: str) -> str:
    """Markdown without code, maths, links' targets and HTML tags: the words a reader reads."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<[^>]+>", " ", text)


def main(argv):
    if len(argv) == 3 and argv[0] == "export":
        Path(argv[2]).write_text(export(load(argv[1])), encoding="utf-8")
    elif len(argv) == 4 and argv[0] == "import":
        english = load(argv[1])
        save(build(english, parse(Path(argv[2]).read_text(encoding="utf-8"))), argv[3])
    elif len(argv) == 3 and argv[0] == "compare":
        problems = differences(load(argv[1]), load(argv[2]))
        print("\n".join(problems) or "same code, same cells, translated")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
