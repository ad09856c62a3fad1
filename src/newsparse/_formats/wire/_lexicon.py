"""Small word lists that help split a space-joined tag line (see :mod:`._tags`).

News tags are mostly people and places. Two weak cues follow from that:

- A tag rarely *ends* in a place name that is not the whole tag: ``Florida Georgia`` and
  ``Biden China`` are two tags each, while ``Bank of America`` (after a connector),
  ``North Korea`` (a known place of several words) and ``Georgia Tech`` are not affected.
- A common given name inside a tag, after a capitalised word that is not itself a given
  name, usually starts the next tag: ``Congress Nancy Pelosi`` is ``Congress`` and
  ``Nancy Pelosi``, while ``Jim Jordan`` and ``Mary Kay Ivey`` stay whole.

The lists are deliberately small and general: sovereign states, US states, a few
multi-word places, and given names common in English-language news that are not also
ordinary capitalised words (no *Will*, *May*, *Bill*, *Grant*, *Hope*). All entries are
casefolded.
"""

from __future__ import annotations

__all__ = ["GIVEN_NAMES", "PLACES", "PLACE_PHRASES"]

_COUNTRIES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile china
colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia
moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland
syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu
uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
america europe africa asia
"""

_US_STATES = """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
"""

PLACES: frozenset[str] = frozenset((_COUNTRIES + _US_STATES).split())
"""Places whose name is one word."""

PLACE_PHRASES: frozenset[str] = frozenset(
    {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "district of columbia",
        "puerto rico",
        "united states",
        "united kingdom",
        "great britain",
        "north korea",
        "south korea",
        "south africa",
        "south sudan",
        "saudi arabia",
        "united arab emirates",
        "new zealand",
        "sri lanka",
        "costa rica",
        "el salvador",
        "hong kong",
        "ivory coast",
        "czech republic",
        "dominican republic",
        "papua new guinea",
        "sierra leone",
        "burkina faso",
        "cape verde",
        "east timor",
        "gaza strip",
        "west bank",
        "north macedonia",
        "san marino",
        "vatican city",
    }
)
"""Places whose name is several words (a tag may be exactly one of them)."""

_GIVEN = """
    aaron adam adrian alan albert alex alexander alexandra alexis alice alicia amanda amy
    andrea andrew angela anna anne anthony antonio ashley barbara benjamin bernie beth beto
    betsy beverly bob bobby bonnie brad bradley brandon brenda brett brian brittany bryan
    carlos caroline catherine charles charlie cheryl chip chris christina christine
    christopher chuck cindy claire clarence claudia cory courtney cynthia dan dana daniel
    danielle david debbie deborah denise diana diane donald donna doug ed edward elaine
    elizabeth ellen emily emma eric erica erin ethan gavin george gina gloria greg gregory
    hakeem hannah harry heather heidi helen hillary ilhan ivanka jack jackie jacob jamie
    jane janet janice jared jason jeff jeffrey jennifer jenny jeremy jerry jessica jill jim
    jimmy joan joe joel john johnny jon jonathan jose joseph joshua joyce juan judith judy
    julia julie justin kamala karen karine kate katherine kathleen kathryn kathy katie
    kayleigh ken kenneth kevin kimberly kirsten kristen kristi kyle larry laura lauren
    leah lebron linda lindsey lisa liz lori lucy luis lynn madison marco margaret maria
    marie marjorie marsha martha mary matt matthew maxine megan melania melissa merrick
    michael michele michelle miguel mike mitch mitt molly monica nancy natalie nicholas
    nicole nikki noah olivia pamela patricia patrick patty paula peter phil philip rachel
    randy raphael rebecca richard rick rishi robert roger ron ronald ronny sally samantha
    samuel sandra sara sarah sean sharon shirley stacey stephanie stephen steve steven susan
    tammy teresa tim timothy tina todd tom tony tracy tucker valerie vanessa victoria vivek
    wendy william zach
"""

GIVEN_NAMES: frozenset[str] = frozenset(_GIVEN.split())
"""Common given names that are neither ordinary capitalised words nor common surnames."""
