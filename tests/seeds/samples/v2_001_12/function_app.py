# Seed sample: v2 my_second_function (unit-testing section), function_app.py
# Origin: 001 (French dev guide) lines 1207-1229;
#   identical in 004 (Chinese dev guide) lines 1202-1224.
#   Tested by unittest_001_2.py; shared_code/ holds the doc's helper files.
# Verbatim.

# <project_root>/function_app.py
import azure.functions as func
import logging

# Use absolute import to resolve shared_code modules
from shared_code import my_second_helper_function

app = func.FunctionApp()

# Define the HTTP trigger that accepts the ?value=<int> query parameter
# Double the value and return the result in HttpResponse
@app.function_name(name="my_second_function")
@app.route(route="hello")
def main(req: func.HttpRequest) -> func.HttpResponse:
    logging.info('Executing my_second_function.')

    initial_value: int = int(req.params.get('value'))
    doubled_value: int = my_second_helper_function.double(initial_value)

    return func.HttpResponse(
        body=f"{initial_value} * 2 = {doubled_value}",
        status_code=200
    )
