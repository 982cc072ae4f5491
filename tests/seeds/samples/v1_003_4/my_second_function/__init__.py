# Seed sample: v1 my_second_function (Korean edition's variant)
# Origin: 003 (Korean dev guide) lines 609-627 (function.json: 585-605).
#   Differs from v1_001_13 by indentation and comment wording; tested by unittest_003_1.py.
# Verbatim.

# <project_root>/my_second_function/__init__.py
import azure.functions as func
import logging

# Use absolute import to resolve shared_code modules
from shared_code import my_second_helper_function

# Define an http trigger which accepts ?value=<int> query parameter
# Double the value and return the result in HttpResponse
def main(req: func.HttpRequest) -> func.HttpResponse:
    logging.info('Executing my_second_function.')

    initial_value: int = int(req.params.get('value'))
    doubled_value: int = my_second_helper_function.double(initial_value)

    return func.HttpResponse(
      body=f"{initial_value} * 2 = {doubled_value}",
      status_code=200
    )
