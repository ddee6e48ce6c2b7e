"""A citizen's browser for scripts (crash test, benchmarks): keeps cookies and the anti-forgery token, walks the
appeal journey to the evidence step and uploads files as multipart/form-data, as a browser does."""
import http.cookiejar
import os
import re
import socket
import subprocess
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CSV_HEADER = "ticket_number,plate,plate_region,issued_at,location,violation_code,violation,amount_cents,officer_id\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def import_ticket(binary, env, data, number, plate):
    """One ticket, issued now, imported with the real `appeals tickets import`."""
    csv = os.path.join(data, "tickets.csv")
    with open(csv, "w") as f:
        f.write(CSV_HEADER + f"{number},{plate},NY,{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())},Main St,P01,Restricted street,6500,C1\n")
    subprocess.run([binary, "tickets", "import", csv], cwd=ROOT, env=env, check=True, capture_output=True)


def wait_until_up(url, attempts=400):
    for _ in range(attempts):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the portal did not start at " + url)


class Citizen:
    def __init__(self, url):
        self.url, self.token = url, ""
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def page(self, path, data=None, headers=None, timeout=60):
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {})
        html = self.opener.open(request, timeout=timeout).read().decode()
        match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
        if match:
            self.token = match.group(1)
        return html

    def form(self, path, fields):
        body = urllib.parse.urlencode([("csrf_token", self.token)] + fields).encode()
        return self.page(path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def start_appeal(self, ticket, plate):
        """Up to the evidence step."""
        self.page("/appeal/ticket")
        self.form("/appeal/ticket", [("ticket_number", ticket), ("plate", plate)])
        self.page("/appeal/details")
        self.form("/appeal/details", [("ground_other", "yes"), ("statement", "Scripted appeal.")])
        self.page("/appeal/evidence")

    def upload(self, files):
        """files: [(name, bytes)]; the anti-forgery field goes first, as in the portal's own form."""
        boundary = uuid.uuid4().hex
        body = f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{self.token}\r\n'.encode()
        for name, data in files:
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="{name}"\r\n'
                     f'Content-Type: application/octet-stream\r\n\r\n').encode() + data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.page("/appeal/evidence", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def evidence_ids(self):
        return re.findall(r'name="id" value="([0-9a-f]{32})"', self.page("/appeal/evidence"))
