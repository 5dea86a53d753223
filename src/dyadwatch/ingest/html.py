"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import InputError

log = logging.getLogger(__name__)

# Parts of a page that never hold article text but can make it huge.
_HEAVY = [
    re.compile(r"<script\b.*?</script\s*>", re.S | re.I),
    re.compile(r"<style\b.*?</style\s*>", re.S | re.I),
    re.compile(r"<svg\b.*?</svg\s*>", re.S | re.I),
    re.compile(r"<noscript\b.*?</noscript\s*>", re.S | re.I),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]+", re.I),
]
_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)


def slim_html(html: str) -> str:
    """Drop scripts, styles, inline SVG, comments and base64 data from a page."""
    for pat in _HEAVY:
        html = pat.sub(" ", html)
    return html


def _only_links(text: str) -> bool:
    """Text made of short lines only (menu entries, link lists), with no sentence in it."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return all(len(ln.split()) <= 4 and not ln.rstrip().endswith((".", "!", "?"))
               for ln in lines)


def extract_html(html: str, path: str | None, max_bytes: int) -> dict[str, Any]:
    """Main text and metadata of a page: title, text, published, source, author, url, language.

    Pages over ``max_bytes`` are slimmed first and refused only if still too large.
    """
    if len(html) > max_bytes:
        before = len(html)
        html = slim_html(html)
        log.info("%s: slimmed HTML from %d to %d characters", path, before, len(html))
        if len(html) > max_bytes:
            raise InputError(
                f"HTML page is {before / 1e6:.1f} MB and still {len(html) / 1e6:.1f} MB without "
                f"scripts and inline data, over ingest.max_bytes ({max_bytes / 1e6:.0f} MB); "
                "raise the limit with --set ingest.max_bytes=N to read it", path)
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      deduplicate=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text or _only_links(text):
        raise InputError("no article text found in the HTML page (a navigation or index page?)",
                         path)
    lang = getattr(doc, "language", None)
    if not lang:
        m = _LANG.search(html[:5000])
        lang = m.group(1).lower() if m else None
    return {
        "title": doc.title or None,
        "text": doc.text,
        "published": doc.date or None,
        "source": doc.sitename or doc.hostname or None,
        "author": doc.author or None,
        "url": doc.url or None,
        "language": lang,
        "description": doc.description or None,
    }
