# Seed sample: v1 HTTP function with azure.functions annotations
# Origin: 001 (French dev guide) lines 74-78 (function.json: the one of lines 45-64);
#   identical in 004 (Chinese dev guide) lines 69-73; 003 (Korean dev guide) lines 48-53 differs only by an extra blank line.
# Verbatim.

import azure.functions

def main(req: azure.functions.HttpRequest) -> str:
    user = req.params.get('user')
    return f'Hello, {user}!'
