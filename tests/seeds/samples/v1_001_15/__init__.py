# Seed sample: temporary files -- a function-body fragment, NOT valid Python as printed
# Origin: 001 (French dev guide) lines 1273-1283;
#   identical in 004 (Chinese dev guide) lines 1268-1278; 003 (Korean dev guide) lines 673-682 differs only by a blank line.
#   The body after '#---' is indented with no enclosing def (IndentationError). Tests assert it does not compile.
# Verbatim.

import logging
import azure.functions as func
import tempfile

from os import listdir

#---
   tempFilePath = tempfile.gettempdir()
   fp = tempfile.NamedTemporaryFile()
   fp.write(b'Hello world!')
   filesDirListInTemp = listdir(tempFilePath)
