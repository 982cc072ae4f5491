"""Stand-in for ``azurefunctions.extensions``, NOT the real package (seed-sample tests only)."""
