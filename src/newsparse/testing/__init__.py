"""Test tooling for newsparse and its plugins.

:mod:`newsparse.testing.strategies` holds public Hypothesis strategies that generate
Articles and their parts (Hypothesis is imported only when that module is).
"""
