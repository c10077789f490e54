"""An installed lawcheck works from any folder: the wheel carries the checklist and the samples.

Builds the wheel (no network: the build backend is already installed), installs it into a fresh virtual
environment whose dependencies come from this one, and runs check, offences list and demo from an empty
temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh environment with the wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-v", "-w", base / "dist", ROOT)
    assert built.returncode == 0, built.stderr
    (base / "build.log").write_text(built.stdout + built.stderr, encoding="utf-8")  # -v: the build backend's words
    wheel = next((base / "dist").glob("lawcheck-*.whl"))
    venv = base / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv).returncode == 0
    python = venv / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel)
    assert done.returncode == 0, done.stderr
    return venv / "bin"


@pytest.mark.slow
def test_the_wheel_carries_the_checklist_and_the_samples(installed: Path) -> None:
    wheel = next((installed.parent.parent / "dist").glob("lawcheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "lawcheck/checklist/hague-1970.yaml" in names and "lawcheck/checklist/drafting/en.yaml" in names
    assert "lawcheck/samples/demo.yaml" in names and "lawcheck/samples/en/counter-terrorism-bill.txt" in names
    assert "lawcheck/serve/templates/report.html.j2" in names and "lawcheck/serve/static/serve.js" in names
    assert "lawcheck/render/templates/report.html.j2" in names
    assert {f"lawcheck/render/labels/{language}.yaml" for language in ("en", "fr", "es", "ar", "ru", "zh")} <= set(names)


@pytest.mark.slow
def test_the_wheel_builds_without_a_packaging_warning(installed: Path) -> None:
    """Every data folder inside the package (labels, templates, static files) is listed as a package: setuptools
    warns about a folder Python could import but the configuration does not name."""
    log = (installed.parent.parent / "build.log").read_text(encoding="utf-8")
    assert "Successfully built lawcheck" in log
    assert "BuildBackendWarning" not in log and "absent from the `packages` configuration" not in log, log[-3000:]


@pytest.mark.slow
@pytest.mark.parametrize("command", [["offences", "list"], ["demo"], ["check", "SAMPLE"]])
def test_an_installed_lawcheck_works_from_any_folder(installed: Path, tmp_path: Path, command: list[str]) -> None:
    where = _run(installed / "python", "-c", "import lawcheck, lawcheck.data as d; print(lawcheck.__file__); print(d.samples_dir())",
                 cwd=tmp_path)
    module, samples = where.stdout.split()
    assert str(installed.parent) in module  # the wheel's lawcheck, not the checkout's
    args = [str(Path(samples) / "en" / "counter-terrorism-bill.txt") if a == "SAMPLE" else a for a in command]
    result = _run(installed / "lawcheck", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
