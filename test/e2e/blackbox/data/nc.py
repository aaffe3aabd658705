# A minimal nc: connect, send DATA (with \r and \n escapes), print all that arrives until the peer closes or
# resets (then prints "[ECONNRESET]"), or 2 s of silence.  usage: python3 nc.py HOST PORT DATA
import socket, sys

s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2)
s.sendall(sys.argv[3].encode().decode("unicode_escape").encode("latin-1"))
out = b""
try:
    while chunk := s.recv(4096):
        out += chunk
except socket.timeout:
    pass
except ConnectionResetError:
    out += b"[ECONNRESET]"
sys.stdout.write(out.decode("latin-1"))
