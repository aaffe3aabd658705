# The kernel's UDP client: send once, print what comes back, "TIMEOUT", or the errno name (ICMP port unreachable
# shows as ECONNREFUSED on a connected socket).  usage: python3 udp_oracle.py HOST PORT DATA
import errno, socket, sys

s = socket.socket(socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1)
s.connect((sys.argv[1], int(sys.argv[2])))
s.send(sys.argv[3].encode())
try:
    print(s.recv(2048).decode())
except socket.timeout:
    print("TIMEOUT")
except OSError as e:
    print(errno.errorcode.get(e.errno, e.errno))
