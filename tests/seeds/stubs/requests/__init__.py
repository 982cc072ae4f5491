"""Stand-in for ``requests``, NOT the real package: the seed samples only import it."""

from __future__ import annotations

import typing

__all__ = ["get"]


def get(url: str, **kwargs: typing.Any) -> typing.NoReturn:
    """Refuse: the seed tests make no network calls."""
    raise NotImplementedError(f"requests.get({url!r}): this is the seed tests' stand-in")
