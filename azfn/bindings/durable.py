"""Durable Functions: orchestration, entity and activity triggers, and the client.

These declarations describe the metadata; the decorators that use them need
the Durable Functions integration (``azfn.errors.IntegrationUnavailableError``
until it exists), because orchestrators and entities run through it.
"""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import Trigger

__all__ = ["ActivityTrigger", "DurableClient", "EntityTrigger", "OrchestrationTrigger"]


class OrchestrationTrigger(Trigger):
    """Run an orchestrator function."""

    type = "orchestrationTrigger"
    arg_name: str
    orchestration: str | None = None
    """The orchestrator's name; defaults to the function's."""


class EntityTrigger(Trigger):
    """Run an entity function."""

    type = "entityTrigger"
    arg_name: str
    entity_name: str | None = None
    """The entity's name; defaults to the function's."""


class ActivityTrigger(Trigger):
    """Run an activity function, called by orchestrators."""

    type = "activityTrigger"
    arg_name: str
    activity: str | None = None
    """The activity's name; defaults to the function's."""


class DurableClient(InputBinding):
    """Pass a client that starts and manages orchestrations and entities."""

    type = "durableClient"
    arg_name: str
    task_hub: str | None = None
    """Task hub of the orchestrations; defaults to host.json's."""
    connection_name: str | None = None
    """App setting of the task hub's storage connection."""
