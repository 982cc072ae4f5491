"""The decorator API: ``FunctionApp``, ``Blueprint`` and their mixins."""
