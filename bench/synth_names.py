"""Invented names for the synthetic corpus: outlets, journalists, and envoys who are not in the gazetteers.

Real news names many people no gazetteer knows (ambassadors, delegation members); these pools let the
generator name such people so extractors meet unknown names too. Every name here is made up by combining
common given names and surnames; none stands for a real person.
"""

from __future__ import annotations

from dataclasses import dataclass

# ISO3 -> (given names, surnames), combined at random into envoys of that state.
ENVOY_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "RUS": (("Igor", "Dmitri", "Alexeï", "Nikolaï", "Oleg"), ("Gromov", "Belov", "Sokolov", "Orlov", "Volkov")),
    "DZA": (("Karim", "Mourad", "Rachid", "Nassim", "Yacine"), ("Benali", "Bouzid", "Hamidi", "Kaci", "Saadi")),
    "TUR": (("Mehmet", "Ahmet", "Kemal", "Serkan", "Emre"), ("Yilmaz", "Demir", "Aydin", "Kaya", "Ozturk")),
    "CHN": (("Li", "Zhang", "Chen", "Liu", "Zhao"), ("Wei", "Jun", "Hua", "Ming", "Qiang")),
    "FRA": (("Pierre", "Laurent", "Sophie", "Olivier", "Claire"), ("Martin", "Bernard", "Lefèvre", "Moreau", "Roux")),
    "USA": (("John", "Michael", "Sarah", "David", "Emily"), ("Miller", "Carter", "Walker", "Hughes", "Parker")),
    "SEN": (("Mamadou", "Cheikh", "Ousmane", "Aïssatou", "Ibrahima"), ("Ndiaye", "Sow", "Fall", "Diouf", "Sarr")),
    "GIN": (("Alpha", "Mamadi", "Sékou", "Lansana", "Ibrahima"), ("Bah", "Camara", "Soumah", "Kourouma", "Condé")),
    "MAR": (("Youssef", "Hicham", "Nabil", "Driss", "Samir"), ("El Amrani", "Bennani", "Tazi", "Alaoui", "Idrissi")),
    "BFA": (
        ("Issouf", "Salif", "Adama", "Boukary", "Hamidou"),
        ("Ouédraogo", "Kaboré", "Zongo", "Sawadogo", "Compaoré"),
    ),
    "NER": (
        ("Moussa", "Hamadou", "Salissou", "Ibrah", "Mahamane"),
        ("Issoufou", "Abdou", "Souley", "Harouna", "Garba"),
    ),
    "CIV": (("Kouadio", "Koffi", "Yao", "Aya", "Konan"), ("Kouassi", "Ouattara", "Bamba", "Koné", "N'Guessan")),
    "EGY": (("Ahmed", "Mahmoud", "Tarek", "Omar", "Hany"), ("Farouk", "Mansour", "Hassan", "Zaki", "Salem")),
    "DEU": (("Thomas", "Andreas", "Katrin", "Stefan", "Julia"), ("Schneider", "Fischer", "Weber", "Becker", "Wagner")),
    "IRN": (("Ali", "Reza", "Hossein", "Mehdi", "Majid"), ("Hosseini", "Rahimi", "Karimi", "Moradi", "Jafari")),
    "ARE": (
        ("Khalid", "Saeed", "Hamad", "Rashid", "Sultan"),
        ("Al Mazrouei", "Al Suwaidi", "Al Nuaimi", "Al Kaabi", "Al Ali"),
    ),
}

JOURNALIST_GIVEN = ("Souleymane", "Aboubacar", "Moussa", "Fatoumata", "Aminata", "Mariam", "Issa", "Oumar", "Bakary")
JOURNALIST_SURNAMES = ("Sidibé", "Coulibaly", "Diarra", "Konaté", "Sissoko", "Dembélé", "Kanté", "Diallo", "Cissé")


@dataclass(frozen=True)
class Outlet:
    """A made-up news site and the habits of its pages."""

    name: str
    domain: str
    menu: tuple[str, ...]
    dated_urls: bool  # /2024/03/12/slug — the URL then tells the publication day
    publication_line: str  # "publie" ("Publié lundi 19 juin 2023 à 05:48"), "pipe" ("9 septembre 2023 | X"), "none"
    bylines: str  # "par" ("Par Souleymane SIDIBE"), "redaction" ("Rédaction X"), "source"


OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        "Le Sahel Quotidien",
        "lesahelquotidien.ml",
        ("Accueil", "Politique", "Diplomatie", "Sécurité", "Économie", "Société", "Culture", "Sport"),
        False,
        "publie",
        "par",
    ),
    Outlet(
        "Niger-Bamako Infos",
        "nigerbamakoinfos.com",
        ("Accueil", "Actualités", "International", "Région", "Opinions", "Vidéos"),
        True,
        "pipe",
        "redaction",
    ),
    Outlet(
        "Kati Hebdo",
        "katihebdo.net",
        ("Accueil", "Nord Actu", "Politique", "Sécurité", "Société", "Santé", "Femmes et Jeunes"),
        False,
        "none",
        "par",
    ),
    Outlet(
        "Mali Horizon",
        "malihorizon.info",
        ("À la Une", "Politique", "Diplomatie", "Économie", "Sport", "Contact"),
        True,
        "publie",
        "source",
    ),
    Outlet(
        "L'Écho du Djoliba",
        "echodudjoliba.ml",
        ("Accueil", "Nation", "Monde", "Économie", "Culture", "Annonces"),
        False,
        "pipe",
        "par",
    ),
    Outlet(
        "Sahel Regard",
        "sahelregard.com",
        ("Accueil", "Afrique", "Sahel", "Politique", "Défense", "Analyses"),
        True,
        "none",
        "redaction",
    ),
)

SHARE_LINES = (
    "Partager :\nFacebook\nTwitter\nWhatsApp\nTelegram",
    "Partagez cet article : Facebook | X | LinkedIn | E-mail",
    "Share this:\nFacebook\nX\nWhatsApp",
    "Imprimer\nEnvoyer par mail\nPartager sur Facebook",
)
