# Seed sample: v1 HTTP trigger with a blob input (func.InputStream)
# Origin: 001 (French dev guide) lines 376-381 (function.json: 348-366, local.settings.json: 368-375);
#   identical in 004 (Chinese dev guide) lines 371-376 (343-361, 363-370).
#   The doc's '// function.json' and '// local.settings.json' label lines are left out of the JSON files.
# Verbatim.

# __init__.py
import azure.functions as func
import logging

def main(req: func.HttpRequest, obj: func.InputStream):
    logging.info(f'Python HTTP-triggered function processed: {obj.read()}')
