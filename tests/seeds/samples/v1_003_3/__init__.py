# Seed sample: v1 HTTP function reading an app setting (Korean edition's variant)
# Origin: 003 (Korean dev guide) lines 436-444. Differs from v1_001_12 by indentation and a blank line.
# Verbatim.

import logging
import os
import azure.functions as func

def main(req: func.HttpRequest) -> func.HttpResponse:

    # Get the setting named 'myAppSetting'
    my_app_setting_value = os.environ["myAppSetting"]
    logging.info(f'My app setting value:{my_app_setting_value}')
