"""Every word list the text heuristics use, as data (all entries casefolded unless noted).

Lists are deliberately small and general: words of a kind (role nouns, credentials,
months), not strings seen on one site. Patterns in :mod:`.names`, :mod:`.dates` and
:mod:`.notes` are built from them, so extending a list extends every reader that uses it.

Places and given names help split a space-joined tag line (the wire format's ``Tags``
line, see ``newsparse._formats.wire._tags``). News tags are mostly people and places, and
two weak cues follow from that:

- A tag rarely *ends* in a place name that is not the whole tag: ``Florida Georgia`` and
  ``Biden China`` are two tags each, while ``Bank of America`` (after a connector),
  ``North Korea`` (a known place of several words) and ``Georgia Tech`` are not affected.
- A common given name inside a tag, after a capitalised word that is not itself a given
  name, usually starts the next tag: ``Congress Nancy Pelosi`` is ``Congress`` and
  ``Nancy Pelosi``, while ``Jim Jordan`` and ``Mary Kay Ivey`` stay whole.

Those two lists hold sovereign states, US states, a few multi-word places, and given names
common in English-language news that are not also ordinary capitalised words (no *Will*,
*May*, *Bill*, *Grant*, *Hope*).
"""

from __future__ import annotations

__all__ = [
    "AGENCIES",
    "BYLINE_PREFIXES",
    "CONJUNCTIONS",
    "CONNECTORS",
    "CREDENTIALS",
    "CREDIT_LABELS",
    "CREDIT_LEADS",
    "CREDIT_NOISE",
    "DATE_LABELS",
    "GIVEN_NAMES",
    "MONTHS",
    "MONTH_FIRST_LANGUAGES",
    "MONTH_NAMES",
    "NAME_PARTICLES",
    "NOT_SECTIONS",
    "PLACES",
    "PLACE_PHRASES",
    "PLATFORMS",
    "ROLE_NOUNS",
    "TIME_UNITS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
    "WORLD_MONTHS",
]

# ---------------------------------------------------------------------------
# people and their credits

_ROLE_NOUNS = """
    analyst bureau chief columnist contributor correspondent critic economist editor fellow
    intern journalist photographer producer reporter researcher staff strategist writer
"""
ROLE_NOUNS: frozenset[str] = frozenset(_ROLE_NOUNS.split())
"""Nouns that make a part of a credit a role rather than a name, whatever its case
(``Opinion Contributors``, ``Staff Writer``, ``chief correspondent``); plurals too."""

_CREDENTIALS = """
    MS MSc MA MBA MD MPH PhD Ph.D Ph.D. RD RDN LD RN NP PA-C DO DDS DVM JD CPT CSCS CFP CPA
    Esq Esq.
"""
CREDENTIALS: tuple[str, ...] = tuple(_CREDENTIALS.split())
"""Academic and professional credentials a page lists like names (``Rachael Link, MS, RD``);
as written (case matters: ``MS``, not ``ms``)."""

AGENCIES: tuple[str, ...] = (
    "The Associated Press",
    "Associated Press",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "USA TODAY",
    "UPI",
    "PTI",
    "IANS",
    "Xinhua",
    "Kyodo",
    "Yonhap",
    "TASS",
)
"""News agencies and outlets that follow a name in a credit (``Tom Davies Associated
Press``); as written."""

_NAME_PARTICLES = """
    de da do dos das del della der den van von bin ibn al el la le los las du di y e and
"""
NAME_PARTICLES: frozenset[str] = frozenset(_NAME_PARTICLES.split())
"""Lowercase words that belong inside a name (``Ana de la Cruz``, ``Ludwig van Beethoven``)."""

_CREDIT_LEADS = """
    written posted published reported words story text analysis opinion commentary column
    review interview report photo photos video reporting
"""
CREDIT_LEADS: tuple[str, ...] = tuple(_CREDIT_LEADS.split())
"""Words that may come before ``by`` at the start of a credit (``Written by``, ``Photos by``)."""

BYLINE_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("by", "written by", "posted by", "published by", "reported by", "story by",
           "words by", "text by", "photos by", "analysis by", "opinion by", "column by",
           "interview by", "reporting by", "review by", "video by", "commentary by"),
    "de": ("von", "vom", "verfasst von", "geschrieben von", "erstellt von", "ein beitrag von",
           "ein artikel von", "artikel von", "beitrag von", "text von", "gepostet von",
           "veröffentlicht von", "eingestellt von", "kommentar von"),
    "fr": ("par", "publié par", "écrit par", "rédigé par", "posté par", "propos recueillis par"),
    "es": ("por", "escrito por", "publicado por", "redactado por"),
    "pt": ("por", "escrito por", "publicado por"),
    "it": ("di", "scritto da", "pubblicato da", "a cura di"),
    "nl": ("door", "geschreven door", "geplaatst door"),
    "sv": ("av", "skrivet av", "publicerad av"),
    "da": ("af", "skrevet af"),
    "no": ("av", "skrevet av"),
    "pl": ("autor", "przez"),
}  # fmt: skip
"""Words that introduce the names of a credit (``Von Jane Doe``, ``Escrito por …``), by
language; the first of a credit is dropped (any case), with a colon or dash after it."""

CREDIT_LABELS: tuple[str, ...] = (
    "author", "authors", "writer", "writers", "reporter", "reporters", "byline", "bylines",
    "autor", "autorin", "autoren", "auteur", "auteurs", "autore", "autori", "forfatter",
    "författare", "text", "texte", "texto", "testo", "tekst",
)  # fmt: skip
"""Labels before a colon and the names (``Author: Jane Doe``, ``Autorin: …``)."""

CREDIT_NOISE: tuple[str, ...] = (
    "all articles", "all posts", "all stories", "more articles", "more stories", "view all",
    "see all", "view profile", "read more", "alle artikel", "alle beiträge", "mehr artikel",
    "zum profil", "folgen", "abonnieren", "subscribe", "tous les articles", "voir le profil",
    "todos los artículos", "ver perfil", "seguir", "tutti gli articoli",
)  # fmt: skip
"""Links next to an author's name in a credit (``Alle Artikel``, ``View profile``): the
names end before them."""

DATE_LABELS: tuple[str, ...] = (
    "published", "posted", "updated", "last updated", "modified", "created", "stand",
    "veröffentlicht", "publiziert", "aktualisiert", "zuletzt aktualisiert", "geändert",
    "zuletzt geändert", "erstellt am", "publié", "publié le", "mis à jour", "modifié",
    "publicado", "actualizado", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt",
    "publicerad", "uppdaterad", "publiceret", "opdateret", "publisert", "oppdatert",
    "opublikowano", "zaktualizowano",
)  # fmt: skip
"""Labels of a date in a byline (``Veröffentlicht am 5. März``): a credit stops at them, and
one that is only such a label names nobody."""

CONJUNCTIONS: tuple[str, ...] = ("und", "et", "en", "og", "och", "ja", "és", "и", "oraz")
"""Words for *and* between two names in other languages (``Ana Lima et Tom Ede``); the
Spanish ``y`` and the Portuguese ``e`` are left out: they join the parts of one name."""

CONNECTORS: frozenset[str] = frozenset(
    ("am", "um", "on", "at", "le", "el", "il", "op", "den", "the", "à", "a", "el", "em",
     "de", "du", "da", "in", "im", "vom", "from", "|", "·", "•", "-", "–", "—", "/")
)  # fmt: skip
"""Words left at the end of a credit once a date after them is cut (``Jane Doe am``)."""

TIME_UNITS: tuple[str, ...] = (
    "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour",
    "hrs", "hr", "days", "day", "weeks", "week", "months", "month", "years", "year",
    "sekunden", "minuten", "stunden", "stunde", "tagen", "tag", "wochen", "monaten",
    "jahren", "secondes", "heures", "heure", "jours", "jour", "semaines", "mois", "ans",
    "segundos", "minutos", "horas", "hora", "días", "dias", "semanas", "meses", "años",
    "anos", "minuti", "ore", "giorni", "minuten", "uur", "dagen", "timmar", "timer",
    "dagar", "dage",
)  # fmt: skip
"""Units of a relative time (``vor 5 Stunden``, ``2 hours ago``): no date, and no name."""

_WEEKDAY_NAMES = """
    monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch
    donnerstag freitag samstag sonnabend sonntag lundi mardi mercredi jeudi vendredi samedi
    dimanche lunes martes miércoles miercoles jueves viernes sábado sabado domingo lunedì
    martedì mercoledì giovedì venerdì sabato domenica segunda-feira terça-feira quarta-feira
    quinta-feira sexta-feira maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag
    poniedziałek wtorek środa czwartek piątek sobota niedziela
"""
WEEKDAY_NAMES: tuple[str, ...] = tuple(_WEEKDAY_NAMES.split())
"""Weekday names of several languages (casefolded): a credit stops at them."""

WEEKDAY_ABBREVIATIONS: tuple[str, ...] = (
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "mo", "di", "mi", "do", "fr", "sa", "so", "lun", "mar", "mer", "jeu", "ven", "sam",
    "dim", "mié", "jue", "vie", "sáb", "dom", "gio", "ma", "wo", "vr", "za", "zo",
)  # fmt: skip
"""Weekday abbreviations (casefolded); a credit stops at one only before a day number
(``Fr, 18. Oktober``), since most are also ordinary words."""

# ---------------------------------------------------------------------------
# the calendar

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
"""Month names and their abbreviations, casefolded, to the month's number."""

# Month names of other languages, January first: full names and the usual abbreviations
# (and genitive forms where a date uses them: "5 марта", "5. März"), as pages print them.
_MONTHS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "de": ("januar jänner jan", "februar feber feb", "märz mär maerz", "april apr", "mai",
           "juni jun", "juli jul", "august aug", "september sept sep", "oktober okt",
           "november nov", "dezember dez"),
    "fr": ("janvier janv", "février févr fevrier fev", "mars", "avril avr", "mai", "juin",
           "juillet juil", "août aout", "septembre sept", "octobre oct", "novembre nov",
           "décembre déc decembre dec"),
    "es": ("enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun",
           "julio jul", "agosto ago", "septiembre setiembre sept sep", "octubre oct",
           "noviembre nov", "diciembre dic"),
    "pt": ("janeiro jan", "fevereiro fev", "março marco mar", "abril abr", "maio mai",
           "junho jun", "julho jul", "agosto ago", "setembro set", "outubro out",
           "novembro nov", "dezembro dez"),
    "it": ("gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag",
           "giugno giu", "luglio lug", "agosto ago", "settembre set", "ottobre ott",
           "novembre nov", "dicembre dic"),
    "nl": ("januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun",
           "juli jul", "augustus aug", "september sep", "oktober okt", "november nov",
           "december dec"),
    "sv": ("januari jan", "februari feb", "mars mar", "april apr", "maj", "juni jun",
           "juli jul", "augusti aug", "september sep", "oktober okt", "november nov",
           "december dec"),
    "da": ("januar jan", "februar feb", "marts mar", "april apr", "maj", "juni jun",
           "juli jul", "august aug", "september sep", "oktober okt", "november nov",
           "december dec"),
    "no": ("januar jan", "februar feb", "mars mar", "april apr", "mai", "juni jun",
           "juli jul", "august aug", "september sep", "oktober okt", "november nov",
           "desember des"),
    "fi": ("tammikuuta tammikuu", "helmikuuta helmikuu", "maaliskuuta maaliskuu",
           "huhtikuuta huhtikuu", "toukokuuta toukokuu", "kesäkuuta kesäkuu",
           "heinäkuuta heinäkuu", "elokuuta elokuu", "syyskuuta syyskuu", "lokakuuta lokakuu",
           "marraskuuta marraskuu", "joulukuuta joulukuu"),
    "pl": ("stycznia styczeń sty", "lutego luty lut", "marca marzec mar",
           "kwietnia kwiecień kwi", "maja maj", "czerwca czerwiec cze", "lipca lipiec lip",
           "sierpnia sierpień sie", "września wrzesień wrz", "października październik paź",
           "listopada listopad lis", "grudnia grudzień gru"),
    "cs": ("ledna leden", "února únor", "března březen", "dubna duben", "května květen",
           "června červen", "července červenec", "srpna srpen", "září", "října říjen",
           "listopadu listopad", "prosince prosinec"),
    "ro": ("ianuarie ian", "februarie feb", "martie mar", "aprilie apr", "mai", "iunie iun",
           "iulie iul", "august aug", "septembrie sep", "octombrie oct", "noiembrie nov",
           "decembrie dec"),
    "hu": ("január jan", "február febr", "március márc", "április ápr", "május máj",
           "június jún", "július júl", "augusztus aug", "szeptember szept", "október okt",
           "november nov", "december dec"),
    "tr": ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos",
           "eylül", "ekim", "kasım", "aralık"),
    "id": ("januari jan", "februari feb", "maret mar", "april apr", "mei", "juni jun",
           "juli jul", "agustus agu", "september sep", "oktober okt", "november nov",
           "desember des"),
    "ru": ("января январь янв", "февраля февраль фев", "марта март мар",
           "апреля апрель апр", "мая май", "июня июнь июн", "июля июль июл",
           "августа август авг", "сентября сентябрь сен", "октября октябрь окт",
           "ноября ноябрь ноя", "декабря декабрь дек"),
    "uk": ("січня січень", "лютого лютий", "березня березень", "квітня квітень",
           "травня травень", "червня червень", "липня липень", "серпня серпень",
           "вересня вересень", "жовтня жовтень", "листопада листопад", "грудня грудень"),
    "el": ("ιανουαρίου ιανουάριος", "φεβρουαρίου φεβρουάριος", "μαρτίου μάρτιος",
           "απριλίου απρίλιος", "μαΐου μάιος", "ιουνίου ιούνιος", "ιουλίου ιούλιος",
           "αυγούστου αύγουστος", "σεπτεμβρίου σεπτέμβριος", "οκτωβρίου οκτώβριος",
           "νοεμβρίου νοέμβριος", "δεκεμβρίου δεκέμβριος"),
    "ar": ("يناير كانون الثاني", "فبراير شباط", "مارس آذار", "أبريل ابريل نيسان",
           "مايو أيار", "يونيو حزيران", "يوليو تموز", "أغسطس اغسطس آب", "سبتمبر أيلول",
           "أكتوبر اكتوبر تشرين الأول", "نوفمبر تشرين الثاني", "ديسمبر كانون الأول"),
}  # fmt: skip

WORLD_MONTHS: dict[str, int] = dict(MONTHS)
"""Month names and abbreviations of many languages (English included), casefolded, to the
month's number; a name two languages give different months is left out."""
_AMBIGUOUS: set[str] = set()
for _names in _MONTHS_BY_LANGUAGE.values():
    for _number, _group in enumerate(_names, start=1):
        for _name in _group.split():
            _name = _name.casefold()
            if WORLD_MONTHS.get(_name, _number) != _number:
                _AMBIGUOUS.add(_name)
            WORLD_MONTHS.setdefault(_name, _number)
for _name in _AMBIGUOUS:
    WORLD_MONTHS.pop(_name, None)
del _names, _number, _group, _name

MONTH_FIRST_LANGUAGES: frozenset[str] = frozenset(("en-us", "en"))
"""Language tags (casefolded) whose pages write numeric dates month first (``04/13/2020``)
when the numbers alone do not tell."""

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""The English month names as written, January first."""

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
"""The English weekday names, Monday first."""

PLATFORMS: frozenset[str] = frozenset(
    ("medium", "blogger", "blogspot", "wordpress", "wordpress.com", "tumblr", "substack",
     "ghost", "wix", "squarespace", "weebly", "livejournal", "typepad", "over-blog",
     "jimdo", "hatena blog", "note", "naver blog", "linkedin", "facebook")
)  # fmt: skip
"""Publishing platforms a page may name as its publisher when it is one publication of
many hosted there (casefolded)."""

# ---------------------------------------------------------------------------
# sections

NOT_SECTIONS: frozenset[str] = frozenset(
    ("post", "posts", "page", "article", "articles", "story", "home", "homepage", "home page",
     "front page", "frontpage", "all", "default", "uncategorized", "uncategorised", "index",
     "main", "none", "null", "undefined")
)  # fmt: skip
"""Values CMSs put in a section field that name no section: a post type, the home page,
a placeholder."""

# ---------------------------------------------------------------------------
# places and given names

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
