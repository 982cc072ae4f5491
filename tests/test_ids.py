"""Generated ids (azfn/_ids.py): the host's forms, unique, independent of random.seed()."""

from __future__ import annotations

import random
import uuid

import pytest

from azfn._ids import hex_id
from azfn._ids import uuid4


def test_uuid4_text_is_a_unique_version_4_uuid() -> None:
    ids = [uuid4() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids[:50]:
        parsed = uuid.UUID(text)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == text


@pytest.mark.parametrize("nbytes", [4, 8, 16, 40])
def test_hex_ids_have_the_asked_length(nbytes: int) -> None:
    ids = {hex_id(nbytes) for _ in range(200)}
    assert all(len(i) == 2 * nbytes and int(i, 16) >= 0 for i in ids)
    if nbytes >= 8:
        assert len(ids) == 200


def test_a_tests_random_seed_neither_affects_nor_is_affected() -> None:
    random.seed(7)
    expected = [random.random() for _ in range(3)]
    random.seed(7)
    uuid4()
    hex_id(4)
    assert [random.random() for _ in range(3)] == expected
