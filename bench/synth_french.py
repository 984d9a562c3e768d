"""French surface forms for the synthetic corpus: dates, articles and prepositions before country and
organisation names, sector phrases.

Gender and number of country names are not in the gazetteers, so they are guessed from the usual French rules
(names ending in -e are feminine, with the classic exceptions) — good enough for readable synthetic text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
VOWELS = tuple("AEIOUYÉÈÊÂÎÔÏaeiouyéèêâîôï")

_MASCULINE_IN_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname", "Zaïre"}
_SINGULAR_IN_S = {"Laos", "Honduras", "Belarus"}
_NO_ARTICLE = {
    "Cuba",
    "Madagascar",
    "Malte",
    "Chypre",
    "Singapour",
    "Maurice",
    "Haïti",
    "Israël",
    "Bahreïn",
    "Monaco",
    "Djibouti",
    "Taïwan",
    "Oman",
    "Sao Tomé-et-Principe",
    "Nauru",
    "Tuvalu",
    "Kiribati",
}
_FEMININE_ORG_HEADS = {
    "Union",
    "Communauté",
    "Alliance",
    "Confédération",
    "Organisation",
    "Banque",
    "Conférence",
    "Commission",
    "Mission",
    "Cour",
    "Agence",
    "Autorité",
    "Ligue",
    "Francophonie",
    "Coalition",
    "Force",
}
_PLURAL_ORG_HEADS = {"BRICS", "Nations"}


def day_text(day: int) -> str:
    """'1er' for the first of the month, the number otherwise."""
    return "1er" if day == 1 else str(day)


def day_month(d: dt.date) -> str:
    """'12 mars'."""
    return f"{day_text(d.day)} {MONTHS[d.month - 1]}"


def full_date(d: dt.date, weekday: bool = True) -> str:
    """'mardi 12 mars 2024' (or '12 mars 2024')."""
    text = f"{day_month(d)} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def month_year(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def ordinal(n: int) -> str:
    """'1re', '2e', '79e'."""
    return "1re" if n == 1 else f"{n}e"


def capitalise(text: str) -> str:
    """Upper-case the first character only."""
    return text[:1].upper() + text[1:]


def elide_de(word: str) -> str:
    """'de Russie', "d'Algérie"."""
    return f"d'{word}" if word.startswith(VOWELS) else f"de {word}"


@dataclass(frozen=True)
class CountryForms:
    """Article and preposition forms of a country name."""

    name: str
    the: str  # "la Russie", "le Sénégal", "l'Algérie", "les États-Unis", "Cuba"
    of: str  # "de la Russie", "du Sénégal", "de l'Algérie", "des États-Unis", "de Cuba"
    of_short: str  # "de Russie", "du Sénégal", "d'Algérie" — after ambassadeur, ministre, président
    in_: str  # "en Russie", "au Sénégal", "en Algérie", "aux États-Unis", "à Cuba"


def country_forms(name: str) -> CountryForms:
    """Guess the article forms of a French country name."""
    first = name.split()[0].split("-")[0] if name else name
    if name in _NO_ARTICLE or name.startswith(("Saint-", "Sainte-", "Antigua", "Trinité")):
        return CountryForms(name, name, elide_de(name), elide_de(name), f"à {name}")
    plural = name.split()[0].endswith(("s", "x")) and name not in _SINGULAR_IN_S and first != "Pays"
    if name.startswith("Pays-Bas"):
        plural = True
    if plural:
        return CountryForms(name, f"les {name}", f"des {name}", f"des {name}", f"aux {name}")
    head = name.split()[0]
    feminine = head.endswith("e") and head not in _MASCULINE_IN_E
    if name.startswith(VOWELS):
        return CountryForms(name, f"l'{name}", f"de l'{name}", f"d'{name}", f"en {name}")
    if feminine:
        return CountryForms(name, f"la {name}", f"de la {name}", f"de {name}", f"en {name}")
    return CountryForms(name, f"le {name}", f"du {name}", f"du {name}", f"au {name}")


def org_the(label: str) -> str:
    """Definite article before an organisation name or acronym: "l'ONU", "la CEDEAO", "les BRICS"."""
    head = label.split()[0]
    if head in _PLURAL_ORG_HEADS:
        return f"les {label}"
    if label.startswith(VOWELS):
        return f"l'{label}"
    if head in _FEMININE_ORG_HEADS or (label.isupper() and head not in {"FMI", "G5"}):
        return f"la {label}"
    return f"le {label}"


def of_the(noun_phrase: str) -> str:
    """Contract 'de' with a definite article: 'la défense' -> 'de la défense', 'le commerce' -> 'du commerce'."""
    if noun_phrase.startswith("le "):
        return "du " + noun_phrase[3:]
    if noun_phrase.startswith("les "):
        return "des " + noun_phrase[4:]
    if noun_phrase.startswith("l'"):
        return "de " + noun_phrase
    if noun_phrase.startswith("la "):
        return "de " + noun_phrase
    return elide_de(noun_phrase)


def join_and(items: list[str]) -> str:
    """'a', 'a et b', 'a, b et c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


# Definite noun phrase of each sector of ../shared/spec/vocabulary.md; a sector missing here is written
# with its bare name, so a gazetteer that grows new sectors still produces text.
SECTOR_PHRASES: dict[str, str] = {
    "défense": "la défense",
    "sécurité": "la sécurité",
    "terrorisme": "la lutte contre le terrorisme",
    "diplomatie": "la diplomatie",
    "économie": "l'économie",
    "commerce": "le commerce",
    "énergie": "l'énergie",
    "mines": "les mines",
    "agriculture": "l'agriculture",
    "infrastructures": "les infrastructures",
    "transports": "les transports",
    "numérique": "le numérique",
    "technologies": "les nouvelles technologies",
    "éducation": "l'éducation",
    "santé": "la santé",
    "culture": "la culture",
    "humanitaire": "l'action humanitaire",
    "développement": "le développement",
    "environnement": "l'environnement",
    "eau": "l'eau",
    "justice": "la justice",
    "migration": "la gestion des migrations",
    "finances": "les finances publiques",
    "espace": "les activités spatiales",
}


def sector_phrase(sector: str) -> str:
    return SECTOR_PHRASES.get(sector, f"le secteur « {sector} »")


def bare_sector(sector: str) -> str:
    """Without its article, for 'en matière de ...': 'défense', 'lutte contre le terrorisme'."""
    phrase = sector_phrase(sector)
    for article in ("la ", "le ", "les ", "l'"):
        if phrase.startswith(article):
            return phrase[len(article) :]
    return phrase
