"""Stand-in for ``azurefunctions.extensions.http``, a stand-in, NOT the real package."""
