"""A record's problems in words: each names the field and never quotes the value found.

A refused value may be a product key typed into the wrong place, so it is never printed;
the field, what was expected and the kind of value found are enough to mend the file.
"""

from __future__ import annotations

from srs_wizard.core import record as record_mod
from srs_wizard.core import record_problems as record
from srs_wizard.i18n import translate


def kind_name(kind: str) -> str:
    return {
        "text": translate("record", "text"),
        "int": translate("record", "a whole number"),
        "number": translate("record", "a number"),
        "bool": translate("record", "true/false"),
        "list": translate("record", "a list"),
        "object": translate("record", "an object"),
        "null": translate("record", "null"),
    }.get(kind, translate("record", "something else"))


def problem_text(problem: record.Problem) -> str:
    field, code, details = problem.field, problem.code, problem.details
    if code == record.NOT_JSON:
        return translate("record", "not valid JSON: {reason}").format(reason=details[0])
    if code == record.TOO_NESTED_JSON:
        return translate("record", "not valid JSON: nested too deeply")
    if code == record.TOO_BIG:
        return translate("record", "the file is larger than {size} MB; a record is much smaller").format(
            size=details[0] // 1_000_000)
    if code == record.NOT_OBJECT:
        return translate("record", "the record is not a JSON object")
    if code == record.WRONG_SCHEMA:
        return translate("record", "schema: not a session record of this version (expected \"{expected}\")").format(
            expected=details[0])
    if code == record.MISSING:
        sentence = translate("record", "{field}: missing")
    elif code == record.WRONG_TYPE:
        sentence = translate("record", "{field}: expected {kind}, found {found}").format(
            field="{field}", kind=kind_name(details[0]), found=kind_name(details[1]))
    elif code == record.NOT_ONE_OF:
        sentence = translate("record", "{field}: must be one of {choices}").format(
            field="{field}", choices=", ".join(details[0]))
    elif code == record.TOO_LONG:
        sentence = translate("record", "{field}: longer than {limit} characters").format(
            field="{field}", limit=details[0])
    elif code == record.TOO_MANY:
        sentence = translate("record", "{field}: more than {limit} items").format(field="{field}", limit=details[0])
    elif code == record.TOO_DEEP:
        sentence = translate("record", "{field}: nested deeper than {limit} levels").format(
            field="{field}", limit=details[0])
    elif code == record.NOT_FINITE:
        sentence = translate("record", "{field}: not a finite number (NaN or Infinity)")
    elif code == record.OUT_OF_RANGE:
        sentence = translate("record", "{field}: must be from {low} to {high}").format(
            field="{field}", low=details[0], high=details[1])
    elif code == record.BROKEN_TEXT:
        sentence = translate("record", "{field}: holds a broken character (a lone UTF-16 surrogate)")
    elif code == record.HOLDS_KEY:
        sentence = translate(
            "record", "{field}: holds an unmasked product key; records keep only the last 5 characters")
    elif code == record.NOT_MASKED:
        sentence = translate("record", "{field}: not a masked key (*****-*****-*****-*****-XXXXX)")
    elif code == record.NOT_DATE:
        sentence = translate("record", "{field}: not a date (YYYY-MM-DD)")
    elif code == record.NOT_DATETIME:
        sentence = translate("record", "{field}: not an ISO 8601 date and time")
    elif code == record.NOT_EXTENDED_DATETIME:
        sentence = translate("record", "{field}: not in the form YYYY-MM-DDTHH:MM:SS+HH:MM that records are written in")
    elif code == record.NO_UTC_OFFSET:
        sentence = translate("record", "{field}: the time has no UTC offset")
    elif code == record.RESULTS_MISSING:
        return translate("record", "{field}: the path is {path} but its results are missing").format(
            field=field, path=details[0])
    elif code == record.READY_WITHOUT_HOST:
        sentence = translate("record", "{field}: the verdict is ready, but no host is reachable")
    else:
        sentence = "{field}: " + code
    return sentence.replace("{field}", field or translate("record", "the record"))


def validate(data) -> list[str]:
    """Every problem with a record, in words (the language chosen now), each naming the field."""
    return [problem_text(p) for p in record_mod.check(data)]
