# <project_root>/shared_code/my_second_helper_function.py

def double(value: int) -> int:
  return value * 2
