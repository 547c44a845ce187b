"""A product key check in words: each problem's sentence, the GVLK warning, check-key's JSON."""

from __future__ import annotations

from srs_wizard.core import product_key as pk
from srs_wizard.i18n import translate


def _hint(char: str) -> str:
    hints = {
        "O": translate("product_key", "there is no O or 0 in product keys; perhaps D, Q or 9"),
        "0": translate("product_key", "there is no 0 or O in product keys; perhaps D, Q or 9"),
        "I": translate("product_key", "there is no I or 1 in product keys; perhaps J or 7"),
        "1": translate("product_key", "there is no 1 or I in product keys; perhaps J or 7"),
        "L": translate("product_key", "there is no L in product keys; perhaps 4 or 7"),
        "S": translate("product_key", "there is no S in product keys; perhaps 6 or 8"),
        "5": translate("product_key", "there is no 5 in product keys; perhaps 6 or 8"),
        "A": translate("product_key", "there is no A in product keys; perhaps 4"),
        "E": translate("product_key", "there is no E in product keys; perhaps 3 or 8"),
        "U": translate("product_key", "there is no U in product keys; perhaps V"),
        "Z": translate("product_key", "there is no Z in product keys; perhaps 2"),
    }
    return hints.get(char, "")


def problem_text(problem: pk.KeyProblem) -> str:
    """One plain reason for one failed check; a rejected character is quoted only when the
    check said it may be (``char`` in its params)."""
    code, count = problem.code, problem.param("count")
    if code == pk.TOO_SHORT:
        return translate("product_key", "The key has {count} of 25 characters.").format(count=count)
    if code == pk.TOO_LONG:
        return translate("product_key", "The key has {count} characters; a product key has 25.").format(count=count)
    if code == pk.BAD_CHARACTER:
        char = problem.param("char")
        if char is None:
            return translate("product_key", "Character {position} cannot be in a product key.").format(
                position=problem.position)
        hint = _hint(char)
        if hint:
            message = translate("product_key",
                                "Character {position} (\"{char}\") cannot be in a product key: {hint}.")
        else:
            message = translate("product_key", "Character {position} (\"{char}\") cannot be in a product key.")
        return message.format(position=problem.position, char=char, hint=hint)
    if code == pk.MANY_N:
        return translate("product_key", "The key has {count} letters N; a product key has exactly one.").format(
            count=count)
    if code == pk.NO_N:
        return translate("product_key", "The key has no letter N; a product key has exactly one.")
    if code == pk.N_LAST:
        return translate("product_key", "The letter N cannot be the last character of a product key.")
    return translate(
        "product_key",
        "The checksum does not match: at least one character is mistyped (compare each group with the "
        "original).",
    )


def gvlk_message(product: str) -> str:
    return translate(
        "product_key",
        "This is the public KMS client key (GVLK) of {product}, not a MAK: it activates only against a KMS host.",
    ).format(product=product)


def check_json(check: pk.KeyCheck) -> dict:
    """``check-key --json``: the check's codes with each problem's sentence."""
    data = check.to_json()
    data["problems"] = [{"code": p.code, "message": problem_text(p), "position": p.position}
                        for p in check.problems]
    return data


def more_problems_line(count: int) -> str:
    """The last line of a capped problem list: how many were left out."""
    return translate("product_key", "… and {count} more characters that cannot be in a product key.").format(
        count=count)
