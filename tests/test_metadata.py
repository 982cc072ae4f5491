"""Trigger metadata readers and the in-process host's WireMetadata (azfn/_metadata.py)."""

from __future__ import annotations

import datetime
import zoneinfo

from hypothesis import given
from hypothesis import strategies as st

from azfn import _metadata as md
from azfn import strategies as azst
from azfn.cosmosdb import Document
from azfn.meta import Datum

_JSON = azst.json_values()  # what the host's json datums carry
_TIMES = st.datetimes(
    timezones=st.sampled_from(
        [None, datetime.timezone.utc, datetime.timezone(datetime.timedelta(hours=-5))]
    )
    | st.just(zoneinfo.ZoneInfo("Europe/Paris"))
)
_VALUES = (
    _JSON
    | st.binary(max_size=8)
    | _TIMES
    | st.builds(Datum, st.text(max_size=8), st.sampled_from(["string", "json"]))
)


@given(value=_VALUES)
def test_wire_metadata_reads_like_the_datum_it_sends(value: object) -> None:
    """host-semantics §A2.2: reading a value directly equals reading the host's Datum."""
    metadata = md.WireMetadata({"Key": value})
    try:
        expected = md.datum_value(md.to_datum(value))
    except ValueError:  # a Datum of malformed JSON: both readers refuse it
        return
    assert metadata.value("Key") == expected
    assert md.metadata_field(metadata, "Key") == md.metadata_field(dict(metadata), "Key")
    assert metadata["Key"] == md.to_datum(value)


@given(moment=_TIMES)
def test_wire_metadata_times_equal_the_parsed_text(moment: datetime.datetime) -> None:
    """Skipping the ISO round trip gives the same datetime, tzinfo included."""
    direct = md.metadata_datetime(md.WireMetadata({"T": moment}), "T")
    parsed = md.metadata_datetime({"T": md.to_datum(moment)}, "T")
    assert direct == parsed
    assert direct is not None
    assert parsed is not None
    assert direct.utcoffset() == parsed.utcoffset()
    assert (direct.tzinfo is None) == (parsed.tzinfo is None)


def test_wire_metadata_is_a_mapping_of_datums() -> None:
    metadata = md.WireMetadata({"A": "x", "B": 2, "C": True, "D": {"k": [1]}})
    assert dict(metadata) == {
        "A": Datum("x", "string"),
        "B": Datum(2, "int"),
        "C": Datum("true", "json"),
        "D": Datum('{"k": [1]}', "json"),
    }
    assert len(metadata) == 4
    assert "A" in metadata
    assert "Z" not in metadata
    assert md.metadata_field(metadata, "Z") is None
    assert "WireMetadata" in repr(metadata)


def test_records_are_json_through_their_dict() -> None:
    assert md.to_json({"doc": Document({"id": "1"})}) == '{"doc": {"id": "1"}}'
