# Seed sample: v1 logging example (no function.json in the doc)
# Origin: 001 (French dev guide) lines 678-681;
#   identical in 004 (Chinese dev guide) lines 673-676; 003 (Korean dev guide) lines 220-224 differs only by a blank line.
# Verbatim.

import logging

def main(req):
    logging.info('Python HTTP trigger function processed a request.')
