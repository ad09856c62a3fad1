"""Main-content extraction on invented pages, one per kind of page that defeats a simple
container choice: each names the general property of pages that the extractor relies on.
"""

from __future__ import annotations

import newsparse
from _blocks import block_texts
from newsparse import Heading, MediaBlock, Paragraph, Preformatted
from newsparse._formats.html._body import first_opinion, prepare
from newsparse._formats.html._reader import parse

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
    return block_texts(newsparse.read(page, "html").body)


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


# ---------------------------------------------------------------------------
# the second extractor and the comparison


def main_only(page: str) -> list[str]:
    """The main extractor's texts, without the comparison with the second one."""
    tree, _ = parse(page)
    prepared, selector = prepare(tree, None, None)
    blocks, _ruled, _prose = first_opinion(tree, prepared, selector)
    return block_texts(blocks)


STORY = [
    "The harbour board voted on Monday to keep the night ferry running through the winter, "
    "after a petition signed by two thousand islanders reached the council last month.",
    "The ferry will leave the pier at eleven every evening, and the fare stays at four pounds "
    "for adults, two for children, as the board had promised in its spring meeting.",
    "Fishermen, nurses and the bakery's early shift had written to the board, saying the last "
    "boat was the only way home for them; the board said it had heard them, and would listen.",
    "The council will pay for the extra crew until April, from the fund it keeps for the "
    "island's roads, and the board will count the passengers every night to see who rides.",
]


def test_gallery_of_long_captions_gives_way_to_the_article() -> None:
    # prose: a photo gallery's legends (a list of long captions) outscore a short article
    # in the main extractor; a result made only of list items gives way to a second result
    # written in paragraphs (Readability's, which strips the legends by their name)
    legends = "".join(
        f"<li><h2>Photo {k} of 12</h2><p>The harbour at dawn, seen from the north pier, with "
        f"the night ferry coming in, its lights still on, gulls above, a tug waiting by the "
        f"quay, nets drying on the rail, the fish market opening, the first buyers in line, "
        f"crates of crab, the ice van, the harbour master's dog, the bakery's van, shot {k}."
        f"</p></li>"
        for k in range(1, 13)
    )
    page = (
        HEAD.format(title="Night ferry stays")
        + MENU
        + f"<div class='gallery'><div class='slides'><ul class='legends'>{legends}</ul></div>"
        + "</div><div class='text'><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</div></div>"
        + FOOT
    )
    assert not any(p in main_only(page) for p in STORY)  # the main pick is the gallery
    assert texts(page) == STORY


def test_main_pick_of_a_fragment_gives_way_to_the_whole_article() -> None:
    # coverage: the article's first part (comma-rich paragraphs in one box) outscores its
    # rest (one paragraph per box) in the main extractor, which takes the part, holding
    # under half of the page's paragraph text; the second result (Readability reads a box
    # of one paragraph as that paragraph) holds all of it and twice as much again
    part = [
        f"The island's cinema, shut for a year, reopened on Friday, {k}, with a new roof, new "
        f"seats, a new screen, a new sign, a new boiler and, at last, a new projector, paid "
        f"for by a raffle, a bake sale, a grant and the school's summer fair."
        for k in ("at noon", "at six", "at nine", "at midnight")
    ]
    rest = [
        f"Part {k} of the evening went to the volunteers who kept the hall dry through the "
        f"winter and who painted the foyer in the colours the children chose for it this year."
        for k in range(1, 9)
    ]
    page = (
        HEAD.format(title="The cinema reopens")
        + MENU
        + "<div class='article'><div class='part'>"
        + "".join(f"<p>{p}</p>" for p in part)
        + "</div><section class='more'>"
        + "".join(f"<div><p>{p}</p></div>" for p in rest)
        + "</section></div>"
        + FOOT
    )
    assert main_only(page) == part  # the main pick is the first part only
    assert texts(page) == part + rest


def test_second_result_of_links_is_no_article() -> None:
    # a page of teaser links: the main extractor finds no article, and the second one's
    # result (the links) is no article either
    teasers = "".join(
        f"<li><a href='/n/{k}'>Harbour news number {k}: the ferry, the fares and the pier "
        f"timetable for the winter</a></li>"
        for k in range(12)
    )
    page = HEAD.format(title="News index") + f"<div class='index'><ul>{teasers}</ul></div>" + FOOT
    assert newsparse.read(page, "html").body == ()


# ---------------------------------------------------------------------------
# what the emitting and the tidying keep


def test_article_of_headings_and_pictures_is_kept() -> None:
    # no paragraph at all: an article of headings and pictures is still an article, and
    # its pictures are figures of the body (not dropped as trailing furniture)
    page = (
        HEAD.format(title="Boats of the harbour")
        + "<article><h2>The morning ferry</h2><img src='/img/ferry.jpg' alt='The ferry'>"
        + "<h2>The lifeboat</h2><img src='/img/lifeboat.jpg' alt='The lifeboat'></article>"
        + FOOT
    )
    body = newsparse.read(page, "html").body
    assert [type(b).__name__ for b in body] == ["Heading", "MediaBlock", "Heading", "MediaBlock"]
    assert [b.media.url for b in body if isinstance(b, MediaBlock)] == [
        "/img/ferry.jpg",
        "/img/lifeboat.jpg",
    ]


def test_pictures_between_paragraphs_are_figures_and_icons_are_not() -> None:
    # an image standing between blocks is a picture of the article; an icon (a declared
    # size under 48 pixels) or an image inside a paragraph is not a figure of its own
    page = (
        HEAD.format(title="Night ferry stays")
        + "<div class='story'>"
        + f"<p>{STORY[0]}</p><img src='/img/pier.jpg' alt='The pier'>"
        + f"<img src='/img/icon.png' width='16' height='16'><p>{STORY[1]}</p>"
        + f"<p><img src='/img/smile.png'>{STORY[2]}</p></div>"
        + FOOT
    )
    body = newsparse.read(page, "html").body
    figures = [b.media.url for b in body if isinstance(b, MediaBlock)]
    assert figures == ["/img/pier.jpg"]
    assert [b.text for b in body if isinstance(b, Paragraph)] == STORY[:3]


def test_notices_after_the_story_are_dropped() -> None:
    # the site's notices after the story (subscribe, follow, donate, copyright), in any of
    # several languages, are furniture; the story's own last paragraph stays
    notices = [
        "Enjoyed this story? Subscribe to our weekly newsletter for more from the islands.",
        "Folgen Sie uns auch auf unseren Kanälen, wir freuen uns auf Ihre Kommentare!",
        "© 2026 The Island Gazette. Todos los derechos reservados.",
    ]
    last = "The board meets again in March, when it will look at the summer timetable."
    page = (
        HEAD.format(title="Night ferry stays")
        + "<div class='story'>"
        + "".join(f"<p>{p}</p>" for p in [*STORY, last, *notices])
        + "</div>"
        + FOOT
    )
    assert texts(page) == [*STORY, last]


def test_code_at_the_end_of_a_how_to_is_kept() -> None:
    # a code block is content wherever it stands, even last and short
    steps = [
        "To see whether the service runs, open a terminal on the harbour server and list "
        "the jobs of the ferry timetable, which the board keeps up to date every night.",
        "If the list is empty, the timetable job has stopped; start it again with the "
        "command below, as the harbour master's account, and check the list once more.",
    ]
    page = (
        HEAD.format(title="Restarting the timetable")
        + "<div class='post'>"
        + "".join(f"<p>{p}</p>" for p in steps)
        + "<p><strong>Start it again:</strong></p><pre>timetable start --all</pre></div>"
        + FOOT
    )
    body = newsparse.read(page, "html").body
    assert isinstance(body[-1], Preformatted)
    assert body[-1].text == "timetable start --all"


def test_metadata_line_under_the_headline_is_dropped() -> None:
    # a line of short parts split by bars, one of them a date, is the metadata line
    page = (
        HEAD.format(title="Night ferry stays")
        + "<div class='story'><p>12. Mai 2026, 09:15 | Ann Lee | 3 Kommentare</p>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</div>"
        + FOOT
    )
    assert texts(page) == STORY


def test_caption_with_a_credit_is_a_figure_not_text() -> None:
    # a short paragraph ending with a photo credit in brackets is a caption whose
    # picture was not marked as a figure: it becomes a figure of the body
    page = (
        HEAD.format(title="Night ferry stays")
        + "<div class='story'>"
        + f"<p>{STORY[0]}</p><p>The night ferry at the north pier (Photo: Ann Lee)</p>"
        + "".join(f"<p>{p}</p>" for p in STORY[1:])
        + "</div>"
        + FOOT
    )
    body = newsparse.read(page, "html").body
    assert [b.text for b in body if isinstance(b, Paragraph)] == STORY
    (figure,) = [b for b in body if isinstance(b, MediaBlock)]
    assert (figure.media.caption, figure.media.credit) == (
        "The night ferry at the north pier",
        "Photo: Ann Lee",
    )


def test_long_lead_without_a_final_mark_leads_the_body() -> None:
    # a long intro above the body joins it even when it does not end like a sentence
    lead = (
        "After a year of meetings, two petitions, a packed public hearing in the school hall "
        "and a vote that went down to the last member, the harbour board has decided that "
        "the night ferry stays on the winter timetable, and that the fare for islanders "
        "stays where it is"
    )
    page = (
        HEAD.format(title="Night ferry stays")
        + "<article><header><h1>Night ferry stays</h1>"
        + f"<div class='intro'>{lead}</div></header>"
        + "<div class='article-body'>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</div></article>"
        + FOOT
    )
    assert texts(page) == [lead, *STORY]


def test_article_only_in_a_noscript_fallback_is_read() -> None:
    # a page that renders its article with a script ships the same markup in <noscript>
    # for readers without scripts: a fallback holding paragraphs of text is the article,
    # a short notice or a tracking pixel in <noscript> stays out
    paragraphs = [
        "The lighthouse on the north cape was switched to solar power this spring, ending "
        "ninety years of diesel generators that had to be refuelled by boat every month.",
        "Keepers left the island in 1980, but the station's beam still guides the ferries "
        "that cross the sound at night, and the coast guard checks it twice a year.",
        "The new panels sit on the old oil store's roof, and a battery bank in the cellar "
        "keeps the lamp lit through the three weeks of winter when the sun barely rises.",
        "Volunteers from the harbour society will open the tower to visitors on Saturdays "
        "from June, for the first time since the keepers' families moved to the mainland.",
    ]
    markup = "".join(f"<p>{text}</p>" for text in paragraphs)
    page = (
        HEAD.format(title="Lighthouse goes solar")
        + MENU
        + "<noscript><p>Please turn on JavaScript to see our menus.</p></noscript>"
        + "<main><h1>Lighthouse goes solar</h1><div class='post-body'>"
        + f"<script type='text/template'>{markup}</script><noscript>{markup}</noscript>"
        + "</div></main>"
        + "<noscript><img src='/pixel.gif' alt=''></noscript>"
        + FOOT
    )
    got = texts(page)
    assert got == paragraphs
