"""Azure Event Grid: the ``eventGridTrigger`` trigger and ``eventGrid`` output."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["EventGridOutput", "EventGridTrigger"]


class EventGridTrigger(Trigger):
    """Run the function for each event delivered by an Event Grid subscription."""

    type = "eventGridTrigger"
    arg_name: str
    data_type: DataType | str | None = None


class EventGridOutput(OutputBinding):
    """Publish events to a custom Event Grid topic.

    Give either *connection* alone, or both *topic_endpoint_uri* and
    *topic_key_setting*.
    """

    type = "eventGrid"
    arg_name: str
    topic_endpoint_uri: str | None = None
    """App setting holding the topic's endpoint URI (with *topic_key_setting*)."""
    topic_key_setting: str | None = None
    """App setting holding the topic's access key."""
    connection: str | None = None
    """Prefix of the settings of an identity-based connection (alone)."""
    data_type: DataType | str | None = None

    def problems(self) -> list[str]:
        """Return bad values, including a wrong mix of connection settings."""
        problems = super().problems()
        has_topic = (self.topic_endpoint_uri is not None, self.topic_key_setting is not None)
        if self.connection is not None and any(has_topic):
            hint = "drop topic_endpoint_uri and topic_key_setting, or drop connection"
        elif self.connection is None and not all(has_topic):
            hint = (
                "give connection='<setting prefix>' for an identity-based "
                "connection, or both topic_endpoint_uri and topic_key_setting"
            )
        else:
            return problems
        problems.append(
            "Specify either the 'Connection' property or both 'TopicKeySetting' "
            f"and 'TopicEndpointUri' properties, but not both: {hint}"
        )
        return problems
