"""``python -m azfn``: the azfn command line."""

from __future__ import annotations

from azfn.cli import main

raise SystemExit(main())
