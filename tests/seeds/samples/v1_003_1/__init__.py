# Seed sample: v1 HTTP trigger with a blob input (Korean edition's variant)
# Origin: 003 (Korean dev guide) lines 161-169 (function.json: 134-152, local.settings.json: 154-160).
#   Differs from v1_001_3: connection AzureWebJobsStorage, parameters on two lines, log text.
# Verbatim.

# __init__.py
import azure.functions as func
import logging


def main(req: func.HttpRequest,
         obj: func.InputStream):

    logging.info(f'Python HTTP triggered function processed: {obj.read()}')
