"""The plugin's tests use newsparse exactly as a user's program does: installed plugins load.

This folder has its own pytest configuration (in ../pyproject.toml), so newsparse's own
tests/conftest.py, which switches entry-point loading off, is never loaded here.
"""

from __future__ import annotations

import os

# Make sure the entry point is what registers the format, whatever the shell exported.
os.environ.pop("NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", None)
os.environ.pop("NEWSPARSE_LOAD_PLUGINS", None)

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci", deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
