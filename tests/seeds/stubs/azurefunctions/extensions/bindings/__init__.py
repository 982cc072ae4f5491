"""Stand-in for ``azurefunctions.extensions.bindings``, a stand-in, NOT the real package."""
