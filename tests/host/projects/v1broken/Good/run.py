from __future__ import annotations


def main(msg):
    return None
