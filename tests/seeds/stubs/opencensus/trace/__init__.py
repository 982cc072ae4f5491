"""Stand-in for ``opencensus.trace``, NOT the real package (seed-sample tests only)."""
