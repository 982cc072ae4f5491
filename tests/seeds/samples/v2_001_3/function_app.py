# Seed sample: v2 blueprint, function_app.py registering http_blueprint.bp
# Origin: 001 (French dev guide) lines 313-318;
#   identical in 004 (Chinese dev guide) lines 308-313.
# Edits (everything else is verbatim):
#   - trailing spaces removed from 3 lines (text-extraction damage).

import azure.functions as func
from http_blueprint import bp

app = func.FunctionApp()

app.register_functions(bp)
