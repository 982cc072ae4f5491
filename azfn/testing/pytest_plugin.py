# pyright: strict
"""azfn's pytest plugin: fixtures for the app under test, and reports that show invocations.

Registered through the ``pytest11`` entry point, so it is active as soon as
azfn is installed; ``-p no:azfn`` turns it off. Importing it loads neither
the in-process host nor Hypothesis: fixtures load what they need.

Fixtures (all session-scoped, so they also work in ``@given`` tests; what a
test changes is undone after it by an autouse fixture):

* ``azfn_app``: the app under test: ``--azfn-app`` or the ``azfn_app`` ini
  option (``module:attribute``, an app ``.py`` file, or a project folder),
  else ``function_app.py`` (or v1 ``function.json`` folders) at the rootdir.
  ``local.settings.json`` ``Values`` are put in ``os.environ`` (the existing
  environment wins) before the app is imported, as Core Tools does.
* ``azfn_client``: a :class:`~azfn.testing.Client` on it.
* ``azfn_settings``: the client's :class:`~azfn.testing.AppSettings`: set or
  delete a setting for one test, in ``os.environ`` and for invocations.

After each test the settings are restored, the client's delivery time
(``azfn_client.now``) is reset and its log handler released. When a test
fails, its report has an "azfn invocations" section: every function the
client ran, with its inputs, outcome and captured logs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from azfn.testing._recorder import Recorder

if TYPE_CHECKING:
    from collections.abc import Generator
    from collections.abc import Iterator

    from pluggy import Result

    from azfn._app.register import FunctionRegister
    from azfn.host._model import Project
    from azfn.testing._client import Client
    from azfn.testing._settings import AppSettings

__all__ = [
    "azfn_app",
    "azfn_client",
    "azfn_settings",
    "pytest_addoption",
    "pytest_runtest_makereport",
    "pytest_runtest_protocol",
]

_HELP = (
    "the function app under test: module:attribute, an app .py file, or a project folder "
    "(default: function_app.py at the rootdir)"
)
_RECORDER = pytest.StashKey[Recorder]()
_STATE = pytest.StashKey["_State"]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--azfn-app`` and the ``azfn_app`` ini option."""
    parser.addini("azfn_app", _HELP)
    group = parser.getgroup("azfn", "azfn (Azure Functions testing)")
    group.addoption("--azfn-app", dest="azfn_app", default=None, metavar="APP", help=_HELP)


class _State:
    """What the session fixtures made, for the per-test cleanup."""

    def __init__(self) -> None:
        self.client: Client | None = None
        self.settings: AppSettings | None = None
        self.applied: list[str] = []


def _state(config: pytest.Config) -> _State:
    state = config.stash.get(_STATE, None)
    if state is None:
        state = config.stash[_STATE] = _State()
    return state


def _target(config: pytest.Config) -> tuple[str, Path]:
    """The app spec and the folder whose settings files apply."""
    root = Path(config.rootpath)
    option: object = config.getoption("azfn_app")
    ini: object = config.getini("azfn_app")
    spec = str(option or ini or "").strip()
    if len(spec) >= 2 and spec[0] == spec[-1] and spec[0] in "\"'":
        spec = spec[1:-1].strip()  # ini files keep quotes: azfn_app = "module:attr"
    if not spec:
        has_v1 = any(root.glob("*/function.json"))
        if not (root / "function_app.py").is_file() and not has_v1:
            pytest.fail(
                f"azfn: no app to test: {root} has no function_app.py. Name it with "
                '`azfn_app = "module:attribute"` in the [pytest] ini section, or pass '
                "--azfn-app PATH_OR_MODULE:ATTRIBUTE",
                pytrace=False,
            )
        return str(root), root
    path = Path(spec) if Path(spec).is_absolute() else root / spec
    if path.exists():
        return str(path), path if path.is_dir() else path.parent
    return spec, root  # module:attribute, imported with the rootdir on sys.path


def _load(spec: str, folder: Path, state: _State) -> tuple[Project | None, str]:
    """Load the app (settings applied first, as Core Tools does); None and why on failure."""
    from azfn._loader import AppLoadError
    from azfn._loader import load_app
    from azfn.errors import FunctionLoadError
    from azfn.host._environment import apply_settings
    from azfn.host._project import load_project
    from azfn.host._project import read_local_settings

    try:
        state.applied = apply_settings(read_local_settings(folder))
        if Path(spec).exists():
            return load_project(spec), ""
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
        return load_project(load_app(spec).app, directory=folder), ""
    except (AppLoadError, FunctionLoadError) as exc:
        return None, str(exc)


@pytest.fixture(scope="session")
def _azfn_loaded(
    pytestconfig: pytest.Config,
) -> Iterator[tuple[FunctionRegister | Project, Project]]:
    from azfn.host._environment import restore_settings

    spec, folder = _target(pytestconfig)
    state = _state(pytestconfig)
    project, problem = _load(spec, folder, state)
    if project is None:
        restore_settings(state.applied)
        pytest.fail(f"azfn: cannot load the app {spec!r}:\n{problem}", pytrace=False)
    app: FunctionRegister | Project = project.app if project.app is not None else project
    yield app, project
    restore_settings(state.applied)


@pytest.fixture(scope="session")
def azfn_app(
    _azfn_loaded: tuple[FunctionRegister | Project, Project],
) -> FunctionRegister | Project:
    """The function app under test (a loaded ``Project`` for a v1 folder)."""
    return _azfn_loaded[0]


@pytest.fixture(scope="session")
def azfn_client(
    pytestconfig: pytest.Config, _azfn_loaded: tuple[FunctionRegister | Project, Project]
) -> Iterator[Client]:
    """A :class:`~azfn.testing.Client` on the app under test."""
    from azfn.testing._client import Client

    client = Client(_azfn_loaded[1])
    _state(pytestconfig).client = client
    yield client
    client.close()


@pytest.fixture(scope="session")
def azfn_settings(pytestconfig: pytest.Config, azfn_client: Client) -> AppSettings:
    """The client's app settings; what a test changes is restored after it."""
    from azfn.testing._settings import AppSettings

    settings = AppSettings(azfn_client.project.settings)
    _state(pytestconfig).settings = settings
    return settings


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, None]:
    """Record the client's calls while the test runs (for its failure report)."""
    with Recorder() as recorder:
        item.stash[_RECORDER] = recorder
        try:
            yield
        finally:
            # The reports are made: let go of the invocations (and whatever
            # their exceptions' tracebacks keep alive, clients included).
            del item.stash[_RECORDER]


@pytest.fixture(autouse=True)
def _azfn_per_test(pytestconfig: pytest.Config) -> Generator[None, None, None]:
    # Undo what the test changed on the session fixtures. Autouse, so that
    # Hypothesis does not count it as a function-scoped fixture of the test.
    yield
    state = pytestconfig.stash.get(_STATE, None)
    if state is None:
        return
    if state.settings is not None:
        state.settings.restore()
    if state.client is not None:
        state.client.now = None
        state.client.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
) -> Generator[None, Result[pytest.TestReport], None]:
    """Add the invocations of a failed test to its report."""
    outcome = yield
    report = outcome.get_result()
    recorder = item.stash.get(_RECORDER, None)
    if report.failed and recorder is not None and recorder.entries:
        report.sections.append(("azfn invocations", recorder.report()))
