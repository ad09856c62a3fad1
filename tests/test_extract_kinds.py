"""Main-content extraction on invented pages, one per kind of page that defeats a simple
container choice: each names the general property of pages that the extractor relies on.
"""

from __future__ import annotations

import newsparse
from newsparse import Heading, ListBlock, Paragraph

HEAD = "<html lang='en'><head><title>{title}</title></head><body>"
MENU = (
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/shop'>Shop</a></nav>"
    "<div class='menu'><a href='/a'>Gardens</a> <a href='/b'>Tools</a></div>"
)
SIDEBAR = (
    "<div class='sidebar'><p>Our shop is open every day from nine to five, "
    "come and see us soon.</p></div>"
)
FOOT = "<footer><p>Copyright 2026 Example Gardens. All rights reserved.</p></footer></body></html>"


def texts(page: str) -> list[str]:
    article = newsparse.read(page, "html")
    out = []
    for block in article.body:
        if isinstance(block, ListBlock):
            out.extend(block.items)
        else:
            out.append(getattr(block, "text", ""))
    return out


def test_article_spread_over_many_one_paragraph_boxes_is_taken_whole() -> None:
    # coverage: the best box holds a small share of the page's paragraph text, so the
    # container that holds most of it wins (a how-to page of steps, a grid of text boxes)
    steps = [
        "Fill a shallow tray with seed compost, level it, and water it from below until dark.",
        "Sow the seeds thinly, about two fingers apart, and press them gently into the soil.",
        "Cover the tray with a clear lid, keep it warm and bright, and open it every morning.",
        "When two true leaves show, lift each seedling by a leaf and move it to its own pot.",
        "Harden the young plants off for a week, outside by day and inside by night, then plant.",
    ]
    boxes = "".join(
        f"<div class='box'><div class='box-title'>Step {k}</div><div class='box-body'>"
        f"<p>{text}</p></div></div>"
        for k, text in enumerate(steps, 1)
    )
    page = (
        HEAD.format(title="Raising seedlings")
        + MENU
        + "<main><h1>Raising seedlings</h1><div class='grid'>"
        + boxes
        + "</div></main>"
        + FOOT
    )
    got = texts(page)
    for text in steps:
        assert text in got
    assert not any("All rights" in t for t in got)


def test_article_in_a_furniture_looking_element_is_kept() -> None:
    # an element that looks like furniture by its tag or class (an <aside>, a "teaser"
    # class) but holds most of the page's paragraph text is the article
    paragraphs = [
        "The allotment society met in the church hall on Thursday to share out the plots.",
        "Forty families asked for a plot this year, twice as many as the year before.",
        "The society will split the largest plots in two, so that no family waits another season.",
        "Rents stay at twelve pounds a year, and water from the new tanks is free for everyone.",
    ]
    for wrapper in ("aside class='story'", "div class='teaser-body'", "section class='sidebar'"):
        tag = wrapper.split()[0]
        page = (
            HEAD.format(title="More plots for more families")
            + MENU
            + f"<{wrapper}><h1>More plots for more families</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + f"</{tag}>"
            + "<div class='related'><a href='/x'>Compost in winter</a></div>"
            + FOOT
        )
        got = texts(page)
        assert [t for t in got if t in paragraphs] == paragraphs, wrapper


def test_post_made_of_a_list() -> None:
    # list items are paragraphs too: a post that is only a list is the list (the side
    # rail's and the footer's paragraphs are furniture)
    items = [
        "Sharpen the spade before the ground freezes, a blunt edge tears the roots apart.",
        "Oil the wooden handles with linseed and leave them to dry in a cool, dry shed.",
        "Empty and coil the hoses, water left inside splits them on the first frosty night.",
        "Clean the pots in warm soapy water, then stack them upside down to keep them dry.",
    ]
    page = (
        HEAD.format(title="Four jobs for the tool shed")
        + MENU
        + "<div class='post'><h1>Four jobs for the tool shed</h1><ul>"
        + "".join(f"<li>{i}</li>" for i in items)
        + "</ul></div>"
        + SIDEBAR
        + FOOT
    )
    assert texts(page) == items


def test_link_roll_post() -> None:
    # a post that is a list of links with a line each: the list is the body, not the
    # side rail's paragraph, nor nothing
    links = [
        ("/a", "Mulching basics", "why a thick layer keeps weeds down"),
        ("/b", "Rain barrels", "how to fit one to a shed gutter"),
        ("/c", "Seed swaps", "where to meet other growers this spring"),
        ("/d", "Hedgehog houses", "a weekend project from old bricks"),
    ]
    page = (
        HEAD.format(title="Links for the week")
        + MENU
        + "<div class='post'><h1>Links for the week</h1><ul>"
        + "".join(f"<li><a href='{u}'>{t}</a>: {d}</li>" for u, t, d in links)
        + "</ul></div>"
        + SIDEBAR
        + FOOT
    )
    got = texts(page)
    for _u, t, d in links:
        assert f"{t}: {d}" in got


def test_headings_and_table_cells_carry_the_text() -> None:
    # an old layout: the text sits directly in table cells, between headings (text held
    # directly counts like a paragraph, headings in the chosen cell come out in order)
    cells = [
        "Our club was founded in 1952 by six growers from the valley who wanted a show.",
        "Today we have ninety members, a seed library and a greenhouse that anyone can book.",
    ]
    page = (
        HEAD.format(title="About the club")
        + "<table><tr><td class='nav'><a href='/'>Home</a><br><a href='/join'>Join</a></td><td>"
        + "<h2>Our history</h2>"
        + cells[0]
        + "<h3>The club today</h3>"
        + cells[1]
        + "</td></tr></table></body></html>"
    )
    article = newsparse.read(page, "html")
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in article.body]
    assert kinds == [
        ("Heading", "Our history"),
        ("Paragraph", cells[0]),
        ("Heading", "The club today"),
        ("Paragraph", cells[1]),
    ]


def test_headings_between_the_parts_of_an_article() -> None:
    # a heading is short and scores nothing, but it introduces the box after it: it comes
    # out with that box
    parts = {
        "Our history": [
            "Our club was founded in 1952 by six growers from the valley, "
            "who wanted a show of their own.",
            "The first show had forty entries, most of them leeks, "
            "and a single, very large marrow.",
        ],
        "The club today": [
            "Today we have ninety members, a seed library, and a greenhouse that anyone can book.",
        ],
        "Join us": [
            "Membership costs ten pounds a year, and children join for free with a parent."
        ],
    }
    page = (
        HEAD.format(title="About the club")
        + "<nav><a href='/'>Home</a></nav>"
        + "<div class='content'><h1>About the club</h1>"
        + "".join(
            f"<h2>{h}</h2><div class='text'>" + "".join(f"<p>{p}</p>" for p in ps) + "</div>"
            for h, ps in parts.items()
        )
        + "</div>"
        + FOOT
    )
    article = newsparse.read(page, "html")
    expected = []
    for heading, paragraphs in parts.items():
        expected.append(Heading(heading, level=2))
        expected.extend(Paragraph(p) for p in paragraphs)
    assert list(article.body) == expected


def test_lines_between_breaks_split_by_inline_elements_and_scripts() -> None:
    # the text a container holds itself is summed over its text nodes and inline children
    # (here no single piece is long: short lines, links, bold words, an inline ad script)
    lines = [
        "The frost came early this year,",
        "and took the beans in one night.",
        "We picked what was left at dawn,",
        "and made jam of the rest.",
        "Next year, fleece by October,",
        "and no more waiting.",
    ]
    poem = (
        "The frost came <b>early</b> this year,<br>and took the <a href='/b'>beans</a> in one "
        "night.<script>window.ads.push('slot-1')</script><br><br>We picked what was <i>left</i> "
        "at dawn,<br>and made <b>jam</b> of the rest.<br><br>Next year, <a href='/f'>fleece</a> "
        "by October,<br>and <b>no</b> more waiting."
    )
    page = (
        HEAD.format(title="Frost")
        + MENU
        + f"<div class='main'><div class='entry'>{poem}</div></div>"
        + "<div class='box'><div><p>Seeds, tools and compost: open nine to five</p></div></div>"
        + FOOT
    )
    assert texts(page) == lines


def test_shop_page_keeps_the_description_not_reviews_or_forms() -> None:
    description = [
        "This watering can holds nine litres and is made from recycled steel with a brass rose.",
        "The long spout reaches the back of a deep border, and the handle stays cool in the sun.",
        "Each can is painted by hand in our workshop, so no two are quite the same shade of green.",
    ]
    reviews = "".join(
        f"<div class='review'><p>{t}</p></div>"
        for t in (
            "Lovely can, though it is heavier than I thought it would be when full, so be warned.",
            "Arrived quickly and well packed, the paint is even nicer than on the photos, thanks.",
            "My third one from this shop, they last for years and the rose never clogs, great buy.",
            "Good value for the price, I use it every evening in the greenhouse for the tomatoes.",
        )
    )
    page = (
        HEAD.format(title="Steel watering can, 9 l")
        + MENU
        + "<div class='product'><h1>Steel watering can, 9 l</h1><div class='price'>£34.00</div>"
        + "<div class='description'>"
        + "".join(f"<p>{p}</p>" for p in description)
        + "</div></div>"
        + "<div class='newsletter-signup'><p>Sign up for our newsletter and get ten percent off "
        + "your first order, we write once a month.</p><form><input name='email'></form></div>"
        + "<section class='customer-reviews'><h2>Reviews</h2>"
        + reviews
        + "</section>"
        + "<div class='cookie-consent'><p>We use cookies to make this shop work, to count "
        + "visits and to show you offers, you can choose which ones.</p></div>"
        + FOOT
    )
    got = texts(page)
    assert [t for t in got if t in description] == description
    assert not any("newsletter" in t or "cookies" in t or "Lovely can" in t for t in got)


def test_standfirst_in_the_header_leads_the_body() -> None:
    # the lead paragraph sits in the article's header, above the body container and out
    # of the sibling merge; a caption or a byline there is not a lead
    lead = "The town's first seed library opened on Saturday, with two thousand packets to lend."
    body = [
        "Borrowers take up to five packets a season and bring back seeds from their best plants.",
        "The librarian, a retired teacher, sorts the returns by hand and labels every packet.",
        "Tomatoes and beans went first; the herbs are still on the shelves for the late sowers.",
    ]
    page = (
        HEAD.format(title="A library for seeds")
        + MENU
        + "<article><header class='article-header'><h1>A library for seeds</h1>"
        + f"<div class='intro'><p>{lead}</p></div>"
        + "<div class='byline'><p>By Ann Lee, gardening reporter, who has written here.</p></div>"
        + "<figure class='image'><figcaption><p>The shelves of the seed library, on the "
        + "opening day in March.</p></figcaption></figure></header>"
        + "<div class='article-body'>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "</div></article>"
        + FOOT
    )
    assert texts(page) == [lead, *body]


def test_related_posts_inside_the_article_are_furniture() -> None:
    # a content word inside a furniture name ("related-posts") does not make it content
    body = [
        "The parish council will plant forty fruit trees along the old railway path this winter.",
        "Volunteers can sign up at the library, and the council lends spades and gloves to all.",
        "The first trees go in on the second Saturday of December, whatever the weather does.",
    ]
    related = "".join(
        f"<div class='related-post'><p>{t}</p></div>"
        for t in (
            "Last year the council planted a hedge of hazel and hawthorn behind the school.",
            "The orchard at the end of Mill Lane gave its first apples in September, a small crop.",
        )
    )
    page = (
        HEAD.format(title="Fruit trees for the railway path")
        + MENU
        + "<div class='entry-content'>"
        + "".join(f"<p>{p}</p>" for p in body)
        + f"<div class='related-posts'><h3>Related</h3>{related}</div></div>"
        + FOOT
    )
    assert texts(page) == body


def test_forum_thread_of_posts_named_like_comments() -> None:
    # every post of the thread sits in a comment-named box: when the filters leave nothing
    # of the chosen container, it is walked again without them (readability's retry)
    posts = [
        "Has anyone grown sweet potatoes this far north? Mine sulk in the cold frame every year.",
        "Yes, in a black pot against a south wall, they need the warmth more than the water.",
        "I gave up after two summers; try the slips from the market, they root much faster.",
    ]
    page = (
        HEAD.format(title="Sweet potatoes up north")
        + MENU
        + "<main><h1>Sweet potatoes up north</h1>"
        + "".join(f"<div class='comment'><div class='comment-body'>{p}</div></div>" for p in posts)
        + "</main>"
        + FOOT
    )
    assert texts(page) == posts
