#!/usr/bin/python3
"""Scapy oracle for wirecheck's packet model.

Reads Scapy expressions on stdin, one per line (blank lines and lines starting with "#" are skipped), and prints one
JSON object per expression on stdout:

    {"expr", "hex", "summary", "layers": [{"name", "fields"}]}

"hex" is the packet as Scapy builds it; "summary" and "layers" come from Scapy dissecting those bytes again with the
class of the expression's first layer. When an expression has list values (several packets), the first one is used.
Field conventions (those of test/fixtures/scapy-vectors.jsonl):
  - ConditionalFields whose condition is false are left out;
  - a FlagValue gives two keys: "name#int" (its integer) and "name" (its letters);
  - bytes as hex; lists and tuples as Python repr; a packet held in a field by its class name;
  - None, bool, int, float and str as themselves; anything else as str().
On an error with one expression: {"expr", "error"}.
With --all, each object is {"expr", "hexes"} instead: every packet of the expression's packet set, in Scapy's order.
With --records, a field holding packets (DNS's sections) gives every packet of its chain as {"name", "fields"}.
Run it with /usr/bin/python3 (the interpreter that has Scapy 2.5.0).
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")
import logging  # noqa: E402

logging.getLogger("scapy").setLevel(logging.ERROR)

try:
    import scapy.all as scapy_all  # noqa: E402
    from scapy.fields import ConditionalField, FlagValue  # noqa: E402
    from scapy.packet import NoPayload, Packet  # noqa: E402
except ImportError as e:  # pragma: no cover
    sys.stderr.write("scapy is not importable by %s: %s (run `make test`, which installs python3-scapy)\n" % (sys.executable, e))
    sys.exit(3)

NAMESPACE = {k: getattr(scapy_all, k) for k in dir(scapy_all) if not k.startswith("__")}
# Contrib layers the model has (Scapy does not load them by default); importing them also binds them (UDP 6081, …).
import scapy.contrib.geneve as geneve  # noqa: E402
import scapy.contrib.igmp as igmp  # noqa: E402
import scapy.contrib.igmpv3 as igmpv3  # noqa: E402
import scapy.contrib.mpls as mpls  # noqa: E402

NAMESPACE.update(GENEVE=geneve.GENEVE, GeneveOptions=geneve.GeneveOptions, IGMP=igmp.IGMP, MPLS=mpls.MPLS)
NAMESPACE.update({k: getattr(igmpv3, k) for k in ("IGMPv3", "IGMPv3mq", "IGMPv3mr", "IGMPv3gr", "IGMPv3mra")})


def json_value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return repr(v)
    if isinstance(v, Packet):
        return type(v).__name__
    return str(v)


RECORDS = "--records" in sys.argv[1:]


def chain_of(pkt):
    out = []
    while pkt is not None and not isinstance(pkt, NoPayload) and len(out) < 1000:
        out.append({"name": type(pkt).__name__, "fields": layer_fields(pkt)})
        pkt = pkt.payload
    return out


def layer_fields(layer):
    out = {}
    for f in layer.fields_desc:
        if isinstance(f, ConditionalField) and not f._evalcond(layer):
            continue
        v = layer.getfieldval(f.name)
        if RECORDS and isinstance(v, Packet):
            out[f.name] = chain_of(v)
        elif isinstance(v, FlagValue):
            out[f.name + "#int"] = int(v)
            out[f.name] = str(v)
        else:
            out[f.name] = json_value(v)
    return out


def describe(expr):
    obj = eval(expr, dict(NAMESPACE))  # the expressions are our own test fixtures
    if not isinstance(obj, Packet):
        raise TypeError("expression does not give a packet: %r" % type(obj).__name__)
    pkt = next(iter(obj))
    raw = bytes(pkt)
    again = type(pkt)(raw)
    layers = []
    layer = again
    while layer is not None and not isinstance(layer, NoPayload):
        layers.append({"name": type(layer).__name__, "fields": layer_fields(layer)})
        layer = layer.payload
    return {"expr": expr, "hex": raw.hex(), "summary": again.summary(), "layers": layers}


def every_packet(expr):
    obj = eval(expr, dict(NAMESPACE))  # the expressions are our own test fixtures
    if isinstance(obj, list) and all(isinstance(p, Packet) for p in obj):  # fragment() and the like
        return {"expr": expr, "hexes": [bytes(p).hex() for p in obj]}
    if not isinstance(obj, Packet):
        raise TypeError("expression does not give a packet: %r" % type(obj).__name__)
    return {"expr": expr, "hexes": [bytes(p).hex() for p in obj]}


def main():
    run = every_packet if "--all" in sys.argv[1:] else describe
    for line in sys.stdin:
        expr = line.strip()
        if not expr or expr.startswith("#"):
            continue
        try:
            out = run(expr)
        except Exception as e:  # one bad expression must not stop the others
            out = {"expr": expr, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
