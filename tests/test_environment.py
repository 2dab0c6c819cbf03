"""environment.yml (conda/Binder) and pyproject.toml must list the same packages; the developer tools parse their options."""
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib                  # Python 3.11 and newer
except ModuleNotFoundError:         # Python 3.10: tomli, which pytest itself requires there
    import tomli as tomllib

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


def _blas_tool():
    spec = importlib.util.spec_from_file_location("check_blas_kernels", ROOT / "tools" / "check_blas_kernels.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)     # its dataclass looks its module up there
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


# tools/check_blas_kernels.py runs every notebook under several OpenBLAS kernels: tests only parse its options.
def test_blas_kernel_tool_help():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "check_blas_kernels.py"), "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for option in ("--notebooks", "--kernels", "--threads", "-j"):
        assert option in done.stdout


def test_blas_kernel_tool_options():
    tool = _blas_tool()
    args = tool.parse_args([])
    assert args.kernels == ["default", "Haswell", "SkylakeX", "Zen", "Sandybridge"]
    assert args.threads == [1, 2] and args.jobs == 1 and args.notebooks == ["notebooks"]
    args = tool.parse_args(["--kernels", "skylakex", "Zen", "--threads", "2", "-j", "2",
                            "--notebooks", "notebooks/00_start_here.ipynb"])
    assert args.kernels == ["SkylakeX", "Zen"] and args.threads == [2] and args.jobs == 2


@pytest.mark.parametrize("argv", [["--kernels", "Pentium"], ["--threads", "0"], ["-j", "0"],
                                  ["--notebooks", "no/such.ipynb"]])
def test_blas_kernel_tool_rejects_bad_options(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        _blas_tool().parse_args(argv)
    assert stop.value.code == 2
    assert argv[0].lstrip("-") in capsys.readouterr().err


def test_blas_kernel_tool_sets_variables_for_the_child_only(monkeypatch):
    tool = _blas_tool()
    monkeypatch.setenv("OPENBLAS_L2_SIZE", "1048576")
    before = dict(os.environ)
    env = tool.child_env("Sandybridge", 2)
    assert env["OPENBLAS_CORETYPE"] == "Sandybridge" and "OPENBLAS_L2_SIZE" not in env
    assert env["OPENBLAS_NUM_THREADS"] == env["OMP_NUM_THREADS"] == "2"
    assert dict(os.environ) == before                 # this process is untouched
    assert tool.child_env("default", 1).get("OPENBLAS_L2_SIZE") == "1048576"   # "default" changes nothing
    assert "AVX2" in tool.child_env("Haswell", 1)["NPY_ENABLE_CPU_FEATURES"]       # NumPy's SIMD as on that CPU
    assert "NPY_ENABLE_CPU_FEATURES" not in tool.child_env("Haswell", 1, numpy_simd="native")
    assert "NPY_ENABLE_CPU_FEATURES" not in tool.child_env("SkylakeX", 1)


def test_blas_kernel_tool_skips_a_kernel_this_cpu_cannot_run(monkeypatch, capsys):
    """SkylakeX on a CPU without AVX-512: Python dies with SIGILL as NumPy loads.  The tool must say so and not
    start nbval (which would wait for kernels that die at once)."""
    tool = _blas_tool()
    monkeypatch.setattr(tool, "PROBE", "import os, signal; os.kill(os.getpid(), signal.SIGILL)")
    monkeypatch.setattr(tool, "nbval_command", lambda *a: pytest.fail("nbval started for a kernel that cannot run"))
    outcome = tool.run_one("SkylakeX", 1, ["notebooks/00_start_here.ipynb"])
    assert "SIGILL" in outcome.cannot_run and outcome.passed == 0 and not outcome.failed
    tool.print_matrix([outcome], ["SkylakeX"], [1])
    shown = capsys.readouterr().out
    assert "CPU can't" in shown and "not checked" in shown and "SIGILL" in shown


def test_blas_kernel_tool_refuses_to_run_in_ci():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "check_blas_kernels.py")], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "CI": "true"})
    assert done.returncode == 2 and "CI" in done.stderr and not done.stdout
