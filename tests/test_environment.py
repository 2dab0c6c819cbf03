"""environment.yml (conda/Binder) and pyproject.toml must list the same packages."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    conda = set()
    dependencies = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    for line in dependencies.splitlines():
        m = re.match(r"^\s{2}- ([A-Za-z0-9_.-]+)", line)   # conda packages
        p = re.match(r"^\s{6}- ([A-Za-z][A-Za-z0-9_.-]*)", line)   # packages under `- pip:` (not `-e .`)
        if m and m.group(1) not in ("python", "pip"):
            conda.add(_name(m.group(1)))
        elif p:
            conda.add(_name(p.group(1)))
    assert conda == wanted, f"only in environment.yml: {conda - wanted}; only in pyproject.toml: {wanted - conda}"


def test_environment_yml_installs_the_repo_for_binder():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- -e \.\s*$", text, re.M), "environment.yml must pip-install the repo (-e .)"
    assert "python=3.11" in text


def test_versions_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {_name(r): r.strip()[len(_name(r)):] for r in project["dependencies"]}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s{2}- ([A-Za-z0-9_.-]+)(.*)$", line)
        if m and _name(m.group(1)) in pins:
            assert m.group(2).strip() == pins[_name(m.group(1))], f"version of {m.group(1)} differs"
