"""schema.org microdata (``itemscope`` / ``itemprop``): the JobPosting of a page that marks its
fields up in place instead of in a JSON-LD block, read into the JSON-LD shape."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Properties whose value is the element's markup, not its text: the posting's own blocks.
_MARKUP = frozenset({"description", "responsibilities", "qualifications", "jobBenefits"})
# Where an element keeps its value instead of its text (HTML microdata rules).
_VALUE_ATTRIBUTE = {
    "meta": "content",
    "time": "datetime",
    "data": "value",
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "source": "src",
}


def microdata_posting(tree: LexborHTMLParser) -> dict[str, Any] | None:
    """The first item typed JobPosting, its properties (nested items as objects) by name."""
    for node in tree.css("[itemscope][itemtype]"):
        kinds = (node.attributes.get("itemtype") or "").split()
        if any(kind.rstrip("/").rsplit("/", 1)[-1] == "JobPosting" for kind in kinds):
            return _item(node)
    return None


def _item(scope: LexborNode) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": (scope.attributes.get("itemtype") or "").rsplit("/", 1)[-1]}
    _properties(scope, item)
    return item


def _properties(node: LexborNode, item: dict[str, Any]) -> None:
    """Properties of the item ``node`` belongs to; a nested item's own properties stay in it."""
    for child in node.iter():
        names = (child.attributes.get("itemprop") or "").split()
        nested = "itemscope" in child.attributes
        if names:
            value = _item(child) if nested else _value(child, names)
            for name in names:
                _add(item, name, value)
        if not nested:
            _properties(child, item)


def _value(node: LexborNode, names: list[str]) -> str:
    if _MARKUP.intersection(names):
        return node.inner_html or ""
    attribute = _VALUE_ATTRIBUTE.get(node.tag or "")
    if attribute and (value := node.attributes.get(attribute)):
        return value
    if "content" in node.attributes:  # <span itemprop="..." content="...">
        return node.attributes.get("content") or ""
    return node.text(deep=True)


def _add(item: dict[str, Any], name: str, value: Any) -> None:
    if name not in item:
        item[name] = value
    elif isinstance(item[name], list):
        item[name].append(value)
    else:
        item[name] = [item[name], value]
