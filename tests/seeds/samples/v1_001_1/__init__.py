# Seed sample: v1 HTTP function without annotations
# Origin: 001 (French dev guide) lines 68-70 (function.json: lines 45-64);
#   identical in 003 (Korean dev guide) lines 42-44 (19-38) and 004 (Chinese dev guide) lines 63-65 (40-59).
# Verbatim.

def main(req):
    user = req.params.get('user')
    return f'Hello, {user}!'
