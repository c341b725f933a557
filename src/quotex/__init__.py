"""quotex: who said what in Russian news text.

>>> from quotex import Extractor
>>> result = Extractor().extract("«Мы готовы», — сказал министр.")

Importing this package is cheap; natasha's models load on the first extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"
__all__ = ["Extractor", "__version__", "extract"]

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .records import Document


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module 'quotex' has no attribute {name!r}")


_default: Extractor | None = None


def extract(text: str, source: str | None = None, *, timeout: float | None = None) -> Document:
    """Analyse ``text`` with a shared Extractor that loads the models on first call. With ``timeout``
    (seconds), raises ``quotex.errors.AnalysisTimeout`` once the analysis has taken that long."""
    global _default
    if _default is None:
        from .pipeline import Extractor

        _default = Extractor()
    return _default.extract(text, source, timeout=timeout)
