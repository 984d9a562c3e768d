"""Integrity of the shipped gazetteers (ingest/data/*.yaml): coverage, unique keys, references, unambiguous names."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date

import pytest

from ingest.gazetteer import Gazetteer, PersonEntry, Post, load_gazetteer

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = set(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
    CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI
    EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
    JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
    MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
    KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split()
)
# Palestine, Kosovo, Taiwan, Western Sahara (RASD), Holy See.
OTHER_STATES = {"PSE", "XKX", "TWN", "ESH", "VAT"}

# Post kinds that a state (or organisation) has one holder of at a time.
SINGLE_HOLDER_KINDS = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
KNOWN_KINDS = SINGLE_HOLDER_KINDS | {
    "vice_president",
    "minister",
    "spokesperson",
    "speaker",
    "ambassador",
    "supreme_leader",
    "un_official",
    "org_official",
}

# Folded forms allowed to name two different referents (none so far: keep it that way unless unavoidable).
ALLOWED_SHARED: dict[str, set[str]] = {}

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")


def fold(text: str) -> str:
    """Lookup key: lowercase, no accents, one kind of apostrophe, hyphens as spaces, punctuation dropped."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9' ]+", " ", text.replace("-", " "))
    return " ".join(text.split())


def slug(name: str) -> str:
    """Person id: lowercase words joined by '-', accents kept."""
    return "-".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFC", name).lower()))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _forms(gaz: Gazetteer) -> dict[str, set[str]]:
    """Every folded form of every entry -> the referents it names ('state:MLI', 'org:onu', 'person:…')."""
    out: dict[str, set[str]] = defaultdict(set)
    for s in gaz.states:
        for f in [s.name, s.name_en, *s.long_forms, *s.demonyms, *s.capitals, *s.aliases]:
            out[fold(f)].add(f"state:{s.iso3}")
    for o in gaz.organisations:
        for f in [o.name, *o.aliases, *([o.acronym] if o.acronym else [])]:
            out[fold(f)].add(f"org:{o.id}")
    for p in gaz.people:
        for f in [p.name, *p.aliases]:
            out[fold(f)].add(f"person:{p.id}")
    for pl in gaz.places:
        for f in [pl.name, *pl.aliases]:
            # a city may share a form with its own state ("Bamako" is a place and Mali's metonym)
            out[fold(f)].add(f"state:{pl.state}" if f"state:{pl.state}" in out[fold(f)] else f"place:{pl.name}")
    return out


def _dates(post: Post) -> list[str]:
    return [d for d in (post.since, post.until) if d is not None]


def _first_day(d: str) -> date:
    parts = [int(x) for x in d.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _last_day(d: str) -> date:
    parts = [int(x) for x in d.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def test_files_load_with_expected_coverage(gaz: Gazetteer) -> None:
    assert len(gaz.states) == 198
    assert len(gaz.organisations) >= 60
    assert len(gaz.people) >= 150
    assert len(gaz.places) >= 150


def test_every_un_member_and_observer_is_present(gaz: Gazetteer) -> None:
    assert {s.iso3 for s in gaz.states} == UN_MEMBERS | OTHER_STATES


def test_keys_are_unique(gaz: Gazetteer) -> None:
    for keys in (
        [s.iso3 for s in gaz.states],
        [o.id for o in gaz.organisations],
        [p.id for p in gaz.people],
        [fold(p.name) for p in gaz.places],
    ):
        assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_wikidata_ids_are_well_formed_and_unique(gaz: Gazetteer) -> None:
    found = [s.wikidata for s in gaz.states] + [o.wikidata for o in gaz.organisations]
    qids = [q for q in found + [p.wikidata for p in gaz.people] if q is not None]
    assert all(_QID.match(q) for q in qids)
    assert len(qids) == len(set(qids))


def test_person_ids_are_slugs_of_names(gaz: Gazetteer) -> None:
    assert [p.id for p in gaz.people if p.id != slug(p.name)] == []


def test_organisation_ids_are_ascii_slugs_and_parents_known(gaz: Gazetteer) -> None:
    ids = set(gaz.organisation_by_id)
    assert [o.id for o in gaz.organisations if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", o.id)] == []
    assert [o.id for o in gaz.organisations if o.parent is not None and o.parent not in ids] == []
    for o in gaz.organisations:  # no parent cycles
        seen, cur = {o.id}, o.parent
        while cur is not None:
            assert cur not in seen, o.id
            seen.add(cur)
            cur = gaz.organisation_by_id[cur].parent


def test_references_are_known(gaz: Gazetteer) -> None:
    states, orgs = set(gaz.state_by_iso3), set(gaz.organisation_by_id)
    assert [pl.name for pl in gaz.places if pl.state not in states] == []
    assert [p.id for p in gaz.people if p.nationality is not None and p.nationality not in states] == []
    bad = [(p.id, post.represents) for p in gaz.people for post in p.posts if post.represents not in states | orgs]
    assert bad == []


def test_post_kinds_and_dates_are_valid(gaz: Gazetteer) -> None:
    for p in gaz.people:
        for post in p.posts:
            assert post.kind in KNOWN_KINDS, (p.id, post.kind)
            for d in _dates(post):
                assert _DATE.match(d), (p.id, d)
                _first_day(d)  # raises on an impossible month or day
                _last_day(d)
            if post.since is not None and post.until is not None:
                assert _first_day(post.since) <= _last_day(post.until), (p.id, post.title)


def test_single_holder_posts_do_not_overlap(gaz: Gazetteer) -> None:
    """Two people cannot surely hold the same head/foreign/defence post at once (acting holders excepted)."""
    spans: dict[tuple[str, str], list[tuple[date, date, str]]] = defaultdict(list)
    for p in gaz.people:
        for post in p.posts:
            if post.kind in SINGLE_HOLDER_KINDS and "intérim" not in post.title:
                # the span the holder surely held the post: from the end of `since` to the start of `until`
                lo = _last_day(post.since) if post.since else date.min
                hi = _first_day(post.until) if post.until else date.max
                spans[(post.kind, post.represents)].append((lo, hi, p.id))
    clashes = []
    for key, rows in spans.items():
        for i, (lo1, hi1, a) in enumerate(rows):
            for lo2, hi2, b in rows[i + 1 :]:
                if a != b and lo1 < hi2 and lo2 < hi1:
                    clashes.append((key, a, b))
    assert clashes == []


def test_no_form_names_two_referents(gaz: Gazetteer) -> None:
    """A name, alias, demonym or capital must resolve to one state, organisation, person or place."""
    shared = {f: refs for f, refs in _forms(gaz).items() if len(refs) > 1 and ALLOWED_SHARED.get(f) != refs}
    assert shared == {}


def test_no_form_repeats_within_an_entry(gaz: Gazetteer) -> None:
    entries: list[tuple[str, list[str]]] = [
        (s.iso3, [s.name, *s.long_forms, *s.demonyms, *s.capitals, *s.aliases]) for s in gaz.states
    ]
    entries += [(o.id, [o.name, *o.aliases]) for o in gaz.organisations]
    entries += [(p.id, [p.name, *p.aliases]) for p in gaz.people]
    entries += [(pl.name, [pl.name, *pl.aliases]) for pl in gaz.places]
    repeats = [(key, f) for key, forms in entries for f in set(forms) if forms.count(f) > 1]
    assert repeats == []


def test_case_sensitive_forms_belong_to_their_entry(gaz: Gazetteer) -> None:
    for s in gaz.states:
        assert set(s.case_sensitive) <= {s.name, *s.long_forms, *s.demonyms, *s.capitals, *s.aliases}, s.iso3
    for o in gaz.organisations:
        assert set(o.case_sensitive) <= {o.name, *o.aliases, *([o.acronym] if o.acronym else [])}, o.id
    for pl in gaz.places:
        assert set(pl.case_sensitive) <= {pl.name, *pl.aliases}, pl.name


def test_common_words_are_flagged_case_sensitive(gaz: Gazetteer) -> None:
    """Forms that are ordinary French words must not be matched in lower case."""
    flagged = {fold(f) for s in gaz.states for f in s.case_sensitive}
    flagged |= {fold(f) for o in gaz.organisations for f in o.case_sensitive}
    flagged |= {fold(f) for pl in gaz.places for f in pl.case_sensitive}
    for word in ["un", "au", "eu", "grenade", "maurice", "dominique", "equateur", "vienne", "berne", "canton"]:
        assert word in flagged or word not in _forms(gaz), word


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("Guinée", "GIN"),
        ("Guinee-Bissau", "GNB"),
        ("guinéenne", "GIN"),
        ("Moscou", "RUS"),
        ("Pékin", "CHN"),
        ("Beijing", "CHN"),
        ("burkinabé", "BFA"),
        ("Burkinabè", "BFA"),
        ("nigériennes", "NER"),
        ("nigérians", "NGA"),
        ("émiriens", "ARE"),
        ("Abou Dhabi", "ARE"),
        ("Etats-Unis d'Amérique", "USA"),
        ("USA", "USA"),
        ("Grande Bretagne", "GBR"),
        ("Côte d’Ivoire", "CIV"),
        ("République islamique de Mauritanie", "MRT"),
        ("Royaume du Maroc", "MAR"),
        ("RASD", "ESH"),
        ("Türkiye", "TUR"),
        ("N’Djamena", "TCD"),
    ],
)
def test_state_forms_resolve(gaz: Gazetteer, form: str, iso3: str) -> None:
    assert _forms(gaz)[fold(form)] == {f"state:{iso3}"}


@pytest.mark.parametrize(
    ("form", "org"),
    [("Cédéao", "cedeao"), ("ECOWAS", "cedeao"), ("Confédération AES", "aes"), ("Nations Unies", "onu"),
     ("Assemblée générale de l’ONU", "agnu"), ("WAEMU", "uemoa"), ("groupe Wagner", "groupe-wagner")],
)  # fmt: skip
def test_organisation_forms_resolve(gaz: Gazetteer, form: str, org: str) -> None:
    assert _forms(gaz)[fold(form)] == {f"org:{org}"}


def test_un_organs_hang_under_the_un_and_agencies_stand_alone(gaz: Gazetteer) -> None:
    for org_id in ["agnu", "csnu", "secretariat-onu", "minusma", "pnud", "unicef", "hcr", "pam", "ocha"]:
        assert gaz.organisation_by_id[org_id].parent == "onu", org_id
    # specialised agencies and Bretton Woods institutions are organisations in their own right
    for org_id in ["banque-mondiale", "fmi", "oms", "fao", "unesco"]:
        assert gaz.organisation_by_id[org_id].parent is None, org_id


def _ids(people: list[PersonEntry]) -> list[str]:
    return [p.id for p in people]


def test_holders_on_a_date(gaz: Gazetteer) -> None:
    assert _ids(gaz.holders("foreign_minister", "MLI", "2024-02-28")) == ["abdoulaye-diop"]
    assert _ids(gaz.holders("foreign_minister", "MLI", "2016-05")) == ["abdoulaye-diop"]
    assert _ids(gaz.holders("head_of_government", "MLI", "2025-01-15")) == ["abdoulaye-maïga"]
    assert _ids(gaz.holders("head_of_government", "MLI", "2023-06-01")) == ["choguel-kokalla-maïga"]
    assert _ids(gaz.holders("head_of_state", "MLI", "2021-01-10")) == ["bah-n-daw"]
    assert _ids(gaz.holders("defence_minister", "RUS", "2024-09")) == ["andreï-belooussov"]
    assert _ids(gaz.holders("foreign_minister", "FRA", "2023-03-01")) == ["catherine-colonna"]
    assert _ids(gaz.holders("un_official", "onu", "2023-09-20")) == [
        "antónio-guterres",
        "amina-j-mohammed",
        "volker-türk",
    ]
