# Seed sample: v1 WSGI: Flask app served through func.WsgiMiddleware (intro deck)
# Origin: 002 (intro deck) lines 344-352.
#   Imports flask: tests use tests/seeds/stubs.
# Edits (everything else is verbatim):
#   - the deck's fragment uses Flask, logging and func without importing them: the imports (marked 'added') are supplied.

# added: (prelude the doc leaves out)
import logging

from flask import Flask

import azure.functions as func
# end of added lines

app=Flask("Test")

@app.route("hello/<name>", methods=['GET'])
def hello(name: str):
    return f"hello {name}"

def main(req: func.HttpRequest, context) -> func.HttpResponse:
  logging.info('Python HTTP trigger function processed a request.')
  return func.WsgiMiddleware(app).handle(req, context)
