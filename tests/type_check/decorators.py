"""What a type checker sees through azfn's decorators (checked by mypy and pyright).

Not collected by pytest. Each ``# type: ignore[...]`` / ``# pyright: ignore``
pins an error that must keep being reported: both checkers flag unused ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import Any

from typing_extensions import assert_type

import azfn as func

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Coroutine

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
bp = func.Blueprint()


@app.route(route="items/{id}", methods=["GET"])
@app.queue_output(arg_name="out", queue_name="q", connection="c")
def get_item(req: str, out: list[str], *, verbose: bool = False) -> int:
    return 1


# The decorated name keeps the function's parameters and return type.
assert_type(get_item("r", []), int)
assert_type(get_item("r", [], verbose=True), int)
get_item(1, [])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
get_item("r")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
get_item("r", [], loud=True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]

# build() and get_user_function() are typed as the original callable.
function = get_item.build()
assert_type(function.get_user_function()("r", []), int)
assert_type(function.get_function_name(), str)
assert_type(function.get_raw_bindings(), list[str])
assert_type(get_item.__wrapped__("r", []), int)
user_function: Callable[[str, list[str]], int] = function.get_user_function()


# async def stays a coroutine function.
@bp.route()
async def fetch(req: str) -> bytes:
    return b""


pending: Coroutine[Any, Any, bytes] = fetch("r")
pending.close()
fetcher: Callable[[str], Coroutine[Any, Any, bytes]] = fetch.build().get_user_function()
not_a_coroutine: Callable[[str], bytes] = fetch  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]


# Decorator methods expose the binding's parameters: a misspelled keyword,
# a missing argument or a wrong type is an error.
app.queue_trigger(arg_name="msg", queue_nam="q", connection="c")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
app.queue_trigger(arg_name="msg", queue_name="q")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
app.timer_trigger(arg_name="t", schedule=5)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
app.route(methods=[func.HttpMethod.GET, "post"], auth_level="anonymous")
app.queue_trigger("msg", "q", "c", data_type=func.DataType.STRING)


# Stacked decorators in any order keep the type.
@app.function_name("Named")
@app.retry(strategy="fixed_delay", max_retry_count="3", delay_interval="00:00:01")
@app.timer_trigger(arg_name="timer", schedule="0 */5 * * * *")
def tick(timer: object) -> None: ...


assert_type(tick(None), None)

# Apps index to Function objects.
functions = app.get_functions()
assert_type(functions, list[func.Function[..., object]])
problems = app.validate()
assert_type(problems, list[func.Problem])
