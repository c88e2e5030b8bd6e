"""Public API of the knowledge base for other stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lagebild.kb.index import fold, get_index, kb_version
from lagebild.kb.mentions import gazetteer

# changes whenever a shipped knowledge file changes (recorded with stored results)
KB_VERSION: str = kb_version()


@dataclass(frozen=True)
class RoleSpan:
    title: str  # e.g. "President of the United States"
    start: date | None
    end: date | None  # first day no longer in office
    key: str = ""  # role key ("foreign_minister"), as in role_titles.yaml


@dataclass(frozen=True)
class PersonRoles:
    id: str
    name: str
    roles: tuple[RoleSpan, ...] = field(default_factory=tuple)
    # True when the text names the person together with one of these role titles
    # ("US-Präsident Trump"), which pins the date far more than a bare name does.
    titled: bool = False
    # role keys the titles in the text can mean ("Außenminister" -> foreign_minister)
    title_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityInfo:
    id: str
    name: str
    type: str
    kb: str
    country: str | None
    gender: str | None
    aliases: tuple[str, ...]


def _title_keys(text: str, start: int) -> tuple[str, ...] | None:
    """The role keys of the role title before ``start`` ("US-Präsident", "Kanzler"), or None
    when the word before is no role title."""
    words = text[:start].split()
    if not words:
        return None
    index = get_index()
    word = words[-1].strip(",;:()")
    sense = index.title(word)
    if sense is None and "-" in word:
        sense = index.title(word.rsplit("-", 1)[1])
    return None if sense is None else sense.keys + sense.org_keys


def persons_in_text(text: str) -> list[PersonRoles]:
    """KB persons named in ``text`` with their dated roles (used for publication-date inference)."""
    index = get_index()
    found: dict[str, PersonRoles] = {}
    for m in gazetteer(index, text, 0):
        keys = _title_keys(text, m.start)
        for cand in m.cands:
            ent = index.ents[cand]
            if ent.type != "PER":
                continue
            old = found.get(ent.id)
            if old is None:
                roles = tuple(RoleSpan(r.title_en or r.title_de, r.start, r.end, r.key)
                              for r in ent.roles)
                old = found[ent.id] = PersonRoles(ent.id, ent.name, roles)
            if keys is not None:
                found[ent.id] = PersonRoles(old.id, old.name, old.roles, True,
                                            tuple(dict.fromkeys(old.title_keys + keys)))
    return list(found.values())


def role_holder(role_key: str, org: str, on_date: date | None) -> str | None:
    """The id of the one person holding ``role_key`` at ``org`` (ISO2, id or name) that day."""
    index = get_index()
    org_id = index.org_id(org) or org
    ids = {p.id for _, p in index.role_holders(role_key, org_id, on_date)}
    return ids.pop() if len(ids) == 1 else None


def entity_info(entity_id: str) -> EntityInfo | None:
    ent = get_index().ents.get(entity_id)
    if ent is None:
        return None
    return EntityInfo(ent.id, ent.name, ent.type, ent.kb, ent.country, ent.gender,
                      tuple(ent.aliases))


def state_of(entity_id: str) -> str | None:
    """The state a KB place lies in (Kiew → Ukraine; a state → itself), else None."""
    return _country_state(entity_id, ("GPE",))


def side_of(entity_id: str) -> str:
    """The state an entity speaks or acts for: a KB person's country, a place's state, else the
    entity itself (Selenskyj → Ukraine, Kiew → Ukraine)."""
    return _country_state(entity_id, ("PER", "GPE")) or entity_id


def _country_state(entity_id: str, types: tuple[str, ...]) -> str | None:
    """The state entity of a KB entity's country when the entity has one of ``types``."""
    info = entity_info(entity_id)
    if info is None or info.type not in types or not info.country:
        return None
    return get_index().by_iso.get(info.country)


def is_person(entity_id: str) -> bool:
    """True for KB persons and local person ids (``lb:PER:…``)."""
    if entity_id.startswith("lb:PER:"):
        return True
    ent = get_index().ents.get(entity_id)
    return ent is not None and ent.type == "PER"


def roles_on(entity_id: str, on_date: date | None) -> list[str]:
    """Role titles (English) the entity holds on ``on_date``."""
    ent = get_index().ents.get(entity_id)
    return [] if ent is None else [r.title_en or r.title_de for r in ent.roles_on(on_date)]


def lookup(name: str) -> list[EntityInfo]:
    """Every KB entity with ``name`` as name or alias."""
    out = []
    for ent in get_index().lookup(name):
        info = entity_info(ent.id)
        if info:
            out.append(info)
    return out


def state_of_adjective(word: str) -> str | None:
    """The state entity id an adjective names ("ukrainischen" → Ukraine), else None."""
    return get_index().adjective_state(fold(word))


def _ner_model_version() -> str:
    """A short hash of the statistical NER model files in use ("none" without a model)."""
    import hashlib

    try:
        from lagebild.nlp import ner
    except ImportError:
        return "none"
    h = hashlib.sha256()
    found = False
    for name in ("MODEL_PATH", "AUX_MODEL_PATH"):
        path = getattr(ner, name, None)
        if path is not None and path.exists():
            h.update(path.read_bytes())
            found = True
    return h.hexdigest()[:12] if found else "none"


def __getattr__(name: str) -> str:
    # computed on first use only: hashing the model is not worth doing at every import
    if name in ("NER_MODEL_VERSION", "MODEL_VERSION"):
        value = _ner_model_version()
        globals()["NER_MODEL_VERSION"] = value
        globals()["MODEL_VERSION"] = f"kb-{KB_VERSION}+ner-{value}"
        return globals()[name]
    raise AttributeError(name)


def local_id(name: str, entity_type: str) -> str:
    """The stable local id the entities stage gives an entity outside the knowledge base:
    ``lb:<type>:<normalised name>`` ("Jana Kowalski", "PER" → ``lb:PER:jana_kowalski``)."""
    from lagebild.kb.link import slug

    return f"lb:{entity_type}:{slug(name)}"
