"""Measuring extraction against annotated data. Entry point: `re3d.evaluate_path`."""
