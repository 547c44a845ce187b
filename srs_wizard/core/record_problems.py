"""What can be wrong with a record: codes and safe details, never the value (words: core.present.record)."""

from __future__ import annotations

from dataclasses import dataclass

NOT_JSON = "not_json"
TOO_NESTED_JSON = "too_nested_json"
TOO_BIG = "too_big"
NOT_OBJECT = "not_object"
WRONG_SCHEMA = "wrong_schema"
MISSING = "missing"
WRONG_TYPE = "wrong_type"
NOT_ONE_OF = "not_one_of"
TOO_LONG = "too_long"
TOO_MANY = "too_many"
TOO_DEEP = "too_deep"
NOT_FINITE = "not_finite"
OUT_OF_RANGE = "out_of_range"
BROKEN_TEXT = "broken_text"
HOLDS_KEY = "holds_key"
NOT_MASKED = "not_masked"
NOT_DATE = "not_date"
NOT_DATETIME = "not_datetime"
NO_UTC_OFFSET = "no_utc_offset"
NOT_EXTENDED_DATETIME = "not_extended_datetime"  # ISO 8601, but not YYYY-MM-DDTHH:MM:SS[.ffffff]+HH:MM
RESULTS_MISSING = "results_missing"
READY_WITHOUT_HOST = "ready_without_host"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: the field, a code, and safe details (never the value)."""

    field: str
    code: str
    details: tuple = ()


