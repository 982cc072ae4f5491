"""Every decorator's metadata, key order included, against the golden table.

``golden.json`` was written by ``make_golden.py`` from azure-functions 1.26.0.
Each case is a snippet that decorates ``f``; it runs here against azfn, and,
when the reference is installed, against it too (the differential tests).
Cases with a ``fix`` note hold azfn's intended output, not the reference's.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import re
import types
from pathlib import Path
from typing import Any
from typing import Generic
from typing import TypeVar

import pytest

import azfn
from azfn.bindings import _base
from azfn.bindings import durable
from azfn.enums import StringifyEnum
from azfn.errors import IntegrationUnavailableError

GOLDEN: dict[str, Any] = json.loads(
    Path(__file__).with_name("golden.json").read_text(encoding="utf-8")
)
CASES: list[dict[str, Any]] = GOLDEN["cases"]
SIGNATURES: list[dict[str, Any]] = GOLDEN["signatures"]
#: The cases where azfn and the reference agree.
FAITHFUL = [c for c in CASES if "fix" not in c]

T = TypeVar("T")

#: The ``decorators`` modules a snippet may use as ``dec.<name>``: those
#: make_golden.py recorded, so the list is kept in one place.
MODULES = tuple(name for name in GOLDEN["module_names"] if name != "__init__")

#: Parameters azfn's method has beyond the reference's: the reference takes
#: them through ``**kwargs`` (they are parameters of its binding class).
EXTRA_PARAMETERS = {"mcp_tool_trigger": ["metadata", "use_result_schema"]}


class Out(Generic[T]):
    """Stands in for ``func.Out``: the worker checks the class name."""


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in cases]


def _namespace(root: str) -> dict[str, Any]:
    func = importlib.import_module(root)
    dec = types.SimpleNamespace(
        **{name: importlib.import_module(f"{root}.decorators.{name}") for name in MODULES}
    )
    return {"app": func.FunctionApp(), "func": func, "dec": dec, "datetime": datetime}


def _raw_before_build(root: str, builder: Any) -> list[str]:
    if root == "azfn":
        return [json.dumps(b.to_metadata()) for b in builder._bindings]
    return list(builder._function.get_raw_bindings())


def run(root: str, source: str, *, build: bool) -> tuple[list[str], str | None]:
    """Run a golden snippet with package *root*; return its raw bindings and JSON."""
    ns = _namespace(root)
    # dont_inherit: this module's `from __future__ import annotations` must not
    # leak into the snippet.
    exec(compile(source, f"<golden {root}>", "exec", dont_inherit=True), ns)
    if not build:
        return _raw_before_build(root, ns["f"]), None
    (function,) = ns["app"].get_functions()
    return list(function.get_raw_bindings()), str(function.get_function_json())


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_metadata_matches_golden(case: dict[str, Any]) -> None:
    """azfn emits the golden metadata, byte for byte (key order included)."""
    raw, function_json = run("azfn", case["source"], build=case["build"])
    assert raw == case["raw"]
    assert function_json == case["function_json"]


def test_golden_covers_every_decorator_method() -> None:
    """Each public decorator method of the reference has golden cases."""
    methods = {row["method"] for row in SIGNATURES}
    no_metadata = {"function_name", "http_type", "retry", "mcp_tool_property"}
    durable_methods = {"orchestration_trigger", "entity_trigger", "activity_trigger"}
    durable_methods.add("durable_client_input")
    covered = {c["id"].split("/")[0] for c in CASES}
    missing = methods - covered - no_metadata - durable_methods
    assert missing == set()


def test_fixes_are_explained() -> None:
    """Every case that departs from the reference says why and keeps its output."""
    for case in CASES:
        if "fix" in case:
            assert case["fix"]
            assert case["reference"]


def test_read_blob_and_write_blob_are_blob_input_and_output() -> None:
    """The documentation samples' read_blob / write_blob emit blob bindings."""
    app = azfn.FunctionApp()

    @app.write_blob("out", "out/{name}", "Storage")
    @app.read_blob("inp", "in/{name}", "Storage")
    @app.blob_trigger("trig", "trig/{name}", "Storage")
    def copy(trig: str, inp: str, out: Out[str]) -> None: ...

    (function,) = app.get_functions()
    kinds = [(b.type, b.direction) for b in function.get_bindings()]
    assert kinds == [("blobTrigger", 0), ("blob", 0), ("blob", 1)]


# -- signatures ------------------------------------------------------------------------


def _our_parameters(method: str) -> list[tuple[str, object]]:
    attr = inspect.getattr_static(azfn.Blueprint, method)
    binding = getattr(attr, "_binding", None)
    if isinstance(binding, type) and issubclass(binding, _base.Binding):
        return [
            (f.name, {"$required": True} if f.required else _encode(f.default))
            for f in _base.fields(binding)
        ]
    params = list(inspect.signature(getattr(azfn.Blueprint(), method)).parameters.values())
    return [
        (
            p.name,
            {"$required": True} if p.default is inspect.Parameter.empty else _encode(p.default),
        )
        for p in params
        if p.kind is not inspect.Parameter.VAR_KEYWORD
    ]


def _encode(default: object) -> object:
    if isinstance(default, StringifyEnum):
        return {"$enum": f"{type(default).__name__}.{default.name}"}
    return default


@pytest.mark.parametrize("row", SIGNATURES, ids=[r["method"] for r in SIGNATURES])
def test_signature_matches_the_reference(row: dict[str, Any]) -> None:
    """Each reference decorator method exists with the same parameters and defaults."""
    theirs = [(p["name"], p["default"]) for p in row["parameters"] if p["kind"] != "VAR_KEYWORD"]
    ours = _our_parameters(row["method"])
    extra = EXTRA_PARAMETERS.get(row["method"], [])
    assert ours[: len(theirs)] == theirs
    assert [name for name, _ in ours[len(theirs) :]] == extra


@pytest.mark.parametrize("row", SIGNATURES, ids=[r["method"] for r in SIGNATURES])
def test_extra_keywords_accepted_where_the_reference_accepts_them(row: dict[str, Any]) -> None:
    """Methods with **kwargs in the reference take extra keywords; the others refuse them."""
    params = row["parameters"]
    takes_kwargs = any(p["kind"] == "VAR_KEYWORD" for p in params)
    method = row["method"]
    if method in {"orchestration_trigger", "entity_trigger", "activity_trigger"}:
        pytest.skip("durable decorators raise IntegrationUnavailableError")
    if method == "durable_client_input":
        pytest.skip("durable decorators raise IntegrationUnavailableError")
    required = [p["name"] for p in params if p["default"] == {"$required": True}]
    args = {name: "x" for name in required}
    call = getattr(azfn.Blueprint(), method)
    if takes_kwargs:
        call(**args, extra_setting=1)
    else:
        with pytest.raises(TypeError):
            call(**args, extra_setting=1)


# -- durable -----------------------------------------------------------------------------


@pytest.mark.parametrize("entry", GOLDEN["durable"], ids=lambda e: str(e["class"]))
def test_durable_declarations_render_like_azure_functions_durable(entry: dict[str, Any]) -> None:
    """The durable declarations emit what azure-functions-durable emits."""
    cls = getattr(durable, entry["class"])
    binding = cls(**entry["kwargs"])
    assert json.dumps(binding.to_metadata()) == json.dumps(entry["metadata"])


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("orchestration_trigger", ("context",)),
        ("entity_trigger", ("context",)),
        ("activity_trigger", ("name",)),
        ("durable_client_input", ("client",)),
    ],
)
def test_durable_decorators_say_the_integration_is_missing(
    method: str, args: tuple[str, ...]
) -> None:
    """Calling a durable decorator raises IntegrationUnavailableError with a way forward."""
    with pytest.raises(IntegrationUnavailableError, match="azure-functions-durable") as info:
        getattr(azfn.FunctionApp(), method)(*args)
    assert isinstance(info.value, NotImplementedError)
    assert method in str(info.value)


# -- differential (only with the reference installed) ---------------------------------


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_reference_still_emits_the_golden_metadata(case: dict[str, Any]) -> None:
    """The installed reference reproduces the table (or its recorded output, for fixes)."""
    pytest.importorskip("azure.functions")
    expected = case.get("reference", {"raw": case["raw"], "function_json": case["function_json"]})
    if "error" in expected:
        with pytest.raises(Exception, match=re.escape(expected["error"].split(": ", 1)[1])):
            run("azure.functions", case["source"], build=case["build"])
        return
    raw, function_json = run("azure.functions", case["source"], build=case["build"])
    assert raw == expected["raw"]
    assert function_json == expected["function_json"]


@pytest.mark.parametrize("case", FAITHFUL, ids=_ids(FAITHFUL))
def test_azfn_matches_the_live_reference(case: dict[str, Any]) -> None:
    """azfn and the installed reference emit the same metadata for the same code."""
    pytest.importorskip("azure.functions")
    theirs = run("azure.functions", case["source"], build=case["build"])
    assert run("azfn", case["source"], build=case["build"]) == theirs
