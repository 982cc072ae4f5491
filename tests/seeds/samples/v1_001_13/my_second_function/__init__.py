# Seed sample: v1 my_second_function (unit-testing section)
# Origin: 001 (French dev guide) lines 1156-1174 (function.json: 1132-1152);
#   identical in 004 (Chinese dev guide) lines 1151-1169 (1127-1147).
#   This folder is the doc's <project_root>; tested by unittest_001_1.py.
# Verbatim.

# <project_root>/my_second_function/__init__.py
import azure.functions as func
import logging

# Use absolute import to resolve shared_code modules
from shared_code import my_second_helper_function

# Define an HTTP trigger that accepts the ?value=<int> query parameter
# Double the value and return the result in HttpResponse
def main(req: func.HttpRequest) -> func.HttpResponse:
  logging.info('Executing my_second_function.')

  initial_value: int = int(req.params.get('value'))
  doubled_value: int = my_second_helper_function.double(initial_value)

  return func.HttpResponse(
    body=f"{initial_value} * 2 = {doubled_value}",
    status_code=200
    )
