"""The site's Content-Security-Policy without 'unsafe-inline' scripts: the theme's own inline scripts (Material's
__md_get, the tab restore) are allowed by their SHA-256 hash, page by page, and nothing else inline runs. The page
content has been through the allowlist (sanitize.clean) and the site name escaped before the theme renders, so the
only inline scripts left to hash are the theme's."""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src [^;"]*?)'
                    r"\s*'unsafe-inline'")


def with_script_hashes(html: str) -> str:
    """The page with 'unsafe-inline' in its CSP's script-src replaced by the hashes of its inline scripts."""
    hashes = sorted({"'sha256-%s'" % base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()
                     for m in INLINE_SCRIPT.finditer(html)})
    return POLICY.sub(lambda m: m.group(1) + "".join(" " + h for h in hashes), html, count=1)
