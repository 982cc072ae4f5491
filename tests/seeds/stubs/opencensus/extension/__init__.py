"""Stand-in for ``opencensus.extension``, NOT the real package (seed-sample tests only)."""
