# Seed sample: v1 OpenCensus worker extension (custom telemetry)
# Origin: 001 (French dev guide) lines 727-755;
#   identical in 003 (Korean dev guide) lines 249-277 and 004 (Chinese dev guide) lines 722-750.
#   Imports requests and opencensus: tests use tests/seeds/stubs. The doc's requirements.txt
#   (001 lines 723-726) lists opencensus-extension-azure-functions and opencensus-ext-requests.
# Verbatim.

import json
import logging

import requests
from opencensus.extension.azure.functions import OpenCensusExtension
from opencensus.trace import config_integration

config_integration.trace_integrations(['requests'])

OpenCensusExtension.configure()

def main(req, context):
    logging.info('Executing HttpTrigger with OpenCensus extension')

    # You must use context.tracer to create spans
    with context.tracer.span("parent"):
        response = requests.get(url='http://example.com')

    return json.dumps({
        'method': req.method,
        'response': response.status_code,
        'ctx_func_name': context.function_name,
        'ctx_func_dir': context.function_directory,
        'ctx_invocation_id': context.invocation_id,
        'ctx_trace_context_Traceparent': context.trace_context.Traceparent,
        'ctx_trace_context_Tracestate': context.trace_context.Tracestate,
        'ctx_retry_context_RetryCount': context.retry_context.retry_count,
        'ctx_retry_context_MaxRetryCount': context.retry_context.max_retry_count,
    })
