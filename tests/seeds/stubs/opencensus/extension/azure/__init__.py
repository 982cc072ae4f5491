"""Stand-in for ``opencensus.extension.azure``, NOT the real package (seed-sample tests only)."""
