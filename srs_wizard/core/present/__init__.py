"""Codes into words: the one place where facts from the core become sentences and table rows.

The core's functions return codes and raw values; the modules here turn them into text in
the language chosen *now* (through ``srs_wizard.i18n.translate``), for every output: the
command line's text report, the wizard's tables, the summary HTML and the PDF. One module a
topic (``present.activation``, ``present.console``, ...), so that a record renders wholly in
the language it is shown in, whatever language it was made in.
"""


def sentences(*parts: str) -> str:
    """Sentences one after another: a space between them, none after a Chinese full stop
    (Chinese punctuation carries its own space)."""
    out = ""
    for part in (p for p in parts if p):
        out += ("" if not out or out.endswith(("。", "？", "！", "：", "；")) else " ") + part
    return out
