"""Hypothesis entry point: lets ``st.from_type(Article)`` generate Articles."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register :func:`newsparse.testing.strategies.articles` for :class:`Article`."""
    from hypothesis import strategies as st

    from .._model import Article

    def resolve(_: type) -> st.SearchStrategy[Article]:
        # built on first use: building strategies while Hypothesis itself is being
        # imported counts as a side effect during its initialisation
        from .strategies import articles

        return articles()

    st.register_type_strategy(Article, resolve)
