from __future__ import annotations


def not_main(msg):
    return None
