# Seed sample: unit test of the v1 my_second_function (Korean variant, v1_003_4)
# Origin: 003 (Korean dev guide) lines 637-659. Differs from unittest_001_1 by layout only.
#   Run with v1_003_4/ on sys.path (the project root).
# Verbatim.

# <project_root>/tests/test_my_second_function.py
import unittest

import azure.functions as func
from my_second_function import main

class TestFunction(unittest.TestCase):
    def test_my_second_function(self):
        # Construct a mock HTTP request.
        req = func.HttpRequest(
            method='GET',
            body=None,
            url='/api/my_second_function',
            params={'value': '21'})

        # Call the function.
        resp = main(req)

        # Check the output.
        self.assertEqual(
            resp.get_body(),
            b'21 * 2 = 42',
        )
