"""The built-in formats. Each subpackage is a plugin registered like any third-party one."""
