# pyright: strict
"""Random identifiers for generated values: invocation, message and trace ids.

They only need to be unique, not secret, so they come from a private
:class:`random.Random` seeded from ``os.urandom``: about three times cheaper
than ``os.urandom`` per id, and neither consumed nor affected by a test's
``random.seed()``. Forked children reseed so they do not repeat the
parent's ids.
"""

from __future__ import annotations

import os
import random

__all__ = ["hex_id", "uuid4"]

_source = random.Random()  # ids, not secrets
os.register_at_fork(after_in_child=_source.seed)
_bits = _source.getrandbits

# uuid4: version 4 in bits 76-79, RFC 4122 variant (0b10) in bits 62-63.
_KEEP = ~((0xF << 76) | (0x3 << 62))
_SET = (0x4 << 76) | (0x2 << 62)


def uuid4() -> str:
    """Return a random uuid4 in its canonical text form, without importing ``uuid``."""
    text = f"{(_bits(128) & _KEEP) | _SET:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def hex_id(nbytes: int) -> str:
    """Return *nbytes* random bytes as lower-case hex."""
    return f"{_bits(nbytes * 8):0{nbytes * 2}x}"
