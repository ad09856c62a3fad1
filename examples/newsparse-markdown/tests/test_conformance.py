"""The newsparse conformance kit, run over the Markdown format's round-trip domain."""

from __future__ import annotations

from hypothesis import strategies as st
from newsparse import Article, MediaBlock, Preformatted
from newsparse.testing import strategies as nps
from newsparse.testing.conformance import FormatConformance

# Body text: the kit's realistic alphabet plus every character Markdown gives a meaning to,
# so the escaping is exercised. One line, no edge whitespace: the format's domain.
MARKDOWN_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 2
    + "éñøßİ“”‘’–—…€😀שלוםمرحبا新闻"
    + "\\`*_[]{}()<>#+-=~|!.:;&\"'$%@?/"
    + "   \u00a0"
)
line = nps.text(alphabet=MARKDOWN_ALPHABET, max_size=60)
code = st.lists(st.text(alphabet=MARKDOWN_ALPHABET + "\t", max_size=30), max_size=5).map("\n".join)


def markdown_articles() -> st.SearchStrategy[Article]:
    """Articles inside the Markdown format's round-trip domain."""
    blocks = (
        nps.blocks(types=["paragraph", "heading", "quote", "list"], text=line)
        | st.builds(Preformatted, code)
        | st.builds(
            MediaBlock,
            nps.media(
                captions=line,
                credits=line,
                alts=line,
                kinds=st.sampled_from(["image", "video", "graphic"]),
            ),
        )
    )
    # The front matter carries every other field exactly, so they keep their defaults.
    return nps.articles(body=st.lists(blocks, max_size=8).map(tuple))


class TestMarkdown(FormatConformance):
    format_name = "markdown"

    def articles(self) -> st.SearchStrategy[Article]:
        return markdown_articles()
