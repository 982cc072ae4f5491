# Seed sample: v1 logging from a created thread via context.thread_local_storage
# Origin: 001 (French dev guide) lines 698-711;
#   identical in 004 (Chinese dev guide) lines 693-706.
# Verbatim.

import azure.functions as func
import logging
import threading


def main(req, context):
    logging.info('Python HTTP trigger function processed a request.')
    t = threading.Thread(target=log_function, args=(context,))
    t.start()


def log_function(context):
    context.thread_local_storage.invocation_id = context.invocation_id
    logging.info('Logging from thread.')
