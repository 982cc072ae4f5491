"""Stand-in for the ``azurefunctions`` namespace, NOT the real package (seed-sample tests only)."""
