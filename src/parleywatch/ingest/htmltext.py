"""Small HTML fragments (feed summaries, CDATA content) to paragraph text."""

from __future__ import annotations

import html as html_lib
import re

from lxml import etree
from lxml import html as lxml_html

BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"})
DROPPED_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "footer", "aside")
MARKUP = re.compile(r"<[a-zA-Z/!]")


def fragment_to_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment, one per line; plain text passes through unescaped."""
    if not MARKUP.search(fragment):
        return html_lib.unescape(fragment).strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).strip()
    etree.strip_elements(root, *DROPPED_TAGS, with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
