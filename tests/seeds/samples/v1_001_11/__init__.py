# Seed sample: v1 global variable cache (load_json is the doc's placeholder)
# Origin: 001 (French dev guide) lines 967-975;
#   identical in 003 (Korean dev guide) lines 414-422 and 004 (Chinese dev guide) lines 962-970.
# Verbatim.

CACHED_DATA = None


def main(req):
    global CACHED_DATA
    if CACHED_DATA is None:
        CACHED_DATA = load_json()

    # ... use CACHED_DATA in code
