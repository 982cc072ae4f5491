# <project_root>/shared_code/__init__.py
# Empty __init__.py file marks shared_code folder as a Python package
