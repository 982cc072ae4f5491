# pyright: strict
"""``AsgiFunctionApp`` and ``WsgiFunctionApp``: a web framework as a function app.

Each registers one catch-all HTTP function (``http_app_func`` unless named
otherwise) that hands every request to the wrapped ASGI or WSGI app, with the
reference library's metadata: all seven methods, route ``/{*route}``, the
app's auth level. They are full function apps: other triggers and routes can
be declared on them with the usual decorators.

The ASGI app's lifespan startup runs before its first request (an app without
lifespan support is served without it), and requests run concurrently.
"""

from __future__ import annotations

import abc
import typing
from typing import TYPE_CHECKING

from azfn._app.bindings import BindingApi
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._http_asgi import AsgiMiddleware
from azfn._http_wsgi import WsgiMiddleware
from azfn.bindings.http import HttpMethod
from azfn.context import Context  # noqa: TC001  # read by get_type_hints at indexing
from azfn.enums import AuthLevel
from azfn.http import HttpRequest  # noqa: TC001  # read by get_type_hints at indexing
from azfn.http import HttpResponse  # noqa: TC001  # read by get_type_hints at indexing

if TYPE_CHECKING:
    import logging

if typing.TYPE_CHECKING:
    from azfn._http_asgi import AsgiApp
    from azfn._http_wsgi import WsgiApp

__all__ = [
    "DEFAULT_FUNCTION_NAME",
    "AsgiFunctionApp",
    "ExternalHttpFunctionApp",
    "WsgiFunctionApp",
]


def _log() -> logging.Logger:
    # logging is imported on first use only: it is heavy for `import azfn`.
    import logging

    return logging.getLogger("azfn.asgi")


#: The name of the catch-all function when none is given.
DEFAULT_FUNCTION_NAME = "http_app_func"
#: The catch-all route; the host prefixes it with the route prefix.
CATCH_ALL_ROUTE = "/{*route}"


class ExternalHttpFunctionApp(FunctionRegister, TriggerApi, BindingApi, SettingsApi, abc.ABC):
    """A function app whose HTTP requests go to a third-party web framework.

    Subclasses implement :meth:`_add_http_app`, which registers the function
    that forwards requests to the middleware.
    """

    @abc.abstractmethod
    def _add_http_app(
        self,
        http_middleware: AsgiMiddleware | WsgiMiddleware,
        function_name: str = DEFAULT_FUNCTION_NAME,
    ) -> None:
        """Register a catch-all HTTP function named *function_name* serving *http_middleware*.

        Raises:
            TypeError: the middleware is not of the kind the app serves.
        """
        raise NotImplementedError

    def _catch_all_route(
        self, http_type: str, function_name: str
    ) -> typing.Callable[
        [typing.Callable[[HttpRequest, Context], object]],
        object,
    ]:
        """Return a decorator declaring the catch-all function the reference declares."""

        def declare(func: typing.Callable[[HttpRequest, Context], object]) -> object:
            route = self.route(
                methods=tuple(HttpMethod),
                auth_level=self.auth_level,
                route=CATCH_ALL_ROUTE,
            )
            return self.function_name(name=function_name)(
                self.http_type(http_type=http_type)(route(func))
            )

        return declare


class AsgiFunctionApp(ExternalHttpFunctionApp):
    """A function app that serves an ASGI application (FastAPI, Starlette...).

    Example::

        from fastapi import FastAPI
        import azfn as func

        fastapi_app = FastAPI()
        app = func.AsgiFunctionApp(app=fastapi_app, http_auth_level=func.AuthLevel.ANONYMOUS)

    The app's lifespan startup runs before the first request. To run its
    shutdown, ``await app.middleware.notify_shutdown()``; otherwise it runs,
    best effort, when the function app is garbage-collected.

    Attributes:
        middleware: the :class:`~azfn.AsgiMiddleware` serving the app.
        startup_task_done: whether lifespan startup has run.
    """

    def __init__(
        self,
        app: AsgiApp,
        http_auth_level: AuthLevel | str = AuthLevel.FUNCTION,
        function_name: str = DEFAULT_FUNCTION_NAME,
    ) -> None:
        """Serve *app* from one catch-all function.

        Args:
            app: the ASGI application.
            http_auth_level: the key requests need (``FUNCTION`` by default).
            function_name: the catch-all function's name.
        """
        super().__init__(auth_level=http_auth_level)
        self.startup_task_done = False
        self.middleware = AsgiMiddleware(app)
        self._add_http_app(self.middleware, function_name)

    def _add_http_app(
        self,
        http_middleware: AsgiMiddleware | WsgiMiddleware,
        function_name: str = DEFAULT_FUNCTION_NAME,
    ) -> None:
        """Register the catch-all ``async`` function serving *http_middleware*.

        Raises:
            TypeError: *http_middleware* is not an :class:`AsgiMiddleware`.
        """
        if not isinstance(http_middleware, AsgiMiddleware):
            raise TypeError("Please pass AsgiMiddleware instance as parameter.")
        middleware = http_middleware

        async def http_app_func(req: HttpRequest, context: Context) -> HttpResponse:
            if not self.startup_task_done:
                if not await middleware.notify_startup():
                    failure = middleware.startup_failure
                    detail = f": {failure}" if failure else ""
                    raise RuntimeError(f"ASGI middleware startup failed.{detail}")
                self.startup_task_done = True
            return await middleware.handle_async(req, context)

        self._catch_all_route("asgi", function_name)(http_app_func)

    def __del__(self) -> None:
        try:
            if getattr(self, "startup_task_done", False):
                self.middleware.notify_shutdown_nowait()
        except Exception:  # noqa: BLE001  # never raise from a finalizer
            _log().debug("ASGI shutdown from __del__ failed", exc_info=True)


class WsgiFunctionApp(ExternalHttpFunctionApp):
    """A function app that serves a WSGI application (Flask, Django...).

    Example::

        from flask import Flask
        import azfn as func

        flask_app = Flask(__name__)
        app = func.WsgiFunctionApp(app=flask_app.wsgi_app, http_auth_level=func.AuthLevel.ANONYMOUS)
    """

    def __init__(
        self,
        app: WsgiApp,
        http_auth_level: AuthLevel | str = AuthLevel.FUNCTION,
        function_name: str = DEFAULT_FUNCTION_NAME,
    ) -> None:
        """Serve *app* from one catch-all function.

        Args:
            app: the WSGI application callable.
            http_auth_level: the key requests need (``FUNCTION`` by default).
            function_name: the catch-all function's name.
        """
        super().__init__(auth_level=http_auth_level)
        self._add_http_app(WsgiMiddleware(app), function_name)

    def _add_http_app(
        self,
        http_middleware: AsgiMiddleware | WsgiMiddleware,
        function_name: str = DEFAULT_FUNCTION_NAME,
    ) -> None:
        """Register the catch-all function serving *http_middleware*.

        Raises:
            TypeError: *http_middleware* is not a :class:`WsgiMiddleware`.
        """
        if not isinstance(http_middleware, WsgiMiddleware):
            raise TypeError("Please pass WsgiMiddleware instance as parameter.")
        middleware = http_middleware

        def http_app_func(req: HttpRequest, context: Context) -> HttpResponse:
            return middleware.handle(req, context)

        self._catch_all_route("wsgi", function_name)(http_app_func)
