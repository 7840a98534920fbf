"""Walking WeasyPrint's laid-out boxes: what the layout checks, the justification and the sticker fitting read."""

from __future__ import annotations


def boxes(box):
    """`box` and every box inside it, depth first."""
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from boxes(child)


def own_element(box):
    """The element `box` is the box of (not an anonymous box or a pseudo-element's inside it), or None."""
    element = getattr(box, "element", None)
    return element if element is not None and getattr(box, "element_tag", "") == element.tag else None


def element_boxes(page, predicate):
    """The boxes of a laid-out page whose own element satisfies `predicate`."""
    for box in boxes(page._page_box):
        element = own_element(box)
        if element is not None and predicate(element):
            yield box


def has_class(element, name: str) -> bool:
    return name in (element.get("class") or "").split()
