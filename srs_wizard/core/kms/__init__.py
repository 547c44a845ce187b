"""The KMS check as a small package, one concern a module:

- ``model``: what a check found (frozen dataclasses of codes and raw values) and its JSON;
- ``inputs``: what the technician typed, and the machine's DNS settings (one host[:port] parser);
- ``net``: the cancellable, concurrent DNS and TCP work on one loop (nothing KMS in it; its
  TCP conversations in ``tcp``, loaded only by a check that connects);
- ``discover``: the console's search order, the hosts, the bind probe and the verdict.

``from srs_wizard.core import kms`` gives the public names of all four.
"""

from srs_wizard.core.kms.discover import MAX_CNAME_HOPS, find_kms_hosts
from srs_wizard.core.kms.inputs import (
                                        check_expected_host,
                                        is_expected,
                                        normalise_domain,
                                        normalise_expected,
                                        parse_nameserver,
                                        parse_seconds,
                                        resolve_nameserver_name,
                                        split_host_port,
                                        system_dns_config,
)
from srs_wizard.core.kms.model import (
                                        CONFIG_NO_SERVER,
                                        CONFIG_PROBLEMS,
                                        CONFIG_UNREADABLE,
                                        DEFAULT_CONNECT_TIMEOUT,
                                        DEFAULT_TIMEOUT,
                                        DETAIL_BAD_REPLY,
                                        DETAIL_NO_SERVER,
                                        DETAIL_RCODE,
                                        DETAIL_RECORDS,
                                        DETAIL_SOCKET,
                                        DETAIL_TCP_FAILED,
                                        DETAIL_TOO_MANY_FILES,
                                        DETAILS,
                                        DNS_ERROR,
                                        ERROR,
                                        FAULT_STATUSES,
                                        FOUND,
                                        HOST_NO_ADDRESS,
                                        HOST_UNREACHABLE,
                                        MAX_HOSTS,
                                        NO_ANSWER,
                                        NO_DOMAIN,
                                        NOT_AVAILABLE,
                                        NOT_FOUND,
                                        NOT_KMS,
                                        NOTE_CODES,
                                        NOTE_HOST_LIMIT,
                                        NXDOMAIN,
                                        OK,
                                        PROBE_ERROR,
                                        PROBE_OPEN,
                                        PROBE_REFUSED,
                                        PROBE_TIMEOUT,
                                        PROTOCOL_CLOSED,
                                        PROTOCOL_KMS,
                                        PROTOCOL_NOT_RPC,
                                        PROTOCOL_RPC_REJECTED,
                                        PROTOCOL_TIMEOUT,
                                        PROTOCOLS,
                                        READY,
                                        REFUSED,
                                        SERVFAIL,
                                        SOURCE_ARGUMENT,
                                        SOURCE_PRIMARY,
                                        SOURCE_SEARCH_LIST,
                                        SRV_PREFIX,
                                        TIMEOUT,
                                        TOO_MANY_FILES_ERRNOS,
                                        UNREACHABLE,
                                        USABLE_VERDICTS,
                                        VERDICTS,
                                        CheckCancelled,
                                        ConfigProblem,
                                        Detail,
                                        DomainResult,
                                        KmsCheck,
                                        KmsHost,
                                        LaterDomainHost,
                                        Nameserver,
                                        Note,
                                        Probe,
                                        SearchDomain,
                                        SystemDnsConfig,
                                        UsageError,
                                        best_protocol,
                                        check_from_json,
)
from srs_wizard.core.kms.net import MAX_IN_FLIGHT, RETRANSMIT_AFTER, CancelToken

__all__ = [name for name in dir() if not name.startswith("_")] + ["PROTOCOL_REASONS"]


def __getattr__(name: str):
    # model's PROTOCOL_REASONS comes from kms_rpc, which a check loads only when it binds.
    if name == "PROTOCOL_REASONS":
        from srs_wizard.core.kms import model

        return model.PROTOCOL_REASONS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
