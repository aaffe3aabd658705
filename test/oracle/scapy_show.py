#!/usr/bin/python3
"""Scapy's show() and summary() text for wirecheck's vectors (writes test/fixtures/show-vectors.jsonl).

Reads Scapy expressions on stdin, one per line (blank lines and lines starting with "#" are skipped), and prints one
JSON object per expression: {"expr", "show", "summary", "dissected_show", "dissected_summary"}. "show" and
"summary" are of the packet as the expression gives it (Scapy's show() before building: computed fields are None);
the dissected ones are of Scapy's bytes read again with the class of the first layer. For a packet set, the first
packet. On an error: {"expr", "error"}. Run it with /usr/bin/python3 (the interpreter that has Scapy 2.5.0), in a
network namespace of its own so that Scapy finds no route and sends nothing (it asks ARP for a destination's MAC):

    cat test/fixtures/scapy-vectors.jsonl test/fixtures/extra-vectors.jsonl test/fixtures/issue14-vectors.jsonl | jq -r .expr |
      unshare -n /usr/bin/python3 test/oracle/scapy_show.py > test/fixtures/show-vectors.jsonl
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")
import logging  # noqa: E402

logging.getLogger("scapy").setLevel(logging.ERROR)

import scapy.all as scapy_all  # noqa: E402
from scapy.packet import Packet  # noqa: E402

# The contrib layers the model has, as the oracle loads them: importing them also binds them (IP proto 2 is IGMP).
import scapy.contrib.geneve  # noqa: E402,F401
import scapy.contrib.igmp  # noqa: E402,F401
import scapy.contrib.igmpv3  # noqa: E402,F401
import scapy.contrib.mpls  # noqa: E402,F401

NAMESPACE = {k: getattr(scapy_all, k) for k in dir(scapy_all) if not k.startswith("__")}


def describe(expr):
    obj = eval(expr, dict(NAMESPACE))  # the expressions are the project's own vectors
    if not isinstance(obj, Packet):
        raise TypeError("expression does not give a packet: %r" % type(obj).__name__)
    pkt = next(iter(obj))
    again = type(pkt)(bytes(pkt))
    return {
        "expr": expr,
        "show": pkt.show(dump=True),
        "summary": pkt.summary(),
        "dissected_show": again.show(dump=True),
        "dissected_summary": again.summary(),
    }


def main():
    seen = set()
    for line in sys.stdin:
        expr = line.strip()
        if not expr or expr.startswith("#") or expr in seen:
            continue
        seen.add(expr)
        try:
            out = describe(expr)
        except Exception as e:  # one bad expression must not stop the others
            out = {"expr": expr, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
