"""The KMS check's verdicts, as codes, in a module of their own: the wizard's navigation
(``srs_wizard.flow``, loaded before page one) asks which are usable without loading the DNS
code. ``srs_wizard.core.kms`` gives the same names."""

READY = "ready"
NOT_KMS = "not_kms"
UNREACHABLE = "unreachable"
FOUND = "found"
NOT_FOUND = "not_found"
DNS_ERROR = "dns_error"
NO_DOMAIN = "no_domain"
VERDICTS = (READY, NOT_KMS, UNREACHABLE, FOUND, NOT_FOUND, DNS_ERROR, NO_DOMAIN)

# The verdicts after which the console finds its KMS host by itself. "not_kms" and
# "unreachable" are not usable: the used domain's hosts do not serve KMS.
USABLE_VERDICTS = frozenset({READY, FOUND})
