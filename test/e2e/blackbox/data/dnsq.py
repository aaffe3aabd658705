# A stub resolver from Python's standard library (the oracle beside dig): prints rcode and the answers' data.
# usage: python3 dnsq.py SERVER NAME TYPE   (TYPE: A or AAAA)
import socket, struct, sys

server, name, qtype = sys.argv[1], sys.argv[2], {"A": 1, "AAAA": 28}[sys.argv[3]]
q = struct.pack(">HHHHHH", 0x4242, 0x0100, 1, 0, 0, 0)
q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0" + struct.pack(">HH", qtype, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.sendto(q, (server, 53))
r = s.recv(4096)
rcode, an = r[3] & 15, struct.unpack(">H", r[6:8])[0]
i = 12
while r[i]: i += r[i] + 1
i += 5
out = []
for _ in range(an):
    i += 2 if r[i] & 0xC0 == 0xC0 else 0
    t, c, ttl, ln = struct.unpack(">HHIH", r[i:i + 10]); i += 10
    data = r[i:i + ln]; i += ln
    out.append(socket.inet_ntop(socket.AF_INET if t == 1 else socket.AF_INET6, data) if t in (1, 28) else data.hex())
print("rcode", rcode, "answers", " ".join(out))
