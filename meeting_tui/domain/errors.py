"""Errors a person can act on: an i18n key plus the values that fill it."""

from __future__ import annotations

from meeting_tui import i18n

# Values that are codes (a field name, a motion state) are shown in the reader's language.
_TRANSLATED = {"field": "field", "state": "motion"}


def party_names(codes: list[str], lang: str | None = None) -> str:
    """居民，社区工作人员 / residents, community staff: parties named in a list."""
    zh = (i18n.normalise_lang(lang) if lang else i18n.current_language()) == "zh"
    return ("，" if zh else ", ").join(i18n.t(f"party.{code}", lang) for code in codes)


class DomainError(i18n.CatalogueError):
    """A command refused: what is wrong and how to fix it, in the reader's language.

    `key` names a catalog entry (see `domain/messages.py`); `values` fill its
    placeholders. `str(error)` is the message in the current language.
    """

    def message(self, lang: str | None = None) -> str:
        values = {
            name: i18n.t(f"{_TRANSLATED[name]}.{value}", lang) if name in _TRANSLATED else value
            for name, value in self.values.items()
        }
        if "parties" in values:  # party codes, named in the reader's language
            values["parties"] = party_names(self.values["parties"], lang)
        return i18n.t(self.key, lang, **values)
