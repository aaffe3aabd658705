# The kernel's own connect(): prints the errno name (or OK) for each host:port given, one line each.
# usage: python3 connect.py TIMEOUT_S HOST PORT [HOST PORT …]
import errno, socket, sys

t = float(sys.argv[1])
for h, p in zip(sys.argv[2::2], sys.argv[3::2]):
    s = socket.socket(socket.AF_INET6 if ":" in h else socket.AF_INET)
    s.settimeout(t)
    try:
        s.connect((h, int(p)))
        r = "OK"
    except socket.timeout:
        r = "TIMEOUT"
    except OSError as e:
        r = errno.errorcode.get(e.errno, str(e.errno))
    print(h, p, r)
    s.close()
