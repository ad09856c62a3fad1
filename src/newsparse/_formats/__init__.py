"""The built-in formats. Each subpackage is a plugin registered like any third-party one.

A subpackage's ``__init__`` only registers its format; the reader and writer live in
private modules that newsparse imports on first use.
"""
