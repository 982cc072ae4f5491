"""Every ```python block in README.md and docs/ runs (nox -s docs; also in the default run).

Blocks of one file run in order in one namespace, so a page can build on its
earlier examples. A block whose first line is ``# doc: skip`` is not run. A
block whose first line is ``# file: NAME`` is a file of an example project:
the page's project files are written to a folder where pytest must pass.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(page: Path) -> list[str]:
    return [
        b
        for b in BLOCK.findall(page.read_text(encoding="utf-8"))
        if not b.startswith(("# doc: skip", "# file: "))
    ]


def _files(page: Path) -> dict[str, str]:
    blocks = BLOCK.findall(page.read_text(encoding="utf-8"))
    return {
        b.split("\n", 1)[0].removeprefix("# file: ").strip(): b.split("\n", 1)[1]
        for b in blocks
        if b.startswith("# file: ")
    }


@pytest.mark.parametrize(
    "page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's Python examples run top to bottom without error."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(_blocks(page), start=1):
        code = compile(block, f"{page.name} block {number}", "exec")
        exec(code, namespace)


@pytest.mark.skipif(
    not any(e.name == "azfn" for e in metadata.entry_points(group="pytest11")),
    reason="azfn is not installed (pip install -e .): its pytest plugin is not registered",
)
@pytest.mark.parametrize(
    "page", [p for p in PAGES if _files(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_page_projects_pass_their_tests(page: Path, tmp_path: Path) -> None:
    """The page's example project (``# file:`` blocks) passes pytest, plugin included."""
    for name, text in _files(page).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_api_reference_is_up_to_date() -> None:
    """docs/api.md is what docs/make_api.py writes from the code today."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_api", ROOT / "docs" / "make_api.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    assert (ROOT / "docs" / "api.md").read_text(encoding="utf-8") == expected, (
        "docs/api.md is stale: run python docs/make_api.py"
    )
