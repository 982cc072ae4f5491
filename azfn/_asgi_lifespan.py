# pyright: strict
"""The ASGI ``lifespan`` connection of an :class:`~azfn.AsgiMiddleware` app.

One task on one event loop runs the app's lifespan scope. Startup's answer
(complete, failed) is awaited by the middleware; an app that does not
support lifespan (it raises on the scope, returns, or never answers) is
served without it, as the ASGI spec asks of servers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn._asgi_protocol import asgi_keys
from azfn._asgi_protocol import background
from azfn._asgi_protocol import log

if TYPE_CHECKING:
    import asyncio

    from azfn._asgi_protocol import AsgiApp
    from azfn._asgi_protocol import Message
    from azfn._asgi_protocol import Scope

__all__ = ["Lifespan"]


class Lifespan:
    """The app's ``lifespan`` connection: one task, running on one loop."""

    def __init__(self, app: AsgiApp, state: dict[str, object]) -> None:
        import asyncio

        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue[Message] = asyncio.Queue()
        self.answered = asyncio.Event()  # startup answered, or lifespan over
        self.stopped = asyncio.Event()
        self.outcome: str | None = None  # "complete", "failed" or "unsupported"
        self.failure = ""
        self.timed_out = False
        self.shutdown_sent = False
        scope: dict[str, object] = {"type": "lifespan", **asgi_keys(), "state": state}
        self.queue.put_nowait({"type": "lifespan.startup"})
        self.task: asyncio.Task[None] = self.loop.create_task(self._main(app, scope))
        # The loop keeps only weak references to tasks: without this one, the
        # lifespan would be destroyed, pending, with the app that started it.
        background.add(self.task)
        self.task.add_done_callback(background.discard)

    async def _main(self, app: AsgiApp, scope: Scope) -> None:
        try:
            await app(scope, self.queue.get, self._send)
        except Exception as exc:  # noqa: BLE001  # an app error becomes the 500 response
            if self.outcome is None:
                log().info(
                    "the ASGI app does not support lifespan (it raised %s: %s); "
                    "serving it without startup and shutdown events",
                    type(exc).__name__,
                    exc,
                )
                self.outcome = "unsupported"
            else:
                log().exception("the ASGI app's lifespan raised")
        finally:
            if self.outcome is None:
                log().info(
                    "the ASGI app returned from lifespan without answering startup; "
                    "serving it without startup and shutdown events"
                )
                self.outcome = "unsupported"
            self.answered.set()
            self.stopped.set()

    async def _send(self, message: Message) -> None:
        kind = message.get("type")
        detail = message.get("message") or ""
        if kind == "lifespan.startup.complete":
            self.outcome = "complete"
            self.answered.set()
        elif kind == "lifespan.startup.failed":
            self.outcome = "failed"
            self.failure = str(detail)
            log().error("ASGI startup failed: %s", detail or "(no message)")
            self.answered.set()
        elif kind == "lifespan.shutdown.complete":
            self.stopped.set()
        elif kind == "lifespan.shutdown.failed":
            log().error("ASGI shutdown failed: %s", detail or "(no message)")
            self.stopped.set()
        else:
            raise RuntimeError(f"the ASGI app sent an unexpected {kind!r} lifespan message")
