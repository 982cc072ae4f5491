# Seed sample: unit test of the v1 my_second_function (v1_001_13)
# Origin: 001 (French dev guide) lines 1184-1201;
#   identical in 004 (Chinese dev guide) lines 1179-1196.
#   The doc's path: <project_root>/tests/test_my_second_function.py; renamed so pytest does
#   not collect it. Run with v1_001_13/ on sys.path (the project root).
# Verbatim.

# <project_root>/tests/test_my_second_function.py
import unittest

import azure.functions as func
from my_second_function import main

class TestFunction(unittest.TestCase):
  def test_my_second_function(self):
    # Construct a mock HTTP request.
    req = func.HttpRequest(method='GET',
                           body=None,
                           url='/api/my_second_function',
                           params={'value': '21'})
    # Call the function.
    resp = main(req)

    # Check the output.
    self.assertEqual(resp.get_body(), b'21 * 2 = 42',)
