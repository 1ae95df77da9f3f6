"""The building blocks every PDF of the app shares: the bundled fonts, the paragraph styles, safe
text, a writer that collects flowables in the reader's language, and the A4 document with a running
header and "page x of y" footer.

ReportLab's platypus lays the text out (flowing paragraphs, page breaks, long words split). The text
is set in DejaVu Sans, bundled under `plugin/static/fonts` with its licence, so every Latin letter
(æ ø å, and the names of colleagues from anywhere), Greek, Cyrillic, Hebrew and Arabic letters are
embedded and extractable. Dates are formatted by Babel for the language and, where a time is shown,
in the reader's time zone."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ..i18n import catalogue, format_date, format_datetime, translate

FONT_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"
FONT = "MusDejaVuSans"
FONT_BOLD = "MusDejaVuSans-Bold"
MARGIN = 18 * mm
DEFAULT_TIME_ZONE = "Europe/Copenhagen"


@cache
def fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor="#444444"),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=12
        ),
        "h1": ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=6),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=4),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=6 * mm),
        # The "DRAFT" heading of a version not yet approved by both: large, bold, dark red on white
        # (contrast well above 4.5:1 on paper and screen), boxed, so that it cannot be missed.
        "stamp": ParagraphStyle(
            "stamp",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=26,
            textColor="#9b1c1c",
            borderColor="#9b1c1c",
            borderWidth=1.5,
            borderPadding=(4, 6, 4, 6),
            spaceBefore=4,
            spaceAfter=10,
        ),
    }


def text(value: Any) -> str:
    """Plain text made safe for a platypus paragraph (which reads a little markup)."""
    return escape(str(value or "")).replace("\n", "<br/>")


class Writer:
    """Collects the flowables of one document in one language (and time zone for times)."""

    def __init__(self, language: str, time_zone: str | None = None, *, day_style: str = "long") -> None:
        self.language = language
        self.time_zone = time_zone
        self.day_style = day_style  # Babel's date format for days ("long", or "medium" as on screen)
        self.styles = styles()
        self.flow: list[Any] = []

    def t(self, key: str, **params: Any) -> str:
        return translate(key, self.language, **params)

    def label(self, key: str, fallback: str) -> str:
        """A catalogue label for a stored code, or the code itself when there is none."""
        return self.t(key) if key in catalogue(self.language) else fallback

    def when(self, value: str | datetime | None, *, with_time: bool = True) -> str:
        if not value:
            return "\u2013"
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else value
        if with_time and (not isinstance(value, str) or "T" in value):
            return format_datetime(parsed, self.language, "medium", tz=self.time_zone)
        return format_date(parsed.date() if isinstance(parsed, datetime) else parsed, self.language, "long")

    def day(self, value: str | date | None) -> str:
        """A calendar day (an ISO date, or a date); a moment (a datetime) as the day it was in the
        reader's time zone."""
        if not value:
            return "\u2013"
        if isinstance(value, datetime):
            value = value.astimezone(ZoneInfo(self.time_zone)).date() if self.time_zone else value.date()
        parsed = date.fromisoformat(value[:10]) if isinstance(value, str) else value
        return format_date(parsed, self.language, self.day_style)

    def para(self, markup: str, style: str = "body") -> None:
        self.flow.append(Paragraph(markup, self.styles[style]))

    def field(self, key: str, value: Any) -> None:
        if value in (None, ""):
            return
        self.para(f"<b>{text(self.t(key))}:</b> {text(value)}")

    def heading(self, key: str, style: str = "h2") -> None:
        self.para(text(self.t(key)), style)


def _numbered_canvas(decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds every page back until the end, so that each page can say how many there
    are ("page 2 of 5"): ReportLab's documented two-pass pattern."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(
    flow: list[Any],
    *,
    language: str,
    title: str,
    author: str,
    footer: str,
    page_label: Callable[[int, int], str],
    header: str | None = None,
) -> bytes:
    """An A4 document with 18 mm margins: `header` (if any) at the top of every page, `footer` at the
    bottom left and `page_label(page, total)` at the bottom right."""
    fonts()

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor("#444444")
        if header:
            canvas.drawString(MARGIN, A4[1] - 11 * mm, _fit(header, A4[0] - 2 * MARGIN, 8))
            canvas.setStrokeColor("#bbbbbb")
            canvas.line(MARGIN, A4[1] - 12.5 * mm, A4[0] - MARGIN, A4[1] - 12.5 * mm)
        label = page_label(page, total)
        room = A4[0] - 2 * MARGIN - pdfmetrics.stringWidth(label, FONT, 8) - 6 * mm
        canvas.drawString(MARGIN, 10 * mm, _fit(footer, room, 8))
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, label)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        lang=language,
    )
    doc.build(flow, canvasmaker=_numbered_canvas(decorate))
    return buffer.getvalue()


def _fit(value: str, width: float, size: float) -> str:
    """One line of running header or footer, shortened with an ellipsis to fit `width`."""
    line = " ".join(value.split())
    if pdfmetrics.stringWidth(line, FONT, size) <= width:
        return line
    while line and pdfmetrics.stringWidth(line + "\u2026", FONT, size) > width:
        line = line[:-1]
    return line + "\u2026"
