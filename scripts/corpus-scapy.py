#!/usr/bin/python3
"""Scapy 2.5's side of the corpus (test/fixtures/scapy-corpus/): what it builds from each expression and how it reads
each byte string, written for `npm run corpus` (scripts/corpus.mjs), which needs no Python. Two sets, each recorded
on its own: expressions.txt and dissect.txt into scapy.jsonl, expressions-2.txt and dissect-2.txt (the second set,
written apart from the first) into scapy-2.jsonl. Arguments name the sets to record (1, 2); none records both.

    unshare -n sh -c 'ip link set lo up && ip route add default dev lo && ip -6 route add default dev lo &&
                      /usr/bin/python3 scripts/corpus-scapy.py'

Run it in a network namespace of its own whose every route is loopback, as above: Scapy then sends nothing (it asks
ARP for a destination's MAC, never on loopback), and its default addresses are the ones wirecheck uses without a
lab (IPv4 source 127.0.0.1, Ether addresses broadcast and zero), not the machine's. Output lines:
  {"expr", "hexes": [first packets], "count", "summary", "layers"} for an expression it builds ("error" if not);
  {"dissect": CLASS, "hex", "summary", "layers"} for a byte string of dissect.txt read with CLASS ("error" if not).
"summary" and "layers" are of the (first) packet's bytes read again, in the conventions of test/oracle/scapy_oracle.py.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test", "oracle"))
import scapy_oracle as oracle  # noqa: E402  (imports Scapy quietly)
from scapy.packet import NoPayload, Packet  # noqa: E402

# The contrib layers a user loads with load_contrib() for the layers being added (IGMP, MPLS, GENEVE).
for name in ("igmp", "igmpv3", "mpls", "geneve"):
    module = __import__("scapy.contrib." + name, fromlist=["*"])
    oracle.NAMESPACE.update({k: getattr(module, k) for k in dir(module) if not k.startswith("_")})

CORPUS = os.path.join(HERE, "..", "test", "fixtures", "scapy-corpus")
# Each set: its expressions, its byte strings, where Scapy's side of it is written.
SETS = {
    "1": ("expressions.txt", "dissect.txt", "scapy.jsonl"),
    "2": ("expressions-2.txt", "dissect-2.txt", "scapy-2.jsonl"),
}


def layers_of(pkt):
    out = []
    layer = pkt
    while layer is not None and not isinstance(layer, NoPayload):
        out.append({"name": type(layer).__name__, "fields": oracle.layer_fields(layer)})
        layer = layer.payload
    return out


def expression(expr):
    obj = eval(expr, dict(oracle.NAMESPACE))  # the corpus's own expressions
    packets = list(obj) if isinstance(obj, (Packet, list)) or hasattr(obj, "res") else None
    if not packets or not all(isinstance(p, Packet) for p in packets):
        raise TypeError("expression does not give packets: %r" % type(obj).__name__)
    # Each packet built once, as send() builds it: a second build can differ (Scapy's pseudo-header for TCP/UDP sets
    # the IP dst to a source route's last hop, and the next build sends that).
    raws = [bytes(p) for p in packets[:4]]
    again = type(packets[0])(raws[0])
    return {"expr": expr, "hexes": [r.hex() for r in raws], "count": len(packets), "summary": again.summary(), "layers": layers_of(again)}


def dissection(cls, hexbytes):
    pkt = oracle.NAMESPACE[cls](bytes.fromhex(hexbytes))
    return {"dissect": cls, "hex": hexbytes, "summary": pkt.summary(), "layers": layers_of(pkt)}


def lines(name):
    with open(os.path.join(CORPUS, name)) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def record(expressions, byte_strings, output):
    with open(os.path.join(CORPUS, output), "w") as out:
        for expr in lines(expressions):
            try:
                row = expression(expr)
            except Exception as e:  # one bad expression must not stop the others
                row = {"expr": expr, "error": "%s: %s" % (type(e).__name__, e)}
            out.write(json.dumps(row) + "\n")
        for line in lines(byte_strings):
            cls, hexbytes = line.split()
            try:
                row = dissection(cls, hexbytes)
            except Exception as e:  # bytes Scapy itself cannot read are left out of the measure
                row = {"dissect": cls, "hex": hexbytes, "error": "%s: %s" % (type(e).__name__, e)}
            out.write(json.dumps(row) + "\n")


def main():
    for name in sys.argv[1:] or sorted(SETS):
        record(*SETS[name])


if __name__ == "__main__":
    main()
