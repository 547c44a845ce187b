"""Codes into words: the one place where facts from the core become sentences and table rows.

The core's functions return codes and raw values; the modules here turn them into text in
the language chosen *now* (through ``srs_wizard.i18n.translate``), for every output: the
command line's text report, the wizard's tables, the summary HTML and the PDF. One module a
topic (``present.activation``, ``present.console``, ...), so that a record renders wholly in
the language it is shown in, whatever language it was made in.
"""
