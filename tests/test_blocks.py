"""The text body finder on short made-up pages: every block kind, and every interruption that
must be skipped, not taken for the end of the article (issue 14)."""
import datetime as dt

import pytest

from pipeline.structure import analyse
from pipeline.structure.blocks import BARRIER, best_region, is_menu_like, page_stopwords, stop_ratio, stopwords
from pipeline.structure.page import classify, split_lines

EN = stopwords("en")

P1 = ("Northshire County Council's children's services have been rated good by Ofsted for the first time in "
      "a decade, inspectors said on Tuesday after a three-week visit to the service.")
P2 = ("The director of children's services said the judgement reflected the work of staff over several years "
      "of change, and she thanked the families who had spoken to the inspectors.")
P3 = ("Inspectors praised the speed of the front door service and the stability of the social work teams, "
      "which now rely far less on agency workers than they did three years ago.")
P4 = ("The council's leader said the money saved on agency staff would be spent on a new team for care "
      "leavers, which will open in the spring and employ twelve personal advisers.")
HEADLINE = "Northshire children's services rated good after years of failure"
MENU = "Home\nNews\nSport\nBusiness\nPolitics\nHealth\nEducation\nWeather\nEntertainment\nTravel\n"


def kind(text):
    return classify(split_lines(text)[0], EN).kind


@pytest.mark.parametrize("line, expected", [
    (P1, "prose"),
    ("2015 – A chief executive is appointed in January.", "item"),
    ("He did not get it, and said so.", "sentence"),
    ("Trending in Politics", "box"),
    ("Related Stories", "box"),
    ("ADVERTISEMENT", "skip"),
    ("Share this with Email Facebook Twitter WhatsApp", "skip"),
    ("Image caption: The unit opened in the autumn of 2015", "skip"),
    ("Comments (3)", "end"),
    ("Tags: Ofsted, children", "end"),
    ("We use cookies to personalise content and ads, and to analyse our traffic. Learn more.", "notice"),
    ("Your browser is out of date and some features of this site will not work.", "notice"),
    ("Home News Sport Business Politics Health Education Weather Entertainment Travel Money", "menu"),
    ("Home | News | Sport | Weather | Local", "menu"),
    ("Published: 14 March 2017", "dateline"),
    ("By Jane Doe, Health Correspondent", "byline"),
    ("Council Tax Explained", "short"),
    ("1 Northshire Rovers 38 27 6 5 80 31 87", "table"),
    ("Published 2 days ago", "short"),  # a relative dateline: dated only in the dateline area
    ("Sign in", "skip"),
    ("You are signed in as", "skip"),
])
def test_block_kinds(line, expected):
    assert kind(line) == expected


def test_block_signals():
    assert stop_ratio(P1, EN) > 0.2 and stop_ratio("Home News Sport Business", EN) == 0
    assert is_menu_like("Select a country Afghanistan Albania Algeria Andorra Angola Argentina Armenia", EN)
    assert not is_menu_like(P1, EN)
    # the page's own language decides what a stopword is
    assert "und" in page_stopwords(["Der Rat hat die Dienste für Kinder und Familien neu geordnet, und die Prüfer sind zufrieden."])


def test_best_region_bridges_dips_and_stops_at_barriers():
    assert best_region([-2, 10, -3, 10, -50, 5]) == (1, 3)
    assert best_region([10, BARRIER, 30]) == (2, 2)
    assert best_region([-1, -2]) is None


def body_of(page):
    s = analyse(page)
    return s, page[s.body_start:s.body_end]


def page_with(interruption):
    return f"The Bugle\n{MENU}\n{HEADLINE}\n\n{P1}\n\n{interruption}\n\n{P2}\n\n{P3}\n\nMost read\nOne story\nAnother story\n"


@pytest.mark.parametrize("interruption", [
    "ADVERTISEMENT",
    "Advertisement\nStory continues below advertisement",
    "Share this with\nEmail\nFacebook\nMessenger\nTwitter\nWhatsApp",
    "More: Council tax to rise by five per cent",
    "Related Stories\nCouncil tax to rise by five per cent\nNew head for the county's schools",
    "Don't Miss\nCouncil tax to rise by five per cent",
    "Image caption: Inspectors visited the service in March",
    "A new start for the service",  # a crosshead
    "Story continues below gallery",
])
def test_short_interruption_inside_the_article_is_skipped(interruption):
    page = page_with(interruption)
    s, b = body_of(page)
    assert b.startswith(HEADLINE) and b.endswith(P3), interruption
    assert "Most read" not in b and "Another story" not in b
    if interruption != "A new start for the service":  # furniture yields no mentions; a crosshead is text
        first = page.index(interruption.split("\n")[0])
        assert any(a <= first < e for a, e in s.excluded), interruption


def test_byline_block_before_the_first_paragraph_does_not_end_the_article():
    page = (f"The Bugle\n{MENU}\n{HEADLINE}\n\nBy Jane Doe\nHealth Correspondent\nJane writes about care and health.\n"
            f"Published 14 March 2017\nShare\nFacebook\nTwitter\n\n{P1}\n\n{P2}\n\n{P3}\n")
    s, b = body_of(page)
    assert b.endswith(P3) and s.title == HEADLINE and s.published == dt.date(2017, 3, 14)
    assert any(a <= page.index("Facebook") < e for a, e in s.excluded)


def test_widgets_banners_and_teasers_are_not_the_body():
    page = ("We use cookies to improve your experience on our site and to show you personalised advertising. "
            "By continuing you accept our cookie policy and our privacy policy, which you can read at any time.\n"
            "Your browser is out of date: please update it to see this site as it was meant to be seen.\n"
            "Home News Sport Business Politics Health Education Weather Entertainment Travel Money Property\n"
            f"{MENU}\n{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\nComments (4)\n"
            "Good news at last, the staff deserve it and so do the children who have waited so long for this.\n")
    s, b = body_of(page)
    assert b.startswith(HEADLINE) and b.endswith(P4)
    assert "cookie" not in b and "browser" not in b and "Good news at last" not in b


def test_long_menu_line_is_not_prose():
    menu_line = " ".join(["Select", "a", "region"] + ["North", "South", "East", "West", "Midlands", "Wales",
                                                       "Scotland", "London", "Yorkshire", "Cumbria"] * 3)
    page = f"The Bugle\n{menu_line}\n\n{HEADLINE}\n\n{P1}\n\n{P2}\n"
    s, b = body_of(page)
    assert s.title == HEADLINE and menu_line not in b


def test_masthead_today_is_not_the_publication_date():
    page = (f"The Bugle\nWednesday 2 December 2026\n{MENU}\n{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert analyse(page).published is None
    dated = page.replace(f"{HEADLINE}\n\n", f"{HEADLINE}\n\nBy Jane Doe | Updated 15 March 2017 | Published 14 March 2017\n\n")
    assert analyse(dated).published == dt.date(2017, 3, 14)


def test_page_title_line_names_the_headline():
    page = (f"{HEADLINE} | The Bugle\n{MENU}\nMost popular story of the week\n\n{P4}\n\n"
            f"{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n")
    s, b = body_of(page)
    assert s.title == HEADLINE and b.startswith(HEADLINE) and P4 not in b


def test_closing_teasers_are_cut_off():
    teaser = ("ELSEWHERE\nCouncil tax to rise in the county next year\nexample.org News\n"
              "The county will raise council tax by five per cent, the most it is allowed to.\n")
    page = f"The Bugle\n{MENU}\n{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}\n\n{teaser * 3}"
    s, b = body_of(page)
    assert b.endswith(P4) and "ELSEWHERE" not in b


def test_long_dash_paragraph_is_prose_and_long_list_line_is_not_an_item():
    answer = "— " + P1
    assert kind(answer) == "prose"
    assert kind("— We opened the new team in the spring.") == "item"


def test_opening_furniture_share_widgets_and_captions_carry_no_mentions():
    caption = "Inspectors visited the children's homes in the county over three weeks in the spring of this year."
    page = (f"The Bugle\n{MENU}\n{HEADLINE}\n\nBy\nJane Doe\nClick to share on Facebook (Opens in new window)\n"
            f"Copy this link\n{caption}\n(Image: © A Photographer)\n\n{P1}\n\n{P2}\n\n{P3}\n\nAbout the author\n")
    s, b = body_of(page)
    assert b.endswith(P3)
    for furniture in ("Jane Doe", "Click to share", "Copy this link", caption, "(Image:"):
        at = page.index(furniture)
        assert any(a <= at < e for a, e in s.excluded), furniture
    assert not any(a <= page.index(P1) < e for a, e in s.excluded)


def test_headline_repeated_in_the_body_of_a_page_without_a_title_line():
    # the first line is the headline itself (no "| Site"): its copy inside the body is no new start
    page = f"{HEADLINE}\n\n{P1}\n\n{P2}\n\n{HEADLINE}\n\n{P3}\n\n{P4}\n"
    s, b = body_of(page)
    assert b.startswith(HEADLINE) and P1 in b and b.endswith(P4)


@pytest.mark.parametrize("language", ["en", "de", "ru", "tr"])
def test_stopwords_are_spacys_list_for_the_language(language):
    """Read from the language's stop_words.py alone (no tokenizer compiled): the same words."""
    from spacy.util import get_lang_class

    assert stopwords(language) == frozenset(w.lower() for w in get_lang_class(language).Defaults.stop_words)


@pytest.mark.parametrize("interruption", [
    # a list inside the article: bullets, numbered, or short lines under a lead-in
    "The report found:\n• Better management oversight of cases\n• Stable social work teams\n• Fewer agency staff",
    "1. The front door service\n2. Care leavers\n3. Children in care",
    # a gallery: its counter lines and captions
    "1 of 6\nThe new unit in Northshire\n2 of 6\nStaff at the front door service\nStory continues below gallery",
])
def test_lists_and_galleries_inside_the_article_are_bridged(interruption):
    page = page_with(interruption)
    s, b = body_of(page)
    assert b.startswith(HEADLINE) and b.endswith(P3), interruption
    assert P2 in b and "Most read" not in b


@pytest.mark.parametrize("dateline, published", [
    ("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", dt.date(2017, 11, 19)),  # no year: the page's
    ("Posted 3 March", dt.date(2017, 3, 3)),
    ("sexta-feira, 22 de outubro de 2010 às 20:13", dt.date(2010, 10, 22)),     # other languages' months
    ("Posted on Oktober 27, 2015 by Admin", dt.date(2015, 10, 27)),
    ("Publié le 22 octobre 2010 à 20h13", dt.date(2010, 10, 22)),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", dt.date(2019, 11, 19)),      # the day as written
])
def test_byline_dates_near_the_headline(dateline, published):
    page = f"The Bugle\n{MENU}\n{HEADLINE}\n{dateline}\n\n{P1}\n\n{P2}\n\n{P3}\n\n© 2017 The Bugle\n"
    s = analyse(page)
    assert s.published == published and s.title == HEADLINE
    assert any(a <= page.index(dateline) < e for a, e in s.excluded)


def test_a_date_without_year_needs_the_page_year():
    page = f"The Bugle\n{MENU}\n{HEADLINE}\nPosted Nov 19, 6:51 AM\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert analyse(page).published is None  # no copyright line: no year to give it
    assert analyse(page + "Copyright 2005-2019 The Bugle\n").published == dt.date(2019, 11, 19)


def test_an_article_that_is_a_long_list_of_short_lines_is_kept_whole():
    # a plan: a few paragraphs, then day after day of short labelled lines, then a box of links
    day = ("Day {n}\nBreakfast before the school run\nPorridge with fruit and seeds\nLunch at your desk\n"
           "Soup and a wholemeal roll\nEvening meal with the family\nFish with rice and green beans\n")
    plan = "".join(day.format(n=n) for n in range(2, 8))
    # the best region ends inside the plan, after the paragraph below its first day
    page = (f"The Bugle\n{MENU}\n{HEADLINE}\n\n{P1}\n\n{P2}\n\n{day.format(n=1)}{P3}\n\n{plan}\nRelated Articles\n"
            "Council tax to rise by five per cent\nNew head for the county's schools\n")
    s, b = body_of(page)
    assert b.startswith(HEADLINE) and "Day 7" in b and b.rstrip().endswith("Fish with rice and green beans")
    assert "Related Articles" not in b
    # a menu or a list of teasers after the article repeats none of the article's lines: not taken in
    teasers = "\n".join(f"Council story number {n} of the week\nA short line about it" for n in range(8))
    s, b = body_of(f"The Bugle\n{MENU}\n{HEADLINE}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{teasers}\n")
    assert b.endswith(P3)


@pytest.mark.parametrize("relative, published", [
    ("Published 2 days ago", dt.date(2026, 11, 30)),
    ("Yesterday 2:45PM", dt.date(2026, 12, 1)),
    ("Monday 6:30PM", dt.date(2026, 11, 30)),   # the masthead's today is a Wednesday
    ("Updated today", dt.date(2026, 12, 2)),
])
def test_relative_datelines_count_back_from_the_masthead_today(relative, published):
    page = (f"The Bugle\nWednesday 2 December 2026\n{MENU}\n{HEADLINE}\n{relative}\n\n{P1}\n\n{P2}\n\n{P3}\n")
    s = analyse(page)
    assert s.published == published and s.title == HEADLINE
    assert any(a <= page.index(relative) < e for a, e in s.excluded)
    # with no masthead date there is no today to count from: no date (never a guess)
    assert analyse(page.replace("Wednesday 2 December 2026\n", "")).published is None
    # an absolute dateline beats a relative one
    dated = page.replace(f"{relative}\n", f"{relative}\nPublished 14 March 2017\n")
    assert analyse(dated).published == dt.date(2017, 3, 14)


def test_the_joined_cue_pattern_answers_as_the_cues_one_by_one():
    from pipeline.structure.page import FROM_PUBLISHER, Line, cue_of, load_cues

    def one_by_one(text):
        n = len(text.split())
        for cue_id, regex, kind, max_words in load_cues()[0]:
            if max_words is not None and n > max_words:
                continue
            if (FROM_PUBLISHER if cue_id == "credit_from_publisher" else regex).match(text):
                return kind
        return None

    samples = [ln for page in (page_with("ADVERTISEMENT"), MENU) for ln in page.split("\n") if ln.strip()] + [
        "Related Stories", "Read more: " + HEADLINE, "Share this article", "From the Bugle", "from the start",
        "Comments (3)", "Tags: Ofsted", "© 2019 The Bugle", "Sign up to our daily newsletter",
        "Share " + " ".join(["word"] * 25), "Click to share on Facebook (Opens in new window)", P1]
    for text in samples:
        assert cue_of(Line(0, len(text), text)) == one_by_one(text), text


def test_a_page_that_writes_numeric_dates_month_first_is_read_month_first():
    page = (f"The Bugle\n{MENU}\nSchools budget set\n11/13/19 9:00AM\n\n{HEADLINE}\n11/12/19 4:40PM\n\n"
            f"{P1}\n\n{P2}\n\n{P3}\n")
    assert analyse(page).published == dt.date(2019, 11, 12)  # "11/13/19" reads only month first
    uk = page.replace("11/13/19", "13/11/19")  # a date that reads only day first: the default stays
    assert analyse(uk).published == dt.date(2019, 12, 11)
