"""Trigger metadata readers and the in-process host's WireMetadata (azfn/_metadata.py)."""

from __future__ import annotations

import datetime
import math
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


def _same(a: object, b: object) -> bool:
    """Equality in which NaN equals NaN (JSON text such as ``NaN`` or ``[NaN]`` parses to it)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


@given(value=_VALUES)
def test_wire_metadata_reads_like_the_datum_it_sends(value: object) -> None:
    """host-semantics §A2.2: reading a value directly equals reading the host's Datum."""
    metadata = md.WireMetadata({"Key": value})
    if value is None:  # an unset field (see the next tests)
        assert "Key" not in metadata
        return
    try:
        expected = md.datum_value(md.to_datum(value))
    except ValueError:  # a Datum of malformed JSON: both readers refuse it
        return
    assert _same(metadata.value("Key"), expected)
    assert _same(md.metadata_field(metadata, "Key"), md.metadata_field(dict(metadata), "Key"))
    assert metadata["Key"] == md.to_datum(value)


def _read(reader: object, metadata: object) -> object:
    try:
        return reader(metadata, "Key")  # type: ignore[operator]
    except ValueError as exc:
        return ("ValueError", str(exc))


@given(value=_VALUES | st.none())
def test_typed_readers_agree_on_wire_and_datum_metadata(value: object) -> None:
    """The WireMetadata fast paths give what reading the host's Datums gives (or both refuse)."""
    wire = md.WireMetadata({"Key": value})  # None: an unset field, absent
    try:
        sent = dict(wire)  # the Datums the host would send
    except ValueError:
        return
    for reader in (md.metadata_str, md.metadata_int, md.metadata_datetime):
        assert _same(_read(reader, wire), _read(reader, sent)), reader.__name__


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


def test_wire_metadata_leaves_out_unset_fields() -> None:
    """A None value is a field the host does not send: absent from the mapping."""
    metadata = md.WireMetadata({"A": None, "B": "x"})
    assert dict(metadata) == {"B": Datum("x", "string")}
    assert list(metadata) == ["B"]
    assert len(metadata) == 1
    assert "A" not in metadata
    assert metadata.get("A") is None
    assert md.metadata_str(metadata, "A") is None
    assert "'A'" not in repr(metadata)


def test_json_nan_reads_the_same_both_ways() -> None:
    """The case CI found: a json Datum of ``NaN`` text (json.loads accepts it)."""
    for text in ("NaN", "[NaN]", '{"a": NaN}'):
        metadata = md.WireMetadata({"Key": Datum(text, "json")})
        assert _same(metadata.value("Key"), md.datum_value(Datum(text, "json")))
        assert not _same(metadata.value("Key"), 1.0)


def test_records_are_json_through_their_dict() -> None:
    assert md.to_json({"doc": Document({"id": "1"})}) == '{"doc": {"id": "1"}}'
