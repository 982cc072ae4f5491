"""Write docs/api.md from the code: ``python docs/make_api.py``.

The decorator tables come from the binding declarations themselves, so the
reference cannot drift from what the decorators accept and emit;
``tests/test_docs.py`` fails when ``docs/api.md`` is out of date.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import azfn
from azfn._app.bindings import BindingApi
from azfn._app.decorators import binding_method
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn.bindings._base import Binding
from azfn.bindings._base import fields

OUTPUT = Path(__file__).with_name("api.md")

INTRO = """# API reference

Generated from the code by `python docs/make_api.py`; do not edit by hand.
Everything here is importable from `azfn` (`import azfn as func`); the
reference library's module paths (`azfn.decorators.<service>`,
`azfn.http`, `azfn.queue`, ...) work too.
"""


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ")


def _default(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _binding_params(cls: type[Binding]) -> str:
    parts = []
    for field in fields(cls):
        parts.append(
            f"`{field.name}`" if field.required else f"`{field.name}={_default(field.default)}`"
        )
    return ", ".join(parts)


def _method_params(method: object) -> str:
    signature = inspect.signature(method)  # type: ignore[arg-type]
    parts = []
    for name, param in signature.parameters.items():
        if name == "self":
            continue
        if param.default is inspect.Parameter.empty:
            parts.append(f"`{name}`")
        else:
            parts.append(f"`{name}={_default(param.default)}`")
    return ", ".join(parts) or "—"


def _decorators(api: type[object], title: str) -> list[str]:
    lines = [f"## {title}", "", "| method | host binding | parameters | what it declares |"]
    lines.append("|---|---|---|---|")
    for name, value in sorted(vars(api).items()):
        if name.startswith("_"):
            continue
        if isinstance(value, binding_method):
            cls: type[Binding] = value._binding  # noqa: SLF001
            binding_type = getattr(cls, "type", "")
            kind = (
                f"`{binding_type}` ({cls.direction.name})"
                if isinstance(binding_type, str)
                else "(given)"
            )
            lines.append(f"| `{name}` | {kind} | {_binding_params(cls)} | {_summary(cls)} |")
        elif callable(value):
            lines.append(f"| `{name}` | — | {_method_params(value)} | {_summary(value)} |")
    return [*lines, ""]


def _members(cls: type[object], title: str, *more: type[object]) -> list[str]:
    lines = [f"## {title}", "", _summary(cls), "", "| member | description |", "|---|---|"]
    found: dict[str, object] = {}
    for klass in (*more, cls):
        found.update(vars(klass))
    described = _documented_attributes(cls)
    for name, value in found.items():
        if name.startswith("_") or name in {"register_blueprint"}:
            continue
        if isinstance(value, (property, staticmethod, classmethod)) or callable(value):
            described[name] = _summary(value)
    lines += [f"| `{name}` | {text} |" for name, text in sorted(described.items())]
    return [*lines, ""]


def _documented_attributes(cls: type[object]) -> dict[str, str]:
    """The ``Attributes:`` section of a class's docstring, by name."""
    doc = inspect.getdoc(cls) or ""
    section = doc.split("Attributes:\n", 1)[1] if "Attributes:\n" in doc else ""
    found: dict[str, str] = {}
    name = ""
    for line in section.splitlines():
        if line.startswith("    ") and not line.startswith("     ") and ":" in line:
            name, text = line.strip().split(":", 1)
            found[name] = text.strip()
        elif line.startswith("        ") and name:
            found[name] += " " + line.strip()
        elif line.strip():
            break  # the next section
    return found


def _types() -> list[str]:
    lines = ["## Binding types and other public names", "", "| name | description |", "|---|---|"]
    for name in azfn.__all__:
        value = getattr(azfn, name)
        if inspect.isclass(value) and issubclass(value, (FunctionRegister, TriggerApi)):
            continue
        text = _summary(value) if name != "JSONValue" else "A JSON value (parsed JSON bodies)."
        lines.append(f"| `{name}` | {text} |")
    return [*lines, ""]


def render() -> str:
    """Return the text of docs/api.md."""
    lines = [INTRO]
    apps = "`FunctionApp` and `FunctionRegister`"
    lines += _members(azfn.FunctionApp, apps, azfn.DecoratorApi, FunctionRegister)
    lines += _members(azfn.Function, "`Function`")
    lines += _members(azfn.FunctionBuilder, "`FunctionBuilder` (what decorators return)")
    lines += _decorators(TriggerApi, "Trigger decorators (`TriggerApi`)")
    lines += _decorators(BindingApi, "Input and output binding decorators (`BindingApi`)")
    lines += _decorators(SettingsApi, "Setting decorators")
    lines += [
        "`function_name(name)` and `http_type(http_type)` are on every app and blueprint.",
        "",
    ]
    lines += _types()
    from azfn.testing import AppSettings
    from azfn.testing import Client
    from azfn.testing import Invocation
    from azfn.testing import Response

    lines += _members(Client, "`azfn.testing.Client` (in-process host)")
    lines += _members(Invocation, "`azfn.testing.Invocation` (what `invoke` returns)")
    lines += _members(Response, "`azfn.testing.Response`")
    lines += _members(AppSettings, "`azfn.testing.AppSettings` (the `azfn_settings` fixture)")
    lines += _fixtures()
    lines += _strategies()
    return "\n".join(lines).rstrip() + "\n"


def _fixtures() -> list[str]:
    from azfn.testing import pytest_plugin

    lines = ["## pytest fixtures (`azfn.testing.pytest_plugin`)", "", "| fixture | description |"]
    lines.append("|---|---|")
    for name in ("azfn_app", "azfn_client", "azfn_settings"):
        lines.append(f"| `{name}` | {_summary(getattr(pytest_plugin, name))} |")
    return [*lines, ""]


def _strategies() -> list[str]:
    from azfn import strategies

    lines = ["## Hypothesis strategies (`azfn.strategies`)", "", "| strategy | description |"]
    lines.append("|---|---|")
    for name in strategies.__all__:
        function = getattr(strategies, name)
        lines.append(f"| `{name}{inspect.signature(function)}` | {_summary(function)} |")
    return [*lines, ""]


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUTPUT}\n")
