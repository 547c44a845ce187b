"""Why a domain, DNS server, expected host or number of seconds the technician typed is
refused, in words (``kms.UsageError`` carries the code and the raw values)."""

from __future__ import annotations

from srs_wizard.i18n import translate


def seconds_name(what: str) -> str:
    return {
        "timeout": translate("cli", "timeout"),
        "connect_timeout": translate("cli", "connect timeout"),
    }.get(what, what)


def usage_error_text(exc) -> str:
    p = dict(exc.params)
    if isinstance(p.get("reason"), ValueError) and hasattr(p["reason"], "code"):
        p["reason"] = usage_error_text(p["reason"])  # an expected host's name, refused for its own reason
    if "what" in p:
        p["what"] = seconds_name(p["what"])
    text = {
        "server_no_bracket": translate("kms", "The DNS server \"{server}\" has no closing \"]\"."),
        "server_ipv6_form": translate("kms", "Write an IPv6 DNS server as [address]:port."),
        "bad_port": translate("kms", "The DNS server port \"{port}\" is not a number from 1 to 65535."),
        "domain_empty": translate("kms", "The domain is empty."),
        "domain_bad_idna": translate("kms", "The domain \"{domain}\" is not a valid international name: {reason}"),
        "domain_empty_label": translate("kms", "The domain \"{domain}\" has an empty label (two dots in a row?)."),
        "label_too_long": translate("kms", "The label \"{label}\" is longer than 63 characters."),
        "domain_bad_characters": translate(
            "kms", "The domain \"{domain}\" contains characters DNS names cannot have: {chars}"),
        "domain_too_long": translate("kms", "The domain is longer than 253 characters."),
        "server_empty": translate("kms", "The DNS server is empty."),
        "server_bad_ipv4": translate("kms", "\"{server}\" is not a valid IPv4 address."),
        "server_bad_ipv6": translate("kms", "\"{server}\" is not a valid IPv6 address."),
        "server_unresolved": translate("kms",
                                       "The DNS server name \"{server}\" could not be resolved; give its IP address."),
        "seconds_not_a_number": translate("kms", "The {what} \"{value}\" is not a number of seconds."),
        "seconds_out_of_range": translate("kms",
                                          "The {what} must be more than 0 and at most 300 seconds, not {value}."),
        "expected_host": translate("kms", "Expected KMS host \"{host}\": {reason}"),
    }.get(exc.code)
    if text is None:
        return exc.code
    try:
        return text.format(**p)
    except (KeyError, IndexError, ValueError):
        return text
