"""Dates and paper for the chosen language, shared by the wizard and the headless PDF.

QtCore only: the ``summary`` command draws its PDF without loading any widget module.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone


def locale_for(language: str) -> QLocale:
    if language == "zh_CN":
        return QLocale(QLocale.Chinese, QLocale.SimplifiedHanScript, QLocale.China)
    system = QLocale.system()
    # English text, but the user's own territory for dates and paper (A4 or Letter).
    if system.language() == QLocale.English:
        return system
    return QLocale(QLocale.English, system.territory())


def date_format(locale: QLocale) -> str:
    """2026年12月1日 in Chinese, 1 Dec 2026 otherwise: short, unambiguous, never numeric-only."""
    return "yyyy年M月d日" if locale.language() == QLocale.Chinese else "d MMM yyyy"


def locale_formatters(locale: QLocale | None = None):
    """Date formatters for the user's locale (the record keeps ISO dates)."""
    loc = locale or QLocale()

    def fmt_date(d):
        return loc.toString(QDate(d.year, d.month, d.day), date_format(loc))

    def fmt_datetime(dt):
        # In the record's own UTC offset: the time on site, wherever the PDF is drawn again.
        offset = int(dt.utcoffset().total_seconds()) if dt.utcoffset() is not None else 0
        moment = QDateTime(QDate(dt.year, dt.month, dt.day), QTime(dt.hour, dt.minute, dt.second),
                           QTimeZone.fromSecondsAheadOfUtc(offset))
        hours, minutes = divmod(abs(offset) // 60, 60)
        zone = f"UTC{'+' if offset >= 0 else '-'}{hours:02d}:{minutes:02d}"
        return f"{loc.toString(moment.date(), date_format(loc))} {moment.time().toString('HH:mm')} {zone}"

    return fmt_datetime, fmt_date
