"""FunctionBuilder: the decorated function stays the user's function."""

from __future__ import annotations

import asyncio
import functools
import inspect
from typing import TYPE_CHECKING

import pytest

import azfn as func

if TYPE_CHECKING:
    from collections.abc import Callable


def test_decorated_function_keeps_identity(app: func.FunctionApp) -> None:
    """Name, qualname, doc, module, __wrapped__ and signature survive decoration."""

    def hello(req: object, extra: int = 1) -> str:
        """Say hello."""
        return "hi"

    decorated = app.route()(hello)
    assert decorated.__name__ == "hello"
    assert decorated.__qualname__ == hello.__qualname__
    assert decorated.__doc__ == "Say hello."
    assert decorated.__module__ == __name__
    assert decorated.__wrapped__ is hello
    assert inspect.signature(decorated) == inspect.signature(hello)


def test_calling_the_decorated_function_calls_it(app: func.FunctionApp) -> None:
    """Calling the builder forwards arguments and returns the result."""

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="c")
    def handle(msg: str) -> str:
        return msg.upper()

    assert handle("abc") == "ABC"
    assert handle.build().get_user_function()("x") == "X"


def test_async_function_stays_a_coroutine_function(app: func.FunctionApp) -> None:
    """inspect.iscoroutinefunction sees through the builder (host-semantics §A2.2)."""

    @app.route()
    async def hello(req: object) -> str:
        return "hi"

    assert inspect.iscoroutinefunction(hello)
    assert asyncio.run(hello(None)) == "hi"
    assert not inspect.iscoroutinefunction(app.route()(lambda req: None))


def test_build_is_cached_until_a_decorator_changes_the_function(app: func.FunctionApp) -> None:
    """build() returns the same Function until the record changes."""

    @app.route()
    def hello(req: object) -> None: ...

    first = hello.build()
    assert hello.build() is first
    assert hello._function is first
    app.function_name("renamed")(hello)
    assert hello.build() is not first
    assert hello.build().get_function_name() == "renamed"


def test_user_decorator_between_ours_keeps_one_function(app: func.FunctionApp) -> None:
    """A functools.wraps decorator between two app decorators keeps one record."""
    calls: list[str] = []

    def traced(fn: Callable[..., object]) -> Callable[..., object]:
        @functools.wraps(fn)
        def wrapper(*args: object, **kwargs: object) -> object:
            calls.append("traced")
            return fn(*args, **kwargs)

        return wrapper

    @app.route()
    @traced
    @app.queue_output(arg_name="out", queue_name="q", connection="c")
    def hello(req, out):  # type: ignore[no-untyped-def]  # unannotated: any binding type
        calls.append("hello")

    (function,) = app.get_functions()
    assert [b.name for b in function.get_bindings()] == ["out", "req", "$return"]
    function.get_user_function()(None, None)
    assert calls == ["traced", "hello"]


def test_non_callable_is_rejected(app: func.FunctionApp) -> None:
    """Decorating something that is not callable is a RegistrationError."""
    with pytest.raises(func.RegistrationError, match="apply to functions"):
        app.route()(42)  # type: ignore[arg-type]  # deliberately wrong
