"""The seed samples are data for tests/seeds/test_seeds.py: collect nothing here."""

from __future__ import annotations

collect_ignore_glob = ["*"]
