"""Write tests/seeds/golden.json: the REFERENCE library's metadata for each v2 seed sample.

Run with the interpreter that has ``azure-functions==1.26.0`` installed, not
with azfn (this script never imports azfn)::

    /tmp/ref/bin/python tests/seeds/make_golden.py

For every ``samples/v2_*`` sample (a ``.py`` file, or a folder holding
``function_app.py``) it imports the sample the way the Python worker does
(the sample's folder on ``sys.path``, the stand-in modules of ``stubs/``
too), finds the single module-level ``FunctionRegister`` and records, for
each function of ``app.get_functions()`` (called once: the reference's
``get_functions`` fails when called twice on one app), its name, its
function JSON and its settings. A sample the reference refuses to index gets
``"error"`` (type and message) instead of ``"functions"``.

``read_blob``/``write_blob`` (early names of ``blob_input``/``blob_output``
that azfn keeps as aliases) do not exist in 1.26.0: for samples using them,
the source is imported with ``blob_input``/``blob_output`` substituted, and
the entry's ``"substituted"`` says so.

Not collected by pytest (the name does not start with ``test_``).
"""

from __future__ import annotations

import importlib.util
import json
import platform
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

if TYPE_CHECKING:
    from types import ModuleType

HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"
STUBS = HERE / "stubs"
GOLDEN = HERE / "golden.json"

#: Early decorator names azfn accepts, and what 1.26.0 calls them.
ALIASES = {"read_blob": "blob_input", "write_blob": "blob_output"}


def v2_samples() -> list[str]:
    """The v2 samples' keys: file names, or folder names for multi-file samples."""
    keys = [p.name for p in SAMPLES.glob("v2_*") if p.suffix == ".py" or p.is_dir()]
    return sorted(keys, key=natural)


def natural(name: str) -> list[int | str]:
    """Sort key putting v2_001_2 before v2_001_10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def script_of(key: str) -> Path:
    path = SAMPLES / key
    return path / "function_app.py" if path.is_dir() else path


def import_sample(key: str) -> tuple[ModuleType, dict[str, str]]:
    """Import sample *key* with the reference, after any alias substitution."""
    script = script_of(key)
    source = script.read_text(encoding="utf-8")
    substituted: dict[str, str] = {}
    for early, current in ALIASES.items():
        if f".{early}(" in source:
            source = source.replace(f".{early}(", f".{current}(")
            substituted[early] = current
    name = script.stem
    spec = importlib.util.spec_from_file_location(name, script)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    exec(compile(source, str(script), "exec"), module.__dict__)
    return module, substituted


def find_app(module: ModuleType) -> Any:
    """The single module-level FunctionRegister, found as the worker finds it."""
    from azure.functions import FunctionRegister

    apps = [v for k in module.__dir__() if isinstance(v := getattr(module, k), FunctionRegister)]
    distinct = list({id(a): a for a in apps}.values())
    if len(distinct) != 1:
        raise SystemExit(f"{module.__file__}: {len(distinct)} function apps, expected 1")
    return distinct[0]


def describe(app: Any) -> dict[str, Any]:
    try:
        functions = app.get_functions()
    except Exception as exc:  # recorded: the reference refuses the sample
        return {"error": {"type": type(exc).__name__, "message": str(exc)}}
    return {
        "functions": [
            {
                "name": f.get_function_name(),
                "json": f.get_function_json(),
                "settings": {s.setting_name: s.get_dict_repr() for s in f._settings},
            }
            for f in functions
        ]
    }


def golden_for(key: str) -> dict[str, Any]:
    saved_path, saved_modules = list(sys.path), dict(sys.modules)
    script = script_of(key)
    sys.path[:0] = [str(script.parent), str(STUBS)]
    try:
        module, substituted = import_sample(key)
        entry = describe(find_app(module))
    finally:
        sys.path[:] = saved_path
        for name in set(sys.modules) - set(saved_modules):
            if name.startswith("azure"):
                continue  # the reference library itself: keep it loaded
            del sys.modules[name]
    if substituted:
        entry = {"substituted": substituted, **entry}
    return entry


def main() -> None:
    import azure.functions

    samples = {key: golden_for(key) for key in v2_samples()}
    golden = {
        "generator": "tests/seeds/make_golden.py",
        "reference": f"azure-functions {azure.functions.__version__}",
        "python": platform.python_version(),
        # Public names of the reference package: an AttributeError for one of
        # these in azfn is a missing export, not a broken sample.
        "reference_exports": sorted(n for n in dir(azure.functions) if not n.startswith("_")),
        "samples": samples,
    }
    GOLDEN.write_text(json.dumps(golden, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for key, entry in samples.items():
        what = (
            f"{len(entry['functions'])} function(s)"
            if "functions" in entry
            else f"refused: {entry['error']['type']}"
        )
        print(f"{key:16} {what}")
    print(f"wrote {GOLDEN.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
