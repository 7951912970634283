"""Benchmarks: `make bench` prints one table of measured values, targets and ratios."""
