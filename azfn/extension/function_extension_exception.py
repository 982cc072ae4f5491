# pyright: strict
"""``FunctionExtensionException``: an extension was defined or used wrongly."""

from __future__ import annotations

from azfn.errors import AzfnError

__all__ = ["FunctionExtensionException"]


class FunctionExtensionException(AzfnError):  # the reference's name  # noqa: N818  # the reference's name
    """A worker extension cannot be created or registered.

    Raised when an application extension is instantiated, when a function
    extension is created outside a function app folder, or when a class uses
    :class:`~azfn.extension.ExtensionMeta` without deriving from one of the
    two extension bases.
    """
