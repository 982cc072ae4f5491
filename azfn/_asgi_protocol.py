# pyright: strict
"""The ASGI protocol as the middleware speaks it: versions, type aliases, shared state.

Shared by :mod:`azfn._http_asgi` (requests) and :mod:`azfn._asgi_lifespan`
(startup and shutdown). Imports neither :mod:`asyncio` nor :mod:`logging`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import TypeAlias

if TYPE_CHECKING:
    import asyncio
    import logging
    from collections.abc import Awaitable
    from collections.abc import Callable
    from collections.abc import MutableMapping

__all__ = [
    "ASGI_SPEC_VERSION",
    "ASGI_VERSION",
    "AsgiApp",
    "Message",
    "Receive",
    "Scope",
    "Send",
    "asgi_keys",
    "background",
    "log",
]

#: The ASGI version the middleware speaks, and the HTTP spec version.
ASGI_VERSION = "3.0"
ASGI_SPEC_VERSION = "2.1"
#: What the reference puts in its flat ``asgi.version`` scope key.
_REFERENCE_ASGI_VERSION = "2.1"

#: An ASGI connection scope.
Scope: TypeAlias = "MutableMapping[str, object]"
#: An ASGI event message.
Message: TypeAlias = "MutableMapping[str, object]"
#: The ``receive`` awaitable callable an ASGI app gets.
Receive: TypeAlias = "Callable[[], Awaitable[Message]]"
#: The ``send`` awaitable callable an ASGI app gets.
Send: TypeAlias = "Callable[[Message], Awaitable[None]]"
#: An ASGI 3 application: a FastAPI or Starlette app, say.
AsgiApp: TypeAlias = "Callable[[Scope, Receive, Send], Awaitable[None]]"


def asgi_keys() -> dict[str, object]:
    return {
        "asgi": {"version": ASGI_VERSION, "spec_version": ASGI_SPEC_VERSION},
        # The reference's flat keys, kept for apps that read them.
        "asgi.version": _REFERENCE_ASGI_VERSION,
        "asgi.spec_version": ASGI_SPEC_VERSION,
    }


def log() -> logging.Logger:
    # logging is imported on first use only: it is heavy for `import azfn`.
    import logging

    return logging.getLogger("azfn.asgi")


#: Running lifespan and shutdown tasks, kept here so they are not garbage-collected.
background: set[asyncio.Task[None]] = set()
