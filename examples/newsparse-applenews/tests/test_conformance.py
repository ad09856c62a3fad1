"""The newsparse conformance kit, run over the Apple News format's round-trip domain."""

from __future__ import annotations

from hypothesis import strategies as st
from newsparse import Article, MediaBlock
from newsparse.testing import strategies as nps
from newsparse.testing.conformance import FormatConformance

# Every media component needs a URL; the four kinds are the four component roles.
media = nps.media(urls=True, kinds=st.sampled_from(["image", "graphic", "video", "audio"])).filter(
    lambda m: m.url is not None
)


def applenews_articles() -> st.SearchStrategy[Article]:
    """Articles inside the format's round-trip domain (see the README's table)."""
    blocks = nps.blocks(types=["paragraph", "heading", "quote", "list", "preformatted"]) | (
        st.builds(MediaBlock, media)
    )
    return nps.articles(
        section=False,  # Apple News has no field for these four
        publisher=False,
        authors=st.lists(nps.authors(roles=False, urls=False), max_size=3).map(tuple),
        with_extras=False,
        media=st.lists(media, max_size=2).map(tuple),
        body=st.lists(blocks, max_size=8).map(tuple),
    )


class TestAppleNews(FormatConformance):
    format_name = "applenews"

    def articles(self) -> st.SearchStrategy[Article]:
        return applenews_articles()
