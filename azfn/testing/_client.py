# pyright: strict
"""The test client: HTTP requests and invocations against an in-process host."""

from __future__ import annotations

import dataclasses
import logging
import weakref
from typing import TYPE_CHECKING

from azfn.host._http import HostResponse
from azfn.host._http import HttpHost
from azfn.host._http import HttpHostError
from azfn.host._http import http_wire
from azfn.host._http import response_for
from azfn.host._inputs import invocation_request
from azfn.host._invoker import InvocationRequest
from azfn.host._invoker import invoke
from azfn.host._invoker import invoke_sync
from azfn.host._logs import LogSession
from azfn.host._model import Project
from azfn.testing._recorder import Recorded
from azfn.testing._recorder import current_recorder
from azfn.testing._recorder import describe_inputs
from azfn.testing._recorder import describe_outcome
from azfn.testing._request import build_request
from azfn.testing._response import Response

if TYPE_CHECKING:
    import datetime
    import os
    from collections.abc import Mapping
    from collections.abc import Sequence
    from types import TracebackType

    from typing_extensions import Self
    from typing_extensions import Unpack

    from azfn._app.register import FunctionRegister
    from azfn.decorators import Blueprint
    from azfn.host._http import HostRequest
    from azfn.host._invoker import InvocationResult
    from azfn.host._model import FunctionInfo
    from azfn.host._router import RouteMatch
    from azfn.testing._request import BodyInput
    from azfn.testing._request import FileInput
    from azfn.testing._request import FormInput
    from azfn.testing._request import HeadersInput
    from azfn.testing._request import QueryInput
    from azfn.testing._request import RequestOptions

    Invocation = InvocationResult
else:
    from azfn.testing._request import RequestOptions

__all__ = ["Client"]

_logger = logging.getLogger("azfn")


class Client:
    """Call a function app's HTTP routes and invoke any of its functions, in-process.

    Requests go through the host's rules (host-semantics §A2-§A3): the route
    prefix and templates, methods (a mismatch is a 404), route precedence,
    auth when enforced, request canonicalisation and result conversion.

    Args:
        app: A ``FunctionApp`` (or any function register), a ``Blueprint``
            alone, a project folder (v2 ``function_app.py`` or v1
            ``function.json`` folders), or a loaded
            :class:`~azfn.host.Project`.
        raise_exceptions: Re-raise an exception from the function into the
            test (default); when ``False``, HTTP requests get the host's 500
            with an empty body and :meth:`invoke` returns the exception in
            :attr:`Invocation.exception`.
        enforce_auth: Check function keys like the host in Azure; off by
            default, like Core Tools (host-semantics §A3.3).
        function_keys: Function name (or ``"*"`` for all functions) to a key
            or keys, accepted for ``function``-level routes.
        master_key: The master key, accepted for every route.
        settings: App settings (they win over ``local.settings.json``),
            visible in ``os.environ`` during invocations.
        route_prefix: Overrides ``host.json``'s ``extensions.http.routePrefix``.
        retries: Re-run a failing function per its ``@app.retry`` policy,
            recording delays instead of sleeping (:meth:`invoke` only).
        now: The time the host delivers at (a timer's schedule status, a
            queue message's insertion time...); ``None`` for the current
            time. Also settable later: ``client.now = ...``.

    Logging: from its first invocation until :meth:`close` (or the end of a
    ``with Client(app) as client:`` block, or the client's garbage
    collection), the client keeps its log handler on the root logger and the
    root logger at the worker's level (``INFO``), as in the worker; each
    invocation's records are collected in ``logs``. Closing restores the
    root logger. A closed client can still be used: it reopens.

    Attributes:
        project: The loaded app.
    """

    def __init__(
        self,
        app: FunctionRegister | Blueprint | str | os.PathLike[str] | Project,
        *,
        raise_exceptions: bool = True,
        enforce_auth: bool = False,
        function_keys: Mapping[str, str | Sequence[str]] | None = None,
        master_key: str | None = None,
        settings: Mapping[str, str] | None = None,
        route_prefix: str | None = None,
        retries: bool = False,
        now: datetime.datetime | None = None,
    ) -> None:
        if isinstance(app, Project):
            changes: dict[str, object] = {}
            if settings:
                changes["settings"] = {**app.settings, **settings}
            if route_prefix is not None:
                changes["route_prefix"] = route_prefix
            project = dataclasses.replace(app, **changes) if changes else app  # type: ignore[arg-type]
        else:
            from azfn.host._project import load_project

            project = load_project(app, settings=settings, route_prefix=route_prefix)
        self.project: Project = project
        self.raise_exceptions = raise_exceptions
        self.retries = retries
        self.now = now
        self._host = HttpHost(
            project, enforce_auth=enforce_auth, function_keys=function_keys, master_key=master_key
        )
        self._logs = LogSession()
        weakref.finalize(self, self._logs.close)
        for warning in self.warnings:
            _logger.warning("%s", warning)

    def close(self) -> None:
        """Release the client's log handler and restore the root logger's level."""
        self._logs.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def functions(self) -> tuple[str, ...]:
        """The function names, in host order."""
        return tuple(self.project.functions)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Load warnings and overlapping routes (host-semantics §A3.4)."""
        return (*self.project.warnings, *self._host.warnings)

    @property
    def routes(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """``(function, template, methods)`` per HTTP route, in the order they are tried.

        Methods are upper-case; ``()`` means every method.
        """
        return tuple(
            (r.function, r.pattern, tuple(sorted(r.methods or ())))
            for r in self._host.router.routes
        )

    # --- HTTP ------------------------------------------------------------------------------

    def _prepare(
        self, method: str, path: str, options: RequestOptions
    ) -> tuple[HostRequest, HostResponse | None, InvocationRequest | None]:
        request = build_request(
            method,
            path,
            query=options.get("query"),
            headers=options.get("headers"),
            body=options.get("body"),
            json=options.get("json"),
            form=options.get("form"),
            files=options.get("files"),
            cookies=options.get("cookies"),
        )
        inputs = options.get("inputs")
        routed = self._host.route(request)
        if isinstance(routed, HostResponse):
            return request, routed, None
        function = self.project.functions[routed.route.function]
        return request, None, self._http_invocation(function, request, routed, inputs)

    def _http_invocation(
        self,
        function: FunctionInfo,
        request: HostRequest,
        match: RouteMatch,
        inputs: Mapping[str, object] | None,
    ) -> InvocationRequest:
        self._logs.open()
        wire = http_wire(request, match.params)
        values: dict[str, object] = {**(inputs or {}), function.trigger.name: wire}
        return invocation_request(function, values, now=self.now, settings=self.project.settings)

    def _no_function(self, request: HostRequest, early: HostResponse | None) -> Response:
        response = _to_response(early or HostResponse(500), None, None)
        _record(None, _request_line(request), str(response.status_code), None)
        return response

    def _response(
        self, request: HostRequest, function: FunctionInfo, result: InvocationResult
    ) -> Response:
        if self.raise_exceptions and result.exception is not None:
            _record(function.name, _request_line(request), describe_outcome(result), result)
            raise result.exception
        try:
            host_response = self._host.finish(request, response_for(function, result))
        except HttpHostError:
            raise
        except Exception as exc:
            raise HttpHostError(
                f"azfn failed to convert the result of {function.name!r} into a response; "
                "this is a bug in azfn, please report it"
            ) from exc
        response = _to_response(host_response, function.name, result)
        outcome = str(response.status_code)
        if result.exception is not None:
            outcome += f" ({describe_outcome(result)})"
        _record(function.name, _request_line(request), outcome, result)
        return response

    def request(
        self,
        method: str,
        path: str,
        *,
        query: QueryInput | None = None,
        headers: HeadersInput | None = None,
        body: BodyInput | None = None,
        json: object = None,
        form: FormInput | None = None,
        files: Mapping[str, FileInput] | None = None,
        cookies: Mapping[str, str] | None = None,
        inputs: Mapping[str, object] | None = None,
    ) -> Response:
        """Send a request and return the host's response.

        Args:
            method: The method (``"GET"``...).
            path: The path, optionally with a query string (``"/api/items?x=1"``).
            query: More query parameters (a mapping or pairs).
            headers: Request headers (a mapping, or pairs to repeat a name).
            body: A raw body (``str`` is sent as UTF-8 ``text/plain``).
            json: A value sent as a JSON body (``application/json``).
            form: Form fields (URL-encoded, or multipart with *files*).
            files: Files by field name: content, ``(filename, content)`` or
                ``(filename, content, content_type)``.
            cookies: Cookies sent in a ``Cookie`` header.
            inputs: Values of the function's other input bindings (blob,
                table...), by binding name.

        Returns:
            The response; a 404 when no route matches (never an exception).

        Raises:
            Exception: Whatever the function raised, when ``raise_exceptions``.
        """

        options: RequestOptions = {
            "query": query, "headers": headers, "body": body, "json": json, "form": form,
            "files": files, "cookies": cookies, "inputs": inputs,
        }  # fmt: skip
        request, early, invocation = self._prepare(method, path, options)
        if invocation is None:
            return self._no_function(request, early)
        result = invoke_sync(invocation, settings=self.project.settings, raise_exceptions=False)
        return self._response(request, invocation.function, result)

    async def arequest(
        self,
        method: str,
        path: str,
        *,
        query: QueryInput | None = None,
        headers: HeadersInput | None = None,
        body: BodyInput | None = None,
        json: object = None,
        form: FormInput | None = None,
        files: Mapping[str, FileInput] | None = None,
        cookies: Mapping[str, str] | None = None,
        inputs: Mapping[str, object] | None = None,
    ) -> Response:
        """Awaitable :meth:`request`, for async tests."""

        options: RequestOptions = {
            "query": query, "headers": headers, "body": body, "json": json, "form": form,
            "files": files, "cookies": cookies, "inputs": inputs,
        }  # fmt: skip
        request, early, invocation = self._prepare(method, path, options)
        if invocation is None:
            return self._no_function(request, early)
        result = await invoke(invocation, settings=self.project.settings, raise_exceptions=False)
        return self._response(request, invocation.function, result)

    def get(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send a ``GET`` request (see :meth:`request` for the options)."""
        return self.request("GET", path, **options)

    def post(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send a ``POST`` request (see :meth:`request` for the options)."""
        return self.request("POST", path, **options)

    def put(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send a ``PUT`` request (see :meth:`request` for the options)."""
        return self.request("PUT", path, **options)

    def patch(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send a ``PATCH`` request (see :meth:`request` for the options)."""
        return self.request("PATCH", path, **options)

    def delete(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send a ``DELETE`` request (see :meth:`request` for the options)."""
        return self.request("DELETE", path, **options)

    def head(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send a ``HEAD`` request (see :meth:`request` for the options)."""
        return self.request("HEAD", path, **options)

    def options(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Send an ``OPTIONS`` request (see :meth:`request` for the options)."""
        return self.request("OPTIONS", path, **options)

    async def aget(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`get`."""
        return await self.arequest("GET", path, **options)

    async def apost(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`post`."""
        return await self.arequest("POST", path, **options)

    async def aput(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`put`."""
        return await self.arequest("PUT", path, **options)

    async def apatch(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`patch`."""
        return await self.arequest("PATCH", path, **options)

    async def adelete(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`delete`."""
        return await self.arequest("DELETE", path, **options)

    async def ahead(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`head`."""
        return await self.arequest("HEAD", path, **options)

    async def aoptions(self, path: str, **options: Unpack[RequestOptions]) -> Response:
        """Awaitable :meth:`options`."""
        return await self.arequest("OPTIONS", path, **options)

    # --- any trigger -----------------------------------------------------------------------

    def _invocation(self, name: str, inputs: Mapping[str, object]) -> InvocationRequest:

        function = self.project.functions.get(name) or self.project.function(name)
        self._logs.open()
        return invocation_request(function, inputs, now=self.now, settings=self.project.settings)

    def invoke(self, name: str, /, **inputs: object) -> Invocation:
        """Invoke any function with its trigger and inputs given by binding name.

        Values may be azfn types (``func.QueueMessage(...)``) or plain values
        (``str``, ``bytes``, ``dict``...) converted as the host would deliver
        them (a queue message gets an id, a dequeue count of 1, times...).

        Returns:
            The :class:`Invocation`: ``return_value``, ``outputs`` (by
            binding name, ``"$return"`` included), ``logs``, ``context``,
            ``binding_paths``, ``exception``, ``attempts``, ``retry_delays``.

        Raises:
            azfn.host.UnknownFunctionError: No such function (the message
                lists the functions).
            azfn.host._inputs.MissingInputError: The trigger or an input
                binding was not given (the message lists what is needed).
            TypeError: A value of the wrong type for its binding.
            Exception: Whatever the function raised, when ``raise_exceptions``.
        """

        result = invoke_sync(
            self._invocation(name, inputs),
            settings=self.project.settings,
            retries=self.retries,
            raise_exceptions=False,
        )
        return self._finish(inputs, result)

    async def ainvoke(self, name: str, /, **inputs: object) -> Invocation:
        """Awaitable :meth:`invoke`, for async tests."""

        result = await invoke(
            self._invocation(name, inputs),
            settings=self.project.settings,
            retries=self.retries,
            raise_exceptions=False,
        )
        return self._finish(inputs, result)

    def _finish(self, inputs: Mapping[str, object], result: InvocationResult) -> InvocationResult:
        if current_recorder() is not None:  # described only when a report may show it
            call = f"invoke({describe_inputs(inputs)})"
            _record(result.function.name, call, describe_outcome(result), result)
        if self.raise_exceptions and result.exception is not None:
            raise result.exception
        return result

    def __repr__(self) -> str:
        return f"<Client {len(self.project.functions)} functions: {', '.join(self.functions)}>"


def _record(function: str | None, call: str, outcome: str, result: InvocationResult | None) -> None:
    """Add a call to the running test's failure report, if the plugin records one."""
    recorder = current_recorder()
    if recorder is not None:
        recorder.add(Recorded(function, call, outcome, result))


def _request_line(request: HostRequest) -> str:
    query = f"?{request.query}" if request.query else ""
    return f"{request.method} {request.path}{query}"


def _to_response(
    host_response: HostResponse, function: str | None, result: InvocationResult | None
) -> Response:
    return Response(
        host_response.status_code,
        host_response.headers,
        host_response.body,
        function=function,
        invocation=result,
    )
