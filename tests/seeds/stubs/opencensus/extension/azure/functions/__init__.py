"""Stand-in for ``opencensus-extension-azure-functions``, NOT the real package.

Just enough for the seed samples to import and configure the extension.
"""

from __future__ import annotations

import typing

__all__ = ["OpenCensusExtension"]


class OpenCensusExtension:
    """Stand-in for the app-level worker extension: records its configuration."""

    configured: typing.ClassVar[dict[str, typing.Any] | None] = None

    @classmethod
    def configure(cls, **options: typing.Any) -> None:
        cls.configured = options
