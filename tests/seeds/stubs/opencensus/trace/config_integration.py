"""Stand-in for ``opencensus.trace.config_integration``, NOT the real package."""

from __future__ import annotations

__all__ = ["trace_integrations"]

#: The integrations the samples asked for, in order.
integrated: list[str] = []


def trace_integrations(integrations: list[str]) -> list[str]:
    """Record *integrations*; the real function patches the named libraries."""
    integrated.extend(integrations)
    return list(integrations)
