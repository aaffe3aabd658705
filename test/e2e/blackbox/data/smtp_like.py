# A line-oriented server in the manner of SMTP, for the dialogue scenario: a two-line banner, a multi-line EHLO
# reply, one-line answers, and a goodbye that closes. Python's standard library only.
import socketserver
import sys


class Dialogue(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220-lab.example ESMTP\r\n220 ready\r\n")
        for line in self.rfile:
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO"):
                self.wfile.write(b"250-lab.example\r\n250-SIZE 1000\r\n250 HELP\r\n")
            elif cmd.startswith(b"MAIL FROM"):
                self.wfile.write(b"250 OK\r\n")
            elif cmd == b"QUIT":
                self.wfile.write(b"221 Bye\r\n")
                return
            else:
                self.wfile.write(b"500 what?\r\n")


socketserver.ThreadingTCPServer.allow_reuse_address = True
socketserver.ThreadingTCPServer(("", int(sys.argv[1])), Dialogue).serve_forever()
