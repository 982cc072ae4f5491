# pyright: strict
"""Identifiers for generated values: invocation, message and trace ids.

They must be unique and look like the host's (uuid4 text, hex tokens), not
be secret or unpredictable, and they are made once or more per test
invocation, so they are cheap: a random per-process prefix and a counter,
formatted in one step (a quarter of the cost of formatting 128 fresh random
bits). The prefix comes from a private :class:`random.Random` seeded from
``os.urandom``, so a test's ``random.seed()`` neither affects nor is
affected by them; a forked child draws a new prefix so it does not repeat
its parent's ids.
"""

from __future__ import annotations

import itertools
import os
import random

__all__ = ["hex_id", "uuid4"]

_source = random.Random()  # ids, not secrets
_uuid_prefix = ""
_hex_prefix = ""
# Counters start at a random value with the top hex digit non-zero, so
# formatting one gives a fixed width (12 and 16 digits) with no padding
# or masking; 2**47 ids later they would still be that wide.
_uuid_counter = itertools.count()
_hex_counter = itertools.count()


def _draw() -> None:
    global _uuid_prefix, _hex_prefix, _uuid_counter, _hex_counter  # noqa: PLW0603  # per process
    bits = f"{_source.getrandbits(80):020x}"
    variant = "89ab"[int(bits[16], 16) & 3]  # RFC 4122 variant: 0b10xx
    # xxxxxxxx-xxxx-4xxx-Vxxx- then a 12-digit counter.
    _uuid_prefix = f"{bits[:8]}-{bits[8:12]}-4{bits[13:16]}-{variant}{bits[17:20]}-"
    _hex_prefix = f"{_source.getrandbits(256):064x}"
    _uuid_counter = itertools.count(_source.randrange(1 << 44, 1 << 47))
    _hex_counter = itertools.count(_source.randrange(1 << 60, 1 << 63))


def _reseed() -> None:
    _source.seed()
    _draw()


_draw()
os.register_at_fork(after_in_child=_reseed)


def uuid4() -> str:
    """Return a new id in uuid4 text form, unique in this process."""
    return f"{_uuid_prefix}{next(_uuid_counter):x}"


def hex_id(nbytes: int) -> str:
    """Return a new id of *nbytes* (up to 40) as lower-case hex, unique in this process
    for 8 bytes or more (random below)."""
    if nbytes < 8:
        return f"{_source.getrandbits(nbytes * 8):0{nbytes * 2}x}"
    if nbytes == 8:
        return f"{next(_hex_counter):x}"
    return f"{_hex_prefix[: nbytes * 2 - 16]}{next(_hex_counter):x}"
