# Seed sample: v1 HTTP function reading an app setting from os.environ
# Origin: 001 (French dev guide) lines 989-997;
#   identical in 004 (Chinese dev guide) lines 984-992.
# Verbatim.

import logging
import os

import azure.functions as func

def main(req: func.HttpRequest) -> func.HttpResponse:
  # Get the setting named 'myAppSetting'
  my_app_setting_value = os.environ["myAppSetting"]
  logging.info(f'My app setting value:{my_app_setting_value}')
