"""The small gazetteers the entity stage needs, as data.

Each table covers what spaCy's small English model gets wrong on European
security news (the sample corpus and ``../shared/seeds``), not the world: add a
line here when a new corpus shows a new confusion. Code elsewhere only reads
these tables; no rule is hidden in it. Countries are the exception: the ones the
table lacks come from ``countryinfo`` (name, capital, demonym), so "Khartoum" is
in Sudan and "Sudanese" is its demonym, except names as often a person's
(:data:`NAME_LIKE_PLACES`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    demonyms: tuple[str, ...]  #: adjectives and nouns: "Polish", "Pole"
    places: tuple[str, ...] = ()  #: cities and regions in it that matter to the corpus
    aliases: tuple[str, ...] = ()


#: Countries with their demonyms and the places of the corpus that are in them.
COUNTRIES: tuple[Country, ...] = (
    Country("Albania", ("Albanian",), ("Tirana",)),
    Country("Austria", ("Austrian",), ("Vienna",)),
    Country("Belarus", ("Belarusian", "Belarussian", "Byelorussian"),
            ("Minsk", "Grodno", "Hrodna", "Brest", "Gomel", "Vitebsk", "Mogilev", "Osipovichi")),
    Country("Belgium", ("Belgian",), ("Brussels", "Antwerp", "Mons")),
    Country("Bosnia and Herzegovina", ("Bosnian",), ("Sarajevo",), ("Bosnia",)),
    Country("Bulgaria", ("Bulgarian",), ("Sofia", "Varna", "Cape Shabla")),
    Country("Canada", ("Canadian",), ("Ottawa",)),
    Country("China", ("Chinese",), ("Beijing", "Shanghai", "Hong Kong")),
    Country("Croatia", ("Croatian",), ("Zagreb",)),
    Country("Czech Republic", ("Czech",), ("Prague",), ("Czechia",)),
    Country("Denmark", ("Danish", "Dane"), ("Copenhagen",)),
    Country("Estonia", ("Estonian",), ("Tallinn", "Narva", "Tartu")),
    Country("Finland", ("Finnish", "Finn"), ("Helsinki",)),
    Country("France", ("French",), ("Paris",)),
    Country("Georgia", ("Georgian",), ("Tbilisi",)),
    Country("Germany", ("German",), ("Berlin", "Wiesbaden", "Ramstein", "Munich")),
    Country("Greece", ("Greek",), ("Athens",)),
    Country("Hungary", ("Hungarian",), ("Budapest",)),
    Country("Italy", ("Italian",), ("Rome", "Milan")),
    Country("Kosovo", ("Kosovar",), ("Pristina",)),
    Country("Latvia", ("Latvian",), ("Riga", "Daugavpils")),
    Country("Lithuania", ("Lithuanian",),
            ("Vilnius", "Kaunas", "Klaipėda", "Rukla", "Rūdninkai", "Pabradė", "Šiauliai")),
    Country("Moldova", ("Moldovan",), ("Chișinău", "Chisinau", "Transnistria")),
    Country("Netherlands", ("Dutch",), ("Amsterdam", "The Hague", "Rotterdam"), ("Holland",)),
    Country("North Macedonia", ("Macedonian",), ("Skopje",)),
    Country("Norway", ("Norwegian",), ("Oslo",)),
    Country("Poland", ("Polish", "Pole"),
            ("Warsaw", "Kraków", "Krakow", "Gdańsk", "Rzeszów", "Białystok", "Podlasie", "Hajnówka",
             "Budzisko", "Suwałki", "Przewodów", "Lublin")),
    Country("Portugal", ("Portuguese",), ("Lisbon",)),
    Country("Romania", ("Romanian",), ("Bucharest", "Constanța", "Constanta", "Fetești", "Mihail Kogălniceanu")),
    Country("Russia", ("Russian",), ("Moscow", "St Petersburg", "Saint Petersburg", "Kaliningrad", "Belgorod",
                                      "Kursk", "Rostov"), ("Russian Federation",)),
    Country("Serbia", ("Serbian", "Serb"), ("Belgrade",)),
    Country("Slovakia", ("Slovak", "Slovakian"), ("Bratislava", "Košice")),
    Country("Slovenia", ("Slovenian", "Slovene"), ("Ljubljana",)),
    Country("Spain", ("Spanish",), ("Madrid", "Barcelona")),
    Country("Sweden", ("Swedish", "Swede"), ("Stockholm", "Gotland")),
    Country("Switzerland", ("Swiss",), ("Geneva", "Bern", "Davos")),
    Country("Turkey", ("Turkish", "Turk"), ("Ankara", "Istanbul"), ("Türkiye",)),
    Country("Ukraine", ("Ukrainian",),
            ("Kyiv", "Kiev", "Kharkiv", "Odesa", "Odessa", "Lviv", "Mariupol", "Bakhmut", "Donetsk", "Luhansk",
             "Kherson", "Zaporizhzhia", "Hostomel", "Bucha", "Irpin", "Crimea", "Donbas")),
    Country("United Kingdom", ("British", "Briton"), ("London",), ("UK", "Britain", "Great Britain")),
    Country("United States", ("American", "US"), ("Washington",), ("US", "USA", "U.S.", "America")),
)

#: Spellings of one place: "Kiev" is the Russian-based spelling of Kyiv.
PLACE_ALIASES: dict[str, str] = {
    "Kiev": "Kyiv", "Odessa": "Odesa", "Kharkov": "Kharkiv", "Hrodna": "Grodno", "Krakow": "Kraków",
    "Constanta": "Constanța", "Chisinau": "Chișinău", "Saint Petersburg": "St Petersburg",
    "Czechia": "Czech Republic", "Türkiye": "Turkey", "Holland": "Netherlands", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "UK": "United Kingdom", "USA": "United States", "U.S.": "United States",
    "America": "United States", "Russian Federation": "Russia",
}

#: Seas, rivers, straits and regions: LOC, not GPE.
LOCATIONS: frozenset[str] = frozenset({
    "Black Sea", "Baltic Sea", "Baltic", "Danube", "Danube delta", "Bosphorus", "Suwałki Gap", "Suwalki Gap",
    "Western Balkans", "Balkans", "Asia-Pacific", "Arctic", "Europe", "Asia",
    "Africa", "North America", "South America", "Latin America", "Middle East", "Antarctica", "Oceania",
})

#: People spaCy's small model does not recognise at all (or not as people).
KNOWN_PEOPLE: tuple[str, ...] = (
    "Xi Jinping", "Wang Wenbin", "Wang Yi", "Li Qiang", "Mao Ning", "Qin Gang", "Lin Jian",
    "Dmitry Peskov", "Maria Zakharova", "Sergei Lavrov", "Sergei Shoigu",
)

#: Organisations spaCy takes for people or places.
KNOWN_ORGS: tuple[str, ...] = ("BelTA", "NATO", "OSCE", "Wagner Group", "Frontex", "Pentagon", "Kremlin",
                               # platforms the news names as sources, which the model takes for people
                               "Twitter", "Facebook", "YouTube", "Instagram", "WhatsApp", "Skype", "Telegram")

#: Other names of an organisation → its canonical name. "the Alliance" in this
#: news is NATO; drop the line for a corpus where it is not.
ORG_ALIASES: dict[str, str] = {
    "Atlantic Alliance": "NATO", "North Atlantic Alliance": "NATO", "Alliance": "NATO",
    "North Atlantic Treaty Organization": "NATO", "North Atlantic Treaty Organisation": "NATO", "OTAN": "NATO",
    "EU": "European Union", "UN": "United Nations", "U.N.": "United Nations",
    "Wagner group": "Wagner Group", "Wagner": "Wagner Group",
}

#: Where an organisation's headquarters are: "at NATO headquarters" is a meeting in Brussels.
ORG_SEATS: dict[str, str] = {
    "NATO": "Brussels", "European Union": "Brussels", "European Commission": "Brussels",
    "European Council": "Brussels", "United Nations": "New York", "OSCE": "Vienna", "IAEA": "Vienna",
    "OPEC": "Vienna", "WHO": "Geneva", "WTO": "Geneva", "IMF": "Washington", "World Bank": "Washington",
    "Pentagon": "Washington", "International Criminal Court": "The Hague", "Europol": "The Hague",
    "Frontex": "Warsaw", "African Union": "Addis Ababa", "ASEAN": "Jakarta", "Council of Europe": "Strasbourg",
}

#: Weapon systems and vehicles named like people or organisations. A bare name
#: is only dropped when a context word says it is the weapon ("“Challenger” tanks");
#: a name with a model number ("Leopard 2 A6") is always the weapon.
WEAPONS: frozenset[str] = frozenset({
    "Leopard", "Challenger", "Abrams", "Bradley", "Marder", "Patriot", "NASAMS", "HIMARS", "IRIS-T", "Gepard",
    "Storm Shadow", "ATACMS", "Javelin", "Stinger", "Piorun", "Krab", "Rosomak", "K2", "K9", "Caesar", "Iskander",
    "Kalibr", "Kinzhal", "Shahed", "Bayraktar", "Gripen", "Typhoon", "Eurofighter", "Rafale", "Mirage", "Tornado",
    "Harpoon", "Taurus", "Archer", "Stryker", "Hawk", "SAMP/T", "Tomahawk", "Oreshnik", "Lancet",
})
WEAPON_CONTEXT: frozenset[str] = frozenset({
    "tank", "tanks", "system", "systems", "battery", "batteries", "missile", "missiles", "jet", "jets",
    "fighter", "fighters", "howitzer", "howitzers", "vehicle", "vehicles", "launcher", "launchers", "drone",
    "drones", "rocket", "rockets", "aircraft", "plane", "planes", "gun", "guns", "helicopter", "helicopters",
    "interceptor", "interceptors", "air-defence", "air-defense", "armoured", "armored",
})

#: Weekdays and months written out, and cut short as time stamps cut them ("Thu Jun 17").
CALENDAR_NAMES: frozenset[str] = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
CALENDAR_ABBREVIATIONS: frozenset[str] = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec".split())

#: Spans spaCy labels as entities that are common nouns or role words in this news.
NOT_ENTITIES: frozenset[str] = frozenset({
    "defense", "defence", "state", "head of state", "gross domestic product", "allied", "allies", "ally",
    "east", "west", "north", "south", "air policing", "secretary general", "president", "minister",
    "prime minister", "government", "parliament", "multinational battle group",
    # time zones: "05:31 GMT"
    "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "msk", "et", "eet", "eest", "ist",
    # function words opening a sentence, never a name alone: "There", "Despite", "Speaking"
    "there", "here", "some", "now", "what", "despite", "many", "how", "why", "where", "which", "whose", "such",
    "most", "several", "few", "others", "speaking", "meanwhile", "however", "instead", "yesterday", "tomorrow",
}) | (CALENDAR_ABBREVIATIONS - {"jan", "jun", "sun"})  # what is left of a stamp ("Mon"); "Jan" is a name too

#: Last words of organisation names: a "person" ending in one is an organisation ("Betty Ford Center",
#: "Palmer Police"). Words that are also surnames ("Court", "Park", "Post", "Service") are left out.
ORG_HEADS: frozenset[str] = frozenset({
    "Police", "Department", "Center", "Centre", "Club", "University", "College", "School", "Hospital", "Clinic",
    "Team", "Association", "Council", "Committee", "Party", "Company", "Corporation", "Institute", "Foundation",
    "Agency", "Bureau", "Creamery", "Dairy", "Herald", "Times",
    # no surname either: "Atmospheric Administration", "Coast Guard", "BBC News", "Transocean Ltd"
    "Administration", "Guard", "News", "Nations", "Ltd", "Inc", "Network", "Authority", "Organization",
    "Organisation", "Group", "Airlines", "Airways", "Plc", "PLC", "Corp", "Energy", "Oil", "Petroleum", "Offshore",
    "Holdings", "Frontieres", "Frontières",
})
#: Party members by their party: "Michigan Democrat" describes a person and names none.
PARTY_MEMBERS: frozenset[str] = frozenset({"Democrat", "Democrats", "Democratic", "Republican", "Republicans",
                                           "Conservative", "Conservatives", "Labour", "Tory", "Tories"})
#: The first word of a storm's name: "Storm Alex", "Hurricane Katia" are weather, not people.
STORM_WORDS: frozenset[str] = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone"})
#: Words that alone are never a person, though the model tags them so after a title word: a body of
#: state ("Assembly" of "the General Assembly") or the end of a company's name ("General Motors").
NEVER_A_PERSON: frozenset[str] = frozenset({"Assembly", "Parliament", "Congress", "Senate", "Commission", "Ministry",
                                           "Council", "Motors", "Dynamics", "Electric", "Navy", "God"}) | PARTY_MEMBERS
#: Last words of place and building names: "Mueller Glacier", "Matanuska Valley", "Mat Maid Warehouse".
PLACE_HEADS: frozenset[str] = frozenset({
    "Valley", "Glacier", "Mountain", "Mountains", "Island", "Islands", "Airport", "Station", "Building",
    "Warehouse", "Bivvy", "Stadium", "Arena", "Province", "County", "District", "Region",
    # no surname is one of these, unlike "Bay", "Street", "Lake" or "Field"
    "Square", "Plaza", "Palace", "Coast", "Harbour", "Harbor", "River", "Sea", "Canal", "Peninsula", "Strait",
    "Desert", "Avenue", "Road", "Highway",
})

#: Last words of street names that are also surnames ("Della Street"): a street's after any word but a
#: known first name ("Misr Helwan Street", "Wall Street").
STREET_HEADS: frozenset[str] = frozenset({"Street", "Boulevard"})

#: Words that make what follows them a place: "Mount Cook", "Aoraki Mt Cook", "Lake Tekapo", "Cape Horn".
#: Only before another word of the name: "Ferdinand Mount" is a person.
PLACE_PREFIXES: frozenset[str] = frozenset({"Mount", "Mt", "Mt.", "Lake", "Cape"})
#: Last two words of place names whose last word alone is also a surname ("Park").
PLACE_TAILS: frozenset[str] = frozenset({"National Park", "State Park", "Nature Reserve"})

#: Words that never start or end a name: "The Lithuanian" is a demonym, "the Hague" stays.
NAMES_WITH_THE: frozenset[str] = frozenset({"The Hague", "The Gambia", "The Bahamas", "The Times", "The Guardian",
                                           "The Economist", "The Washington Post", "The New York Times"})

#: Given names common in this news. Used to find people spaCy misses
#: ("Margus" + "Tsahkna") and to split two people glued into one span.
FIRST_NAMES: frozenset[str] = frozenset({
    # Baltic
    "Gitanas", "Gitan", "Gabrielius", "Arvydas", "Ingrida", "Dalia", "Rūta", "Laurynas", "Vytautas", "Algirdas",
    "Kaja", "Margus", "Alar", "Hanno", "Kristen", "Urmas", "Jüri", "Evika", "Krišjānis", "Edgars", "Egils",
    "Artis", "Andris", "Valdis", "Arturs",
    # Polish, Czech, Slovak
    "Andrzej", "Mateusz", "Donald", "Radosław", "Mariusz", "Władysław", "Zbigniew", "Jarosław", "Tomasz",
    "Marek", "Marta", "Agata", "Piotr", "Paweł", "Krzysztof", "Anna", "Zuzana", "Petr", "Robert", "Peter",
    # East Slavic
    "Vladimir", "Volodymyr", "Dmitry", "Dmytro", "Sergei", "Sergey", "Alexander", "Aleksandr", "Alyaksandr",
    "Alexei", "Yevgeny", "Yevgeniy", "Maria", "Mikhail", "Viktor", "Oleksii", "Oleksiy", "Andriy", "Denys",
    "Yulia", "Valery", "Valerii", "Kirill", "Sviatlana", "Ihor", "Vitali", "Vitaliy", "Petro", "Ruslan",
    # Nordic, Western, Balkan
    "Jens", "Jonas", "Erna", "Ulf", "Magnus", "Sanna", "Mette", "Olaf", "Annalena", "Boris", "Emmanuel",
    "Mark", "Klaus", "Alexander", "Josep", "Ursula", "Charles", "Kamala", "Joe", "Antony", "Lloyd", "Justin",
    "Giorgia", "Pedro", "Rishi", "Keir", "Edi", "Recep", "Viktor", "Péter", "Luminița", "Marcel", "Rumen",
    # Chinese given names (surname first)
    "Jinping", "Wenbin", "Yi", "Qiang", "Ning", "Jian",
})

#: Lower-case particles inside surnames.
#: "abdel", "abdul", "abd": the first half of an Arabic compound ("Mustafa Abdel Jalil" is Mr Abdel Jalil);
#: not "ben", an English given name ("Ben Wedeman")
NAME_PARTICLES: frozenset[str] = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le",
                                           "del", "della", "dos", "das", "ter", "bin", "al", "el", "zu",
                                           "abdel", "abdul", "abd"})

#: Chinese surnames: in "Xi Jinping" the surname comes first.
CHINESE_SURNAMES: frozenset[str] = frozenset({"Xi", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
                                              "Wu", "Zhou", "Qin", "Mao", "Lin", "Hu", "Wen", "Geng", "Hua", "Zhu"})

#: Words that start a person mention but are titles, not names ("Spokeswoman Rūta Vaitkienė").
TITLE_WORDS: frozenset[str] = frozenset({
    "president", "prime", "minister", "secretary", "general", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "col", "col.", "colonel", "gen", "gen.", "spokesman", "spokeswoman", "spokesperson", "chancellor", "king",
    "queen", "pope", "sen.", "senator", "rep.", "foreign", "defence", "defense", "premier", "ambassador",
    "commissioner", "chief", "lt.", "maj.", "capt.", "adm.", "admiral", "sir", "lady", "madam",
    # ranks and jobs in crime and sports news: "Judge James Bodiford", "Coach Mo Cheeks"
    "judge", "captain", "sergeant", "sgt", "sgt.", "detective", "det.", "officer", "constable", "inspector",
    "lieutenant", "governor", "gov.", "mayor", "coach", "manager", "clerk", "juror", "professor", "prof.",
    "chairman", "chairwoman", "commandant", "commander",
})


#: Titles cut short ("Vice Adm. Ana Ruiz", "Col. Tor Vik"): a "person" made of these alone (and of
#: the words that go with them: "Vice", "Rear") is the title the model cut from the name after it.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset({
    "adm", "col", "sgt", "lt", "gen", "maj", "capt", "cpl", "pvt", "cmdr", "brig", "rep", "sen", "gov", "dr",
    "mr", "mrs", "ms", "supt", "insp", "det", "prof",
})
TITLE_COMPANIONS: frozenset[str] = frozenset({"vice", "rear", "lieutenant", "major", "general", "staff", "chief"})


#: Country and capital names of the world table that are as often a person's ("Chad said",
#: "Hamilton won", "Colombo scored"): left out, so that a person so named stays one.
NAME_LIKE_PLACES = frozenset({
    "Chad", "Jordan", "Hamilton", "Douglas", "Kingston", "Kingstown", "Victoria", "Wellington", "Stanley", "Lima",
    "Santiago", "Moroni", "Colombo", "Juba", "Sucre", "Nassau", "Asunción", "Jamestown", "Plymouth", "Adamstown",
    "Gustavia", "Marigot", "Alofi", "Yaren",
})
#: Entries of the world table that are not one country today, or not by that name.
_WORLD_SKIP = frozenset({"Serbia and Montenegro", "Antilles néerlandaises", "Holy See (Vatican City State)",
                         "Antarctica", "Heard Island and McDonald Islands", "Bouvet Island",
                         "United States Minor Outlying Islands"})


def _plural(demonym: str) -> str | None:
    """ "Kenyan" → "Kenyans", "Iraqi" → "Iraqis"; none for "Sudanese", "Swiss", "Manx"."""
    return None if demonym.endswith(("ese", "ss", "sh", "ch", "x")) else demonym + "s"


def _world() -> list[Country]:
    """The countries the table above lacks, with their capital and demonym, from ``countryinfo``
    (its altSpellings are left out: "Island" for Iceland, codes like "SD"). A country or a
    capital already in the table is its entry (the table's spelling wins)."""
    from countryinfo import all_countries

    known = {c.name for c in COUNTRIES} | {a for c in COUNTRIES for a in c.aliases} | \
        {p for c in COUNTRIES for p in c.places}
    rows = []
    for info in all_countries():
        name, capital = info.name(), info.capital()
        if not name or name in _WORLD_SKIP or "," in name or "(" in name or name in known:
            continue
        capital = capital if isinstance(capital, str) and capital.strip() else None
        if capital in known:
            continue  # the same country as one of the table's, by another name
        demonyms = [d.strip() for d in re.split(r"[,/]", info.demonym() or "")]
        rows.append((name, capital, [d for d in demonyms if d and " and " not in d and d != name]))
    # a demonym two entries share ("Congolese", "Dominican") names neither; "Chinese" of China,
    # Hong Kong and Macau is China's: the entry whose name it starts like
    by_demonym: dict[str, list[str]] = {}
    for name, _, demonyms in rows:
        for d in demonyms:
            by_demonym.setdefault(d, []).append(name)
    out = []
    for name, capital, demonyms in rows:
        mine = tuple(d for d in demonyms
                     if len(by_demonym[d]) == 1 or [n for n in by_demonym[d] if n[:4] == d[:4]] == [name])
        bare = name[4:] if name.startswith("The ") else None  # "The Gambia" is "Gambia" in a sentence
        out.append(Country(name, mine, (capital,) if capital and capital not in NAME_LIKE_PLACES else (),
                           (bare,) if bare else ()))
    return out


def _index() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    demonym: dict[str, str] = {}
    place: dict[str, str] = {}
    country: dict[str, str] = {}
    curated = [(c, True) for c in COUNTRIES]  # first: its entries win
    for c, checked in curated + [(c, False) for c in _world()]:
        if c.name not in NAME_LIKE_PLACES:  # "Jordan" stays a name; "Amman" and "Jordanian" are still known
            country.setdefault(c.name, c.name)
        for alias in c.aliases:
            country.setdefault(alias, c.name)
        for d in c.demonyms:
            demonym.setdefault(d, c.name)
            if (plural := d + "s" if checked else _plural(d)) is not None:
                demonym.setdefault(plural, c.name)
        for p in c.places:
            place.setdefault(p, c.name)
    return demonym, place, country


#: "Polish" → "Poland"; plurals included ("Poles").
DEMONYMS: dict[str, str]
#: "Warsaw" → "Poland".
PLACE_COUNTRY: dict[str, str]
#: "Poland", "Czechia" → the country's name.
COUNTRY_NAMES: dict[str, str]
DEMONYMS, PLACE_COUNTRY, COUNTRY_NAMES = _index()
DEMONYMS.pop("USs", None)  # "US" is the adjective in "US President"; it has no plural

#: Capitalised words that never belong to a person name (sentence starts, dates, function words).
NOT_NAME_WORDS: frozenset[str] = frozenset({
    "The", "A", "An", "In", "On", "At", "And", "But", "Or", "For", "Of", "To", "From", "With", "By", "As", "If",
    "According", "After", "Before", "During", "While", "When", "This", "That", "These", "Those", "It", "He", "She",
    "They", "We", "His", "Her", "Their", "Our", "Its", "Who", "Mr", "Mrs", "Ms", "Also", "However", "Meanwhile",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Alliance",
    "Allies", "Ministry", "Council", "Commission", "Parliament", "Government", "Army", "Forces", "Summit",
    "Head", "State", "Office", "Palace", "Command", "Defence", "Defense", "Foreign", "Affairs", "Union",
})


@dataclass(frozen=True, slots=True)
class Title:
    """A role title: its canonical name, its spellings (lower case) and what kind of role it is."""

    name: str
    spellings: tuple[str, ...]
    kinds: frozenset[str]  #: head_of_state, head_of_government, minister, diplomat, spokesperson, military, leader...
    needs_qualifier: bool = False  #: "chief", "leader": only with an organisation or nationality
    describes_only: bool = False  #: "diplomat": describes a person, never a title in front of a name


def _t(name: str, spellings: str, kinds: str, **kw: bool) -> Title:
    return Title(name, tuple(s.strip() for s in spellings.split("|")), frozenset(kinds.split()), **kw)


#: Ministries by their portfolio: "Interior Minister", "minister of the interior", "Energy Secretary",
#: "Secretary of the Treasury": (canonical word, spellings of the portfolio).
PORTFOLIOS: tuple[tuple[str, str], ...] = (
    ("Interior", "interior|the interior|home affairs|internal affairs"),
    ("Finance", "finance|finances"),
    ("Treasury", "treasury|the treasury"),
    ("Energy", "energy"),
    ("Health", "health|health and human services"),
    ("Justice", "justice"),
    ("Education", "education"),
    ("Economy", "economy|the economy|economic affairs"),
    ("Trade", "trade"),
    ("Commerce", "commerce"),
    ("Agriculture", "agriculture"),
    ("Transport", "transport|transportation"),
    ("Labour", "labour|labor"),
    ("Environment", "environment|the environment"),
    ("Homeland Security", "homeland security"),
    ("Oil", "oil|petroleum"),
    ("Information", "information"),
    ("Culture", "culture"),
)


def _portfolio_titles(office: str) -> tuple[Title, ...]:
    """ "Interior Minister" (interior minister, minister of the interior, minister for home affairs...)."""
    out = []
    for name, spellings in PORTFOLIOS:
        words = spellings.split("|")
        forms = [f"{w.removeprefix('the ')} {office.lower()}" for w in words]
        forms += [f"{office.lower()} {prep} {w}" for w in words for prep in ("of", "for")]
        out.append(_t(f"{name} {office}", "|".join(dict.fromkeys(forms)), "minister"))
    return tuple(out)


#: Role titles, longest spellings matched first. Kinds let descriptions match
#: roles: "the Norwegian diplomat" fits a Secretary General or a Foreign Minister.
TITLES: tuple[Title, ...] = (
    _t("Secretary General", "secretary general|secretary-general", "diplomat leader"),
    _t("Foreign Ministry spokesperson", "foreign ministry spokesman|foreign ministry spokeswoman|"
       "foreign ministry spokesperson|foreign ministry's spokesman|foreign ministry's spokeswoman",
       "spokesperson diplomat"),
    _t("Foreign Minister", "foreign minister|foreign affairs minister|minister of foreign affairs|"
       "minister for foreign affairs", "minister diplomat"),
    _t("Defence Minister", "defence minister|defense minister|minister of defence|minister of defense|"
       "minister of national defence|minister of national defense", "minister"),
    # the United States' foreign minister, and Britain's
    _t("Secretary of State", "secretary of state", "minister diplomat"),
    _t("Foreign Secretary", "foreign secretary", "minister diplomat"),
    _t("Defense Secretary", "defense secretary|defence secretary|secretary of defense|secretary of defence",
       "minister"),
    _t("Home Secretary", "home secretary", "minister"),
    *_portfolio_titles("Minister"),
    *_portfolio_titles("Secretary"),
    _t("Attorney General", "attorney general|attorney-general", "minister"),
    _t("Prime Minister", "prime minister|premier", "head_of_government leader"),
    _t("Deputy Prime Minister", "deputy prime minister|vice premier|vice prime minister", "minister"),
    _t("Vice President", "vice president|vice-president", "official"),
    _t("President", "president", "head_of_state leader"),
    _t("Chancellor", "chancellor", "head_of_government leader"),
    _t("Head of State", "head of state", "head_of_state leader"),
    _t("Head of Government", "head of government", "head_of_government leader"),
    _t("King", "king", "head_of_state"),
    _t("Queen", "queen", "head_of_state"),
    _t("Emir", "emir|amir", "head_of_state"),
    _t("Crown Prince", "crown prince", "royal"),
    _t("Pope", "pope", "religious leader"),
    _t("Governor", "governor|gov.", "official leader"),
    _t("Senator", "senator|sen.", "legislator"),
    _t("Representative", "representative|congressman|congresswoman|rep.", "legislator"),
    _t("Speaker", "speaker", "legislator leader", needs_qualifier=True),
    _t("Chief Executive", "chief executive|chief executive officer|ceo", "executive leader"),
    _t("Chair", "chairman|chairwoman|chairperson", "executive leader"),
    _t("Director General", "director general|director-general", "official leader"),
    _t("Director", "director", "official leader", needs_qualifier=True),
    _t("Chief of Staff", "chief of staff", "official"),
    _t("National Security Adviser", "national security adviser|national security advisor", "official"),
    _t("Press Secretary", "press secretary", "spokesperson"),
    _t("High Representative", "high representative", "diplomat"),
    _t("Special Representative", "special representative", "diplomat"),
    _t("Ambassador", "ambassador", "diplomat"),
    _t("Envoy", "envoy|special envoy", "diplomat"),
    _t("Minister", "minister", "minister"),
    _t("Commissioner", "commissioner", "official"),
    _t("Mayor", "mayor", "official"),
    _t("Spokesperson", "spokesman|spokeswoman|spokesperson", "spokesperson"),
    _t("Colonel", "col.|colonel", "military"),
    _t("Lieutenant General", "lieutenant general|lt. gen.|lt gen", "military"),
    _t("Major General", "major general|maj. gen.|maj gen", "military"),
    _t("Brigadier General", "brigadier general|brig. gen.|brig gen", "military"),
    _t("General", "gen.|general", "military"),
    _t("Vice Admiral", "vice admiral|vice adm.|vice adm", "military"),  # "Adm" without its stop: British style
    _t("Rear Admiral", "rear admiral|rear adm.|rear adm", "military"),
    _t("Admiral", "adm.|adm|admiral", "military"),
    _t("Commandant", "commandant", "military leader"),
    _t("Commander", "commander", "military leader", needs_qualifier=True),
    _t("Chief", "chief", "leader", needs_qualifier=True),
    _t("Leader", "leader", "leader", needs_qualifier=True),
    _t("Head", "head", "leader", needs_qualifier=True),
    _t("Diplomat", "diplomat", "diplomat", needs_qualifier=True, describes_only=True),
    _t("Politician", "politician", "any", needs_qualifier=True, describes_only=True),
)

#: "NATO chief" is NATO's Secretary General: (title, organisation) → the title it means.
TITLE_SYNONYMS: dict[tuple[str, str | None], str] = {
    ("Chief", "NATO"): "Secretary General", ("Head", "NATO"): "Secretary General",
    ("Chief", "United Nations"): "Secretary General", ("Leader", "NATO"): "Secretary General",
}
