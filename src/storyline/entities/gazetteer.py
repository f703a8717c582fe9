"""The small gazetteers the entity stage needs, as data.

Each table covers what spaCy's small English model gets wrong on European
security news (the sample corpus and ``../shared/seeds``), not the world: add a
line here when a new corpus shows a new confusion. Code elsewhere only reads
these tables; no rule is hidden in it.
"""

from __future__ import annotations

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
})

#: People spaCy's small model does not recognise at all (or not as people).
KNOWN_PEOPLE: tuple[str, ...] = (
    "Xi Jinping", "Wang Wenbin", "Wang Yi", "Li Qiang", "Mao Ning", "Qin Gang", "Lin Jian",
    "Dmitry Peskov", "Maria Zakharova", "Sergei Lavrov", "Sergei Shoigu",
)

#: Organisations spaCy takes for people or places.
KNOWN_ORGS: tuple[str, ...] = ("BelTA", "NATO", "OSCE", "Wagner Group", "Frontex", "Pentagon", "Kremlin")

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

#: Spans spaCy labels as entities that are common nouns or role words in this news.
NOT_ENTITIES: frozenset[str] = frozenset({
    "defense", "defence", "state", "head of state", "gross domestic product", "allied", "allies", "ally",
    "east", "west", "north", "south", "air policing", "secretary general", "president", "minister",
    "prime minister", "government", "parliament", "multinational battle group",
    # time zones: "05:31 GMT"
    "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "msk",
})

#: Last words of organisation names: a "person" ending in one is an organisation ("Betty Ford Center",
#: "Palmer Police"). Words that are also surnames ("Court", "Park", "Post", "Service") are left out.
ORG_HEADS: frozenset[str] = frozenset({
    "Police", "Department", "Center", "Centre", "Club", "University", "College", "School", "Hospital", "Clinic",
    "Team", "Association", "Council", "Committee", "Party", "Company", "Corporation", "Institute", "Foundation",
    "Agency", "Bureau", "Creamery", "Dairy", "Herald", "Times",
})
#: Last words of place and building names: "Mueller Glacier", "Matanuska Valley", "Mat Maid Warehouse".
PLACE_HEADS: frozenset[str] = frozenset({
    "Valley", "Glacier", "Mountain", "Mountains", "Island", "Islands", "Airport", "Station", "Building",
    "Warehouse", "Bivvy", "Stadium", "Arena", "Province", "County", "District", "Region",
})

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
NAME_PARTICLES: frozenset[str] = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le",
                                           "del", "della", "dos", "das", "ter", "bin", "al", "el", "zu"})

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
})


def _index() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    demonym, place, country = {}, {}, {}
    for c in COUNTRIES:
        country[c.name] = c.name
        for alias in c.aliases:
            country[alias] = c.name
        for d in c.demonyms:
            demonym[d] = c.name
            demonym[d + "s"] = c.name
        for p in c.places:
            place[p] = c.name
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
    _t("Prime Minister", "prime minister|premier", "head_of_government leader"),
    _t("Vice President", "vice president|vice-president", "official"),
    _t("President", "president", "head_of_state leader"),
    _t("Chancellor", "chancellor", "head_of_government leader"),
    _t("Head of State", "head of state", "head_of_state leader"),
    _t("Head of Government", "head of government", "head_of_government leader"),
    _t("King", "king", "head_of_state"),
    _t("High Representative", "high representative", "diplomat"),
    _t("Ambassador", "ambassador", "diplomat"),
    _t("Envoy", "envoy", "diplomat"),
    _t("Minister", "minister", "minister"),
    _t("Commissioner", "commissioner", "official"),
    _t("Mayor", "mayor", "official"),
    _t("Spokesperson", "spokesman|spokeswoman|spokesperson", "spokesperson"),
    _t("Colonel", "col.|colonel", "military"),
    _t("General", "gen.|general", "military"),
    _t("Admiral", "adm.|admiral", "military"),
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
