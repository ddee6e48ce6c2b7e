"""An SMTP server on loopback for tests (aiosmtpd): prints its port on the first line, then writes each message it
accepts to FOLDER as <n>.eml, until stdin closes. Addresses starting "nobody" are refused (550). Usage: python3 scripts/lib/smtp_sink.py FOLDER"""
import os, socket, sys
from aiosmtpd.controller import Controller


class Folder:
    def __init__(self, folder):
        self.folder, self.count = folder, 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A mailbox that does not exist, refused for good, as a real server would.
        if address.startswith("nobody"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count}.eml")
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 Message accepted for delivery"


folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
controller = Controller(Folder(folder), hostname="127.0.0.1", port=port)
controller.start()
print(port, flush=True)
sys.stdin.read()
controller.stop()
