"""``azure.functions.decorators.kafka`` for azfn: the Kafka bindings and their enums."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.kafka import BrokerAuthenticationMode
from azfn.bindings.kafka import BrokerProtocol
from azfn.bindings.kafka import KafkaMessageKeyType
from azfn.bindings.kafka import KafkaOutput
from azfn.bindings.kafka import KafkaTrigger
from azfn.bindings.kafka import OAuthBearerMethod
from azfn.decorators.constants import KAFKA
from azfn.decorators.constants import KAFKA_TRIGGER
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import StringifyEnum

__all__ = [
    "KAFKA",
    "KAFKA_TRIGGER",
    "BrokerAuthenticationMode",
    "BrokerProtocol",
    "Cardinality",
    "DataType",
    "KafkaMessageKeyType",
    "KafkaOutput",
    "KafkaTrigger",
    "OAuthBearerMethod",
    "OutputBinding",
    "StringifyEnum",
    "Trigger",
]
