"""Corpus totals: who is quoted most, which countries and organisations come up, over many documents.

``CorpusSummary`` takes documents one at a time and keeps counters keyed by name, so memory grows with the
number of distinct speakers, countries and organisations, not with the number of documents. Summaries
built in separate processes combine with ``update``.

``to_dict()`` gives the summary as JSON (version 1)::

    {"version": 1,
     "documents": 3,          # documents added
     "quotes": 9,             # quotes in them, attributed or not
     "speakers": [            # quotes with a named speaker, grouped by (name, type)
       {"name": "Ильхам Алиев", "type": "person",
        "roles": ["президент Азербайджана"],  # distinct roles given, most quotes first, then A-Z
        "quotes": 5,          # quotes attributed to this speaker
        "documents": 2}],     # documents with at least one of them
     "countries": [           # grouped by ISO code
       {"code": "KZ", "name": "Казахстан",
        "mentions": 7, "name_mentions": 4, "adjective_mentions": 3,
        "documents": 2}],     # documents mentioning the country
     "organisations": [       # grouped by normalised name
       {"name": "ООН", "mentions": 2, "documents": 1}]}

Order is deterministic: speakers by quotes, countries and organisations by mentions, each descending, then
by documents descending, then by name (speakers also by type, countries by code).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Document

SUMMARY_VERSION = 1
"""The version of the summary's JSON shape."""


class CorpusSummary:
    """Aggregates documents one at a time into corpus totals; ``to_dict`` gives the JSON shape above."""

    def __init__(self) -> None:
        self.documents = 0
        self.quotes = 0
        self._speaker_quotes: Counter[tuple[str, str]] = Counter()
        self._speaker_documents: Counter[tuple[str, str]] = Counter()
        self._speaker_roles: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._country_names: dict[str, str] = {}
        self._country_mentions: Counter[tuple[str, str]] = Counter()  # (code, form)
        self._country_documents: Counter[str] = Counter()
        self._organisation_mentions: Counter[str] = Counter()
        self._organisation_documents: Counter[str] = Counter()

    def add(self, document: Document) -> None:
        """Count one document's quotes, speakers, countries and organisations."""
        self.documents += 1
        self.quotes += len(document.quotes)
        speakers: set[tuple[str, str]] = set()
        for quote in document.quotes:
            if quote.speaker is None:
                continue
            key = (quote.speaker.name, quote.speaker.type)
            speakers.add(key)
            self._speaker_quotes[key] += 1
            if quote.speaker.role:
                self._speaker_roles[key][quote.speaker.role] += 1
        self._speaker_documents.update(speakers)
        countries: set[str] = set()
        for country in document.countries:
            self._country_names.setdefault(country.code, country.name)
            countries.add(country.code)
            for mention in country.mentions:
                self._country_mentions[country.code, mention.form] += 1
        self._country_documents.update(countries)
        organisations: set[str] = set()
        for organisation in document.organisations:
            organisations.add(organisation.name)
            self._organisation_mentions[organisation.name] += len(organisation.mentions)
        self._organisation_documents.update(organisations)

    def update(self, other: CorpusSummary) -> None:
        """Add the totals of ``other`` (built from other documents, e.g. in another process)."""
        self.documents += other.documents
        self.quotes += other.quotes
        self._speaker_quotes.update(other._speaker_quotes)
        self._speaker_documents.update(other._speaker_documents)
        for key, roles in other._speaker_roles.items():
            self._speaker_roles[key].update(roles)
        for code, name in other._country_names.items():
            self._country_names.setdefault(code, name)
        self._country_mentions.update(other._country_mentions)
        self._country_documents.update(other._country_documents)
        self._organisation_mentions.update(other._organisation_mentions)
        self._organisation_documents.update(other._organisation_documents)

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data, in the shape documented in this module."""
        return {
            "version": SUMMARY_VERSION,
            "documents": self.documents,
            "quotes": self.quotes,
            "speakers": self._speakers(),
            "countries": self._countries(),
            "organisations": self._organisations(),
        }

    def _speakers(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for (name, type_), quotes in self._speaker_quotes.items():
            roles = self._speaker_roles.get((name, type_), Counter())
            rows.append(
                {
                    "name": name,
                    "type": type_,
                    "roles": sorted(roles, key=lambda role: (-roles[role], role)),
                    "quotes": quotes,
                    "documents": self._speaker_documents[name, type_],
                }
            )
        rows.sort(key=lambda row: (-row["quotes"], -row["documents"], row["name"], row["type"]))
        return rows

    def _countries(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for code, name in self._country_names.items():
            by_name = self._country_mentions[code, "name"]
            by_adjective = self._country_mentions[code, "adjective"]
            rows.append(
                {
                    "code": code,
                    "name": name,
                    "mentions": by_name + by_adjective,
                    "name_mentions": by_name,
                    "adjective_mentions": by_adjective,
                    "documents": self._country_documents[code],
                }
            )
        rows.sort(key=lambda row: (-row["mentions"], -row["documents"], row["name"], row["code"]))
        return rows

    def _organisations(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [
            {"name": name, "mentions": mentions, "documents": self._organisation_documents[name]}
            for name, mentions in self._organisation_mentions.items()
        ]
        rows.sort(key=lambda row: (-row["mentions"], -row["documents"], row["name"]))
        return rows
