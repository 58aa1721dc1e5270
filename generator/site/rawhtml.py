"""Generated pages' HTML blocks kept away from Python-Markdown (a build-time shortcut).

The generated pages are Markdown headings (for the table of contents and
the Arabic anchors) around blocks of HTML built by the renderers. Markdown
passes such a block through unchanged, but only after two HTML parsers have
read it (MkDocs' anchor collector and Markdown's raw-HTML block reader):
at 1,000 articles that was a third of the build. So, for generated pages
only, `stash` swaps every paragraph that starts with a block-level tag for a
placeholder paragraph, and `restore` puts the block back in the converted
HTML, byte for byte what Markdown would have passed through.

The placeholder (`fsraw-<nonce>-<n>`) cannot come from the input: untrusted
text reaches a page only through `html.esc`, which writes every `-` as
`&#45;`; and a block is restored only where it is a paragraph of its own.
"""
from __future__ import annotations

import re
import secrets

from markdown.util import BLOCK_LEVEL_ELEMENTS

NONCE = secrets.token_hex(6)
_FIRST_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>/]")
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
PLACEHOLDER = re.compile(rf"<p>fsraw-{NONCE}-(\d+)</p>")


def stash(markdown: str) -> tuple[str, list[str]]:
    """(Markdown with placeholders, the HTML blocks taken out)."""
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for i, part in enumerate(parts):
        text = part.strip("\n")
        if not text.startswith("<"):
            continue
        m = _FIRST_TAG.match(text)
        if m is None or m.group(1).lower() not in _BLOCK_TAGS:
            continue
        parts[i] = f"fsraw-{NONCE}-{len(blocks)}"
        blocks.append(text)
    if not blocks:
        return markdown, blocks
    return "\n\n".join(parts), blocks


def restore(html: str, blocks: list[str]) -> str:
    """The converted page with each placeholder paragraph replaced by its block."""
    if not blocks:
        return html
    return PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
