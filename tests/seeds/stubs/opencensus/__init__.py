"""Stand-in for ``opencensus``, NOT the real package (seed-sample tests only)."""
