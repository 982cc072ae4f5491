# Seed sample: v1 application-level worker extension -- NOT valid Python as printed
# Origin: 001 (French dev guide) lines 1362-1368;
#   identical in 004 (Chinese dev guide) lines 1357-1363; 003 (Korean dev guide) lines 766-773 differs only by a blank line.
#   main()'s body is only a comment (SyntaxError); `value` is undefined. Tests assert it does not compile.
# Verbatim.

# <project_root>/Trigger/__init__.py

from application_level_extension import AppExtension
AppExtension.configure(key=value)

def main(req, context):
  # Use context.app_ext_attributes here
