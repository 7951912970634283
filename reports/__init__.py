"""Aggregation, completeness, economic contribution, Excel import/export (no Qt)."""
