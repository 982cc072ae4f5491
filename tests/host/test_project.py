"""load_project: v2 objects, folders, blueprints, v1 folders, host.json, local.settings.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import azfn as func
from azfn._loader import AppLoadError
from azfn.errors import FunctionLoadError
from azfn.host._project import load_project

PROJECTS = Path(__file__).parent / "projects"


def test_v2_app_object() -> None:
    """host-semantics §A1.1: an app object is indexed; functions in case-insensitive name order."""
    app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)

    @app.function_name("Zed")
    @app.route(route="z")
    def zed(req: func.HttpRequest) -> str:
        return "z"

    @app.route(route="a")
    def apple(req: func.HttpRequest) -> str:
        return "a"

    project = load_project(app, settings={"A": "1"})
    assert list(project.functions) == ["apple", "Zed"]
    assert project.route_prefix == "api"
    assert project.settings == {"A": "1"}
    assert project.directory is None
    assert project.functions["apple"].directory == str(Path(__file__).parent)
    assert project.function("zed").name == "Zed"


def test_blueprint_alone() -> None:
    """host-semantics §A1.1: a Blueprint alone is indexed through a throwaway app."""
    bp = func.Blueprint()

    @bp.route(route="x")
    def only(req: func.HttpRequest) -> str:
        return "x"

    project = load_project(bp)
    assert list(project.functions) == ["only"]
    assert project.functions["only"].trigger.raw.get("authLevel") in {"ANONYMOUS", "anonymous"}


def test_v2_validation_problems_all_reported() -> None:
    """host-semantics §A1.1: the app's validate() problems raise one FunctionLoadError."""
    app = func.FunctionApp()

    @app.route(route="same")
    def first(req: func.HttpRequest) -> str:
        return ""

    @app.function_name("first")
    @app.route(route="other")
    def second(req: func.HttpRequest) -> str:
        return ""

    with pytest.raises(FunctionLoadError) as info:
        load_project(app)
    assert info.value.problems


def test_v2_folder_reads_host_and_local_settings() -> None:
    """host-semantics §A4.3: host.json routePrefix and local.settings.json Values (nulls skipped)."""
    project = load_project(PROJECTS / "v2app", settings={"OVERRIDDEN": "explicit"})
    assert list(project.functions) == ["hello", "Xarchive"]
    assert project.route_prefix == "v2"
    assert project.settings["GREETING_ENV"] == "file"
    assert project.settings["OVERRIDDEN"] == "explicit"
    assert "SKIPPED" not in project.settings
    assert project.directory == (PROJECTS / "v2app").resolve()
    assert project.functions["hello"].directory == str((PROJECTS / "v2app").resolve())


def test_v2_script_path_and_route_prefix_override() -> None:
    """host-semantics §A3.1: an explicit route prefix wins over host.json."""
    project = load_project(str(PROJECTS / "v2app" / "function_app.py"), route_prefix="/")
    assert project.route_prefix == ""


def test_v1_folder() -> None:
    """host-semantics §A1.2: <Name>/function.json with scriptFile, entryPoint and $return."""
    project = load_project(PROJECTS / "v1app")
    assert list(project.functions) == ["HttpHello", "ProcessOrder"]
    hello = project.functions["HttpHello"]
    assert hello.trigger.type == "httpTrigger"
    assert hello.return_binding is not None
    assert hello.return_binding.name == "$return"
    assert hello.directory.endswith("HttpHello")
    order = project.functions["ProcessOrder"]
    assert order.func.__name__ == "handle"
    assert project.route_prefix == "api"
    assert project.settings == {"FUNCTIONS_WORKER_RUNTIME": "python"}
    assert any("AzureWebJobsStorage" in w for w in project.warnings)


def test_v1_relative_imports_work() -> None:
    """host-semantics §A1.2: the script is imported under __app__, so relative imports work."""
    project = load_project(PROJECTS / "v1app")
    hello = project.functions["HttpHello"]
    response = hello.func(
        func.HttpRequest("GET", "/api/greet/ann", route_params={"name": "ann"}, body=None)
    )
    assert isinstance(response, func.HttpResponse)
    assert response.get_body() == b"hi ann"


def test_v1_broken_functions_all_reported() -> None:
    """host-semantics §A1.2: each broken function is reported with the worker's message."""
    with pytest.raises(FunctionLoadError) as info:
        load_project(PROJECTS / "v1broken")
    by_function = {p.function: p.message for p in info.value.problems}
    assert set(by_function) == {"BadScript", "NoEntry"}
    assert "invalid Python filename" in by_function["BadScript"]
    assert "function main() is not present" in by_function["NoEntry"]


def test_local_settings_non_string_values() -> None:
    """host-semantics §A4.3: Values are strings only; each non-string value is named."""
    with pytest.raises(FunctionLoadError) as info:
        load_project(PROJECTS / "badsettings")
    text = str(info.value)
    assert "'PORT'" in text
    assert "'NESTED'" in text
    assert '"7071"' in text


def test_malformed_and_encrypted_files(tmp_path: Path) -> None:
    """host-semantics §A4.3: malformed host.json and encrypted local.settings.json are clear errors."""
    (tmp_path / "function_app.py").write_text(
        "import azfn as func\napp = func.FunctionApp()\n", encoding="utf-8"
    )
    (tmp_path / "host.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(FunctionLoadError, match=r"host\.json is not valid JSON"):
        load_project(tmp_path)
    (tmp_path / "host.json").write_text(json.dumps({"version": "2.0"}), encoding="utf-8")
    (tmp_path / "local.settings.json").write_text(
        json.dumps({"IsEncrypted": True, "Values": {}}), encoding="utf-8"
    )
    with pytest.raises(FunctionLoadError, match="encrypted"):
        load_project(tmp_path)


def test_empty_folder(tmp_path: Path) -> None:
    """host-semantics §A1.1: a folder without an app says what it expected."""
    with pytest.raises(AppLoadError, match=r"function_app\.py"):
        load_project(tmp_path)


def test_wrong_target_type() -> None:
    """host-semantics §A1.1: anything else is a TypeError naming what is accepted."""
    with pytest.raises(TypeError, match="FunctionApp"):
        load_project(42)  # type: ignore[arg-type]
