"""The language of the interface: English, or Russian when the locale says so or ``--lang ru`` asks.

Messages are marked in the code with ``_("...")`` (and ``ngettext`` for counts) and translated through
standard gettext catalogs, ``quotex/locale/<language>/LC_MESSAGES/quotex.mo``, compiled from the ``.po``
files beside them (``scripts/i18n.sh`` extracts and compiles them with babel). Another language is one
more catalog. The language comes from the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set
(``ru_RU.UTF-8`` -> Russian); anything else, or no catalog for it, is English. Only the words of the
interface change: JSON, JSON Lines and CSV keep their English field names and values.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "quotex"
LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("en", "ru")
"""Languages of the interface; English is the language of the code and needs no catalog."""

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language the locale variables ask for, as POSIX orders them: ``LC_ALL``, ``LC_MESSAGES``,
    then ``LANG``; "en" unless it is one of ``LANGUAGES``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            code = value.split(".")[0].split("_")[0].split("@")[0].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def set_language(language: str) -> None:
    """Speak ``language`` ("en", "ru") from now on; an unknown one is English."""
    global _translation, _language
    _language = language if language in LANGUAGES else "en"
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language], fallback=True)


def language() -> str:
    """The language of the interface now: "en" or "ru"."""
    return _language


def _(message: str) -> str:
    """``message`` in the interface's language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs where it is defined; it is translated where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` in the interface's language (Russian has three)."""
    return _translation.ngettext(singular, plural, count)


set_language(language_from_environment())
