"""Article structure on pages made up for the test (three layouts) and on the real seeds."""
import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.io.inputs import decode
from pipeline.structure import analyse

ROOT = Path(__file__).resolve().parent.parent

NATIONAL = """The Daily Tidings | Homepage
News  Politics  Health  Education

Northshire children's services rated good after years of failure

Published: 14 March 2017

Northshire County Council's children's services have been rated good by Ofsted for the first time in a decade, inspectors said on Tuesday.

The council's director of children's services, Ann Medlow, said the judgement reflected the work of staff over several years of change.

"We are proud of our social workers," she said. "This is their result."

Most read
Minister resigns over housing row
Ten things to do this weekend
Celebrity chef opens new restaurant

Copyright © 2017 The Daily Tidings. All rights reserved.
"""

LOCAL = """Menu
Search

Home > News > Local

Posted on 12th Nov 2016
Care home placed in special measures after damning report
A care home in Eastbury has been placed in special measures after the Care Quality Commission rated it inadequate in every area of its inspection last month.

Inspectors found residents waiting for long periods for help with eating and drinking, and medicines not stored safely.

Photo: A file picture of the home
Related stories
Hospital trust names new chief executive
School praised by inspectors
Comments
Add your comment
"""

NO_DATELINE = """Thoughts on local government

Why interim directors keep coming and going

When a council loses its director of children's services, the first call usually goes to an agency that supplies interim managers for a day rate.

That is not always a bad thing, and the best interim directors bring stability to a service that has just had a poor inspection.

Tags: interim, leadership
Share this
"""


def body(text):
    s = analyse(text)
    return s, text[s.body_start:s.body_end]


def test_national_layout():
    s, b = body(NATIONAL)
    assert s.title == "Northshire children's services rated good after years of failure"
    assert s.publisher == "The Daily Tidings"
    assert s.published == dt.date(2017, 3, 14) and s.published_text == "14 March 2017"
    assert b.startswith("Northshire children's services rated good")
    assert b.endswith('"This is their result."')
    assert "Most read" not in b and "Minister resigns" not in b
    # the dateline sits inside the body span but carries attributes only
    assert any(NATIONAL[a:e] == "Published: 14 March 2017" for a, e in s.excluded)


def test_local_layout_with_dateline_before_headline():
    s, b = body(LOCAL)
    assert s.title == "Care home placed in special measures after damning report"
    assert s.published == dt.date(2016, 11, 12)
    assert b.endswith("medicines not stored safely.")
    assert "Related stories" not in b and "chief executive" not in b


def test_page_without_dateline():
    s, b = body(NO_DATELINE)
    assert s.published is None and s.published_text is None
    assert s.title == "Why interim directors keep coming and going"
    assert b.endswith("a poor inspection.")


def test_page_without_prose_keeps_everything():
    s = analyse("Just a title\nand a line")
    assert s.body_start == 0 and s.body_end == len("Just a title\nand a line")


def _gold_meta(name):
    """The annotated metadata of a corpus page (its title and publisher are read from the gold, not
    copied into this file: tests carry no names from the corpus)."""
    line = (ROOT / "corpus" / "gold" / name.replace(".txt", ".jsonl")).read_text(encoding="utf-8").splitlines()[0]
    return json.loads(line)["meta"]


@pytest.mark.parametrize("name, published, title_words", [
    ("000_1bc995fd72f8be42.txt", dt.date(2012, 10, 19), 2),
    ("001_30002295bce9db4e.txt", dt.date(2019, 1, 17), 4),
    ("002_0a1e20905b63b037.txt", None, 3),
    ("003_d5aacda41661acd8.txt", dt.date(2012, 10, 19), 3),
    ("004_f3263f75c54ec521.txt", dt.date(2014, 5, 23), 3),
])
def test_seed_pages(name, published, title_words):
    text = decode((ROOT / "corpus" / "raw" / name).read_bytes())
    s, b = body(text)
    assert s.published == published
    # the first words of the annotated title
    assert s.title.startswith(" ".join(_gold_meta(name)["title"].split()[:title_words]))
    # furniture lines, and a "From <publisher>" credit for each seed page's annotated publisher
    seeds = sorted(p.name for p in (ROOT / "corpus" / "raw").glob("00*.txt"))
    credits = [f"From {m['publisher']}" for m in map(_gold_meta, seeds) if m.get("publisher")]
    for furniture in ("latest news", "Enhanced by Zemanta", *credits, "Tags:", "Image credit"):
        assert furniture not in b


PROSE = ("The council's children's services have been rated good by Ofsted, inspectors said on Monday "
         "after a visit last month.\n\nMore prose follows here with a sentence that ends properly and "
         "goes on for long enough to count as a paragraph of the article.\n\n")


def test_posted_beats_updated_whatever_the_order():
    for head in ("Posted: 3 February 2015\nUpdated: 4 February 2015", "Updated: 4 February 2015\nPosted: 3 February 2015"):
        s = analyse(f"Gazette\n\nTrust maternity unit rated inadequate by inspectors\n\n{head}\n\n{PROSE}Share this\n")
        assert s.published == dt.date(2015, 2, 3)
    only_update = analyse(f"Gazette\n\nTrust maternity unit rated inadequate by inspectors\n\nLast updated 4 February 2015\n\n{PROSE}")
    assert only_update.published == dt.date(2015, 2, 4)


def test_blog_dated_only_below_the_post():
    page = (f"Parents' blog\n\nWhy our SEND reforms are still not working\n\n{PROSE}"
            "This entry was posted on 04/05/2016 at 21:14 and is filed under SEND.\n")
    s = analyse(page)
    assert s.published == dt.date(2016, 5, 4) and s.published_text == "04/05/2016"
    assert s.body_end <= page.index("This entry")


def test_month_year_timeline_entries_and_captions():
    page = (f"News\n\nMental health unit rated inadequate by the regulator\n\n14 June 2017\n\n{PROSE}"
            "Image caption: The unit opened in the autumn of 2015\n\n"
            f"{PROSE}Timeline:\n\n2015 – A chief executive is appointed in January.\n\n"
            "June 2017 – Services for children rated inadequate.\n\nRelated Topics\nNHS | Mental health\n")
    s = analyse(page)
    assert page[s.body_start:s.body_end].endswith("Services for children rated inadequate.")
    caption = page.index("Image caption")
    assert any(start <= caption < end for start, end in s.excluded)


def test_published_beats_updated_on_one_line():
    for line in ("Last updated 14 March 2019, published 12 March 2019",
                 "Published 12 March 2019, last updated 14 March 2019",
                 "Updated 14 March 2019 | First published 12 March 2019"):
        s = analyse(f"Gazette\n\nCouncil services rated inadequate by inspectors\n\n{line}\n\n{PROSE}")
        assert s.published == dt.date(2019, 3, 12), line


def test_ordinal_of_month_dateline_and_press_release_footer():
    s = analyse(f"Gazette\n\nCouncil services rated inadequate by inspectors\n\n"
                f"Written by Jane Doe on Tuesday, 12th of March 2019\n\n{PROSE}")
    assert s.published == dt.date(2019, 3, 12)
    release = analyse(f"Westshire County Council\nNews release\n\nCouncil services rated inadequate\n\n{PROSE}"
                      "ENDS\n\nIssued 12 March 2019 by the press office\n")
    assert release.published == dt.date(2019, 3, 12)


def test_date_in_the_page_address_is_the_last_resort():
    url = "Source: https://www.example.co.uk/news/2019/03/12/council-rated-inadequate\n\n"
    s = analyse(f"Gazette\n\nCouncil services rated inadequate by inspectors\n\n{url}{PROSE}")
    assert s.published == dt.date(2019, 3, 12) and s.published_text == "2019/03/12"
    dated = analyse(f"Gazette\n\nCouncil services rated inadequate by inspectors\n\n14 March 2019\n\n{url}{PROSE}")
    assert dated.published == dt.date(2019, 3, 14)
    assert analyse(f"Gazette\n\nCouncil services rated inadequate by inspectors\n\n{PROSE}").published is None


def test_headline_ending_on_a_quotation_with_furniture_below_it():
    page = ("Ashcott News\nEngland | Local News | Regions\n\n"
            "Academy rated inadequate as Ofsted finds pupils 'roaming corridors'\n\n"
            "Published\n1 day ago\n\nShare\nclose panel\n\nImage caption,\nThe academy has about 1,100 pupils aged 11 to 18\n\n"
            f"By Jane Doe\nAshcott News, Hartsmere\n\n{PROSE}")
    s = analyse(page)
    assert s.title.startswith("Academy rated inadequate") and s.body_start == page.index("Academy rated")
    caption = page.index("The academy has")
    assert any(a <= caption < b for a, b in s.excluded)


def test_section_label_from_the_menu_is_not_the_headline():
    page = ("Tidings\nNews | Council | Health & Care | Planning\n\nHealth & Care\n\n"
            "Care home drops to requires improvement after inspectors find missed medicines\n\n"
            f"The home was rated inadequate for safety. Its owners say the problems are being put right.\n\n{PROSE}")
    assert analyse(page).title.startswith("Care home drops")


def test_read_more_box_inside_the_article_does_not_end_it():
    box = "Read more\nOfsted's framework: what changes for teams\nHow one authority halved its agency bill\n\n'We held our nerve'\n\n"
    page = f"Carebeat\n\nCouncil services rated good after six years\n\n{PROSE}{box}{PROSE}Related stories\nAnother story\n"
    s = analyse(page)
    assert s.body_end == page.rindex("of the article.") + len("of the article.")
    assert any(a <= page.index("How one authority") < b for a, b in s.excluded)
    ending = f"Carebeat\n\nCouncil services rated good after six years\n\n{PROSE}Read more\nOne story\nAnother story\n"
    assert analyse(ending).body_end < ending.index("Read more")


def test_story_first_published_footer_and_copyright_years():
    page = (f"Tidings\n\nCare home drops to requires improvement\n\n{PROSE}"
            "This story was first published on 4 November 2019.\n\n(c) Copyright 2001-2016. All rights reserved.\n")
    s = analyse(page)
    assert s.published == dt.date(2019, 11, 4) and s.body_end < page.index("This story")
    assert s.publisher == "Tidings"
