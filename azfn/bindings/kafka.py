"""Apache Kafka (and Event Hubs' Kafka endpoint): ``kafkaTrigger`` and ``kafka``.

Fields left ``None`` take the extension's defaults; the few defaults written
here are the ones the reference always emits.
"""

from __future__ import annotations

import contextlib

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import StringifyEnum

__all__ = [
    "BrokerAuthenticationMode",
    "BrokerProtocol",
    "KafkaMessageKeyType",
    "KafkaOutput",
    "KafkaTrigger",
    "OAuthBearerMethod",
]


class BrokerAuthenticationMode(int, StringifyEnum):
    """SASL mechanism used to authenticate with the broker."""

    NOTSET = -1
    GSSAPI = 0
    PLAIN = 1
    SCRAMSHA256 = 2
    SCRAMSHA512 = 3


class BrokerProtocol(int, StringifyEnum):
    """Security protocol used to talk to the broker."""

    NOTSET = -1
    PLAINTEXT = 0
    SSL = 1
    SASLPLAINTEXT = 2
    SASLSSL = 3


class OAuthBearerMethod(int, StringifyEnum):
    """How an OAUTHBEARER token is obtained."""

    # Fix: the reference's DEFAULT is the tuple (0,) (a trailing comma).
    DEFAULT = 0
    OIDC = 1


class KafkaMessageKeyType(int, StringifyEnum):
    """Type of the message key."""

    INT = 0
    LONG = 1
    STRING = 2
    BINARY = 3


def _parse_defaults(binding: KafkaTrigger | KafkaOutput) -> None:
    # The reference's defaults are strings ("NotSet", "One"), which the base
    # class does not parse; a string that does not parse is already reported.
    for name, enum_type in _ENUM_DEFAULTS:
        value = getattr(binding, name, None)
        if isinstance(value, str) and not isinstance(value, enum_type):
            with contextlib.suppress(ValueError):
                object.__setattr__(binding, name, enum_type.parse(value))


class KafkaTrigger(Trigger):
    """Run the function for events read from Kafka topics."""

    type = "kafkaTrigger"
    arg_name: str
    topic: str
    broker_list: str
    """Brokers as ``host:port`` (or an app setting: ``%BrokerList%``)."""
    event_hub_connection_string: str | None = None
    """App setting holding an Event Hubs connection string (Event Hubs' Kafka
    endpoint)."""
    consumer_group: str | None = None
    avro_schema: str | None = None
    """Avro schema of the value, for generic records."""
    key_avro_schema: str | None = None
    key_data_type: KafkaMessageKeyType | str | None = KafkaMessageKeyType.STRING
    username: str | None = None
    """SASL user name (an app setting: ``%KafkaUser%``)."""
    password: str | None = None
    ssl_key_location: str | None = None
    ssl_ca_location: str | None = None
    ssl_certificate_location: str | None = None
    ssl_key_password: str | None = None
    ssl_certificate_pem: str | None = None
    ssl_key_pem: str | None = None
    ssl_ca_pem: str | None = None
    ssl_certificate_and_key_pem: str | None = None
    schema_registry_url: str | None = None
    schema_registry_username: str | None = None
    schema_registry_password: str | None = None
    o_auth_bearer_method: OAuthBearerMethod | str | None = None
    o_auth_bearer_client_id: str | None = None
    o_auth_bearer_client_secret: str | None = None
    o_auth_bearer_scope: str | None = None
    o_auth_bearer_token_endpoint_url: str | None = None
    o_auth_bearer_extensions: str | None = None
    """Comma-separated ``key=value`` SASL extensions."""
    authentication_mode: BrokerAuthenticationMode | str | None = "NotSet"
    protocol: BrokerProtocol | str | None = "NotSet"
    cardinality: Cardinality | str | None = "One"
    lag_threshold: int = 1000
    """Consumer lag above which the scale controller adds instances."""
    data_type: DataType | str | None = None

    def __post_init__(self) -> None:
        _parse_defaults(self)


class KafkaOutput(OutputBinding):
    """Produce events to a Kafka topic."""

    type = "kafka"
    arg_name: str
    topic: str
    broker_list: str
    avro_schema: str | None = None
    key_avro_schema: str | None = None
    key_data_type: KafkaMessageKeyType | str | None = KafkaMessageKeyType.STRING
    username: str | None = None
    password: str | None = None
    ssl_key_location: str | None = None
    ssl_ca_location: str | None = None
    ssl_certificate_location: str | None = None
    ssl_key_password: str | None = None
    ssl_certificate_pem: str | None = None
    ssl_key_pem: str | None = None
    ssl_ca_pem: str | None = None
    ssl_certificate_and_key_pem: str | None = None
    schema_registry_url: str | None = None
    schema_registry_username: str | None = None
    schema_registry_password: str | None = None
    o_auth_bearer_method: OAuthBearerMethod | str | None = None
    o_auth_bearer_client_id: str | None = None
    o_auth_bearer_client_secret: str | None = None
    o_auth_bearer_scope: str | None = None
    o_auth_bearer_token_endpoint_url: str | None = None
    o_auth_bearer_extensions: str | None = None
    max_message_bytes: int = 1_000_000
    batch_size: int = 10_000
    """Messages batched in one message set."""
    enable_idempotence: bool = False
    """Produce each message exactly once, in order."""
    message_timeout_ms: int = 300_000
    request_timeout_ms: int = 5_000
    max_retries: int = 2_147_483_647
    authentication_mode: BrokerAuthenticationMode | str | None = "NOTSET"
    protocol: BrokerProtocol | str | None = "NOTSET"
    linger_ms: int = 5
    """Milliseconds to wait for more messages before sending a batch."""
    data_type: DataType | str | None = None

    def __post_init__(self) -> None:
        _parse_defaults(self)


_ENUM_DEFAULTS: tuple[tuple[str, type[StringifyEnum]], ...] = (
    ("authentication_mode", BrokerAuthenticationMode),
    ("protocol", BrokerProtocol),
    ("cardinality", Cardinality),
)
