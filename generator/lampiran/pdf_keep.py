"""What the PDF Lampiran keeps together, without leaving pages empty.

ReportLab's own ``keepWithNext`` keeps a heading with the *whole* next flowable: a heading
before a table taller than the rest of the page sends heading and table to the next page,
leaving two thirds of a page blank. A Lampiran needs less and more at once:

- :class:`NeedSpace`: the headings, fields and paragraphs that open a part, a unit, a
  competency or an SKJ (identity block, Ikhtisar, "II. Standar Kompetensi") stay on the
  page of the first row of the table they introduce: the page is ended before them only
  when they and the table's header and first row do not fit in what is left;
- :class:`KeepWithLast`: the signature block stays with the last row(s) of the text before
  it: when it does not fit below them, the last row moves to the next page with it.
"""

from __future__ import annotations

from reportlab.platypus.flowables import CondPageBreak, Flowable


def stacked_height(flowables: list, width: float) -> float:
    """The height ``flowables`` take one below the other at ``width`` (spaces included)."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, 1e9)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _frame_is_empty(flowable: Flowable) -> bool:
    frame = flowable._doctemplateAttr("frame")
    return bool(frame is not None and getattr(frame, "_atTop", 0))


class NeedSpace(CondPageBreak):
    """End the page unless ``height`` fits in what is left of it; never on an empty page
    (an opening taller than a page is set from the top of a fresh one, as it must)."""

    def wrap(self, available_width, available_height):
        if available_height < self.height and not _frame_is_empty(self):
            return super().wrap(available_width, available_height)
        return 0, 0


class KeepWithLast(Flowable):
    """``body`` followed by ``tail`` (e.g. the signature block), which never stands alone:
    when the page cannot hold both, ``body`` is split so that its last part goes with it."""

    def __init__(self, body: Flowable, tail: list):
        super().__init__()
        self.body, self.tail = body, tail

    def wrap(self, available_width, available_height):
        self._body_height = self.body.wrap(available_width, available_height)[1]
        self._tail_height = stacked_height(self.tail, available_width)
        self.width = available_width
        self.height = self._body_height + self._tail_height
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        # The body fits but the tail does not: ask for one row less than the whole body.
        limit = min(available_height, self._body_height - 0.5)
        parts = self.body.split(available_width, limit) if limit > 0 else []
        if len(parts) >= 2:
            return [*parts[:-1], KeepWithLast(parts[-1], self.tail)]
        if _frame_is_empty(self):  # nothing to split off and a fresh page: set them apart
            return [self.body, *self.tail]
        return []

    def draw(self):
        y = self.height - self._body_height
        self.body.drawOn(self.canv, 0, y)
        for flowable in self.tail:
            height = flowable.wrap(self.width, 1e9)[1]
            y -= flowable.getSpaceBefore() + height
            flowable.drawOn(self.canv, 0, y)
            y -= flowable.getSpaceAfter()
