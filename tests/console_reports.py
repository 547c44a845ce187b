"""Console reports in the shape a real Windows 7 console's collector writes them.

The nslookup and ospp.vbs texts are as those programs print them on an English and on a
Chinese Windows 7 (the Chinese one labels the server 服务器 and its script host banner is
Chinese); the JSON around them is what srs-collect.vbs writes.
"""

from __future__ import annotations

import copy
import json

NSLOOKUP_FOUND_EN = """Server:  dc01.contoso.com
Address:  10.0.0.53

_vlmcs._tcp.rooms.contoso.com	SRV service location:
	  priority       = 0
	  weight         = 0
	  port           = 1688
	  svr hostname   = kms01.contoso.com
kms01.contoso.com	internet address = 10.1.2.3
"""

NSLOOKUP_NXDOMAIN_ZH = """服务器:  dc01.contoso.com
Address:  10.0.0.53

*** dc01.contoso.com 找不到 _vlmcs._tcp.lab.contoso.com: Non-existent domain
"""

NSLOOKUP_TIMEOUT_EN = """DNS request timed out.
    timeout was 2 seconds.
Server:  UnKnown
Address:  10.0.0.53

DNS request timed out.
    timeout was 2 seconds.
*** Request to UnKnown timed-out
"""

DSTATUS_ZH = """Microsoft (R) Windows Script Host 版本 5.8
版权所有(C) Microsoft Corporation。保留所有权利。

---Processing--------------------------
---------------------------------------
SKU ID: 9d0c1a0b-5b37-4f46-a4c5-b27b4e0ea0ed
LICENSE NAME: Office 15, OfficeLyncVL_KMS_Client edition
LICENSE DESCRIPTION: Office 15, VOLUME_KMSCLIENT channel
LICENSE STATUS:  ---OOB_GRACE---
ERROR CODE: 0xC004F074
ERROR DESCRIPTION: The Software Licensing Service reported that the product could not be activated. No Key Management Service (KMS) could be contacted.
REMAINING GRACE: 29 days  (41760 minute(s) before expiring)
Last 5 characters of installed product key: TCK7R
---------------------------------------
---------------------------------------
---Exiting-----------------------------
"""


def windows7_report(**changes) -> dict:
    """A report from a domain-joined Chinese Windows 7 console, SRS-ROOM-07, no search list."""
    data = {
        "schema": "srs-wizard/console/1",
        "collector_version": "1",
        "computer": {
            "name": "SRS-ROOM-07",
            "wmi_name": "SRS-ROOM-07",
            "domain": "rooms.contoso.com",
            "part_of_domain": True,
        },
        "os": {"caption": "Microsoft Windows Embedded Standard", "version": "6.1.7601"},
        "collected_at": "2026-11-28T14:05:09+08:00",
        "elevated": True,
        "dns": {
            "primary_suffix": "rooms.contoso.com",
            "nv_domain": "rooms.contoso.com",
            "search_list_policy": None,
            "search_list_local": None,
            "devolution": True,
            "devolution_value": None,
            "adapters": [
                {
                    "guid": "{8F1C2D3E-0000-4000-8000-00000000A001}",
                    "description": "Intel(R) 82579LM 千兆网络连接",
                    "domain": "",
                    "dhcp_domain": "lab.contoso.com",
                    "name_server": "",
                    "dhcp_name_server": "10.0.0.53 10.0.0.54",
                },
            ],
            "wmi_adapters": [],
            "effective_source": "built",
            "effective_suffixes": ["rooms.contoso.com", "lab.contoso.com", "contoso.com"],
            "dns_servers": ["10.0.0.53", "10.0.0.54"],
        },
        "nslookup": {
            "path": "C:\\Windows\\system32\\nslookup.exe",
            "results": [
                {
                    "suffix": "rooms.contoso.com",
                    "command": "nslookup -type=srv _vlmcs._tcp.rooms.contoso.com",
                    "output": NSLOOKUP_FOUND_EN,
                    "timed_out": False,
                    "elapsed_ms": 62,
                },
                {
                    "suffix": "lab.contoso.com",
                    "command": "nslookup -type=srv _vlmcs._tcp.lab.contoso.com",
                    "output": NSLOOKUP_NXDOMAIN_ZH,
                    "timed_out": False,
                    "elapsed_ms": 48,
                },
                {
                    "suffix": "contoso.com",
                    "command": "nslookup -type=srv _vlmcs._tcp.contoso.com",
                    "output": NSLOOKUP_TIMEOUT_EN,
                    "timed_out": False,
                    "elapsed_ms": 8016,
                },
            ],
        },
        "office": {
            "ospp_paths": ["C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS"],
            "dstatus": [
                {
                    "path": "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS",
                    "output": DSTATUS_ZH,
                    "timed_out": False,
                    "elapsed_ms": 3120,
                }
            ],
        },
        "problems": [],
    }
    data = copy.deepcopy(data)
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return data


def encode(data: dict, encoding: str = "utf-16-bom") -> bytes:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if encoding == "utf-16-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16":
        return text.encode("utf-16-le")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")
