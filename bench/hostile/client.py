"""The service as a real process, the HTTP it is spoken to with, and the report's lines, for probe.py (Python
standard library only).

Uploads are sent over a raw socket so that an answer that comes before the body is all sent (a service refusing
early) is read rather than lost to a reset.
"""
import http.client
import io
import os
import random
import select
import signal
import socket
import ssl
import subprocess
import time
import zipfile

# Set by probe.py from its arguments.
DLL = CONTENT_ROOT = CERT = KEY = ""
RESULTS = []


def line(bar, measured, ok):
    """One bar: PASS or FAIL, what it is, and the measured figure."""
    RESULTS.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {bar}: {measured}", flush=True)


def info(text):
    print(f"      {text}", flush=True)


class Service:
    def __init__(self, name, extra=(), env=None):
        self.port = free_port()
        self.tls_port = free_port()
        self.log = open(f"/tmp/wordredline-hostile-{name}.log", "w")
        args = ["dotnet", DLL,
                f"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{self.port}",
                f"--Kestrel:Endpoints:Https:Url=https://127.0.0.1:{self.tls_port}",
                f"--Kestrel:Endpoints:Https:Certificate:Path={CERT}",
                f"--Kestrel:Endpoints:Https:Certificate:KeyPath={KEY}",
                f"--WordRedline:Versions:ConnectionString=Data Source=/tmp/wordredline-hostile-{name}.db",
                *extra]
        environment = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", **(env or {}))
        self.process = subprocess.Popen(args, cwd=CONTENT_ROOT, env=environment, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if request("GET", "/healthz", port=self.port)[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"the service did not start; see {self.log.name}")

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for row in status:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) / 1024
        return 0.0

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, path, body=None, headers=None, port=None, tls=False, timeout=30):
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def multipart(file_bytes, fields=()):
    boundary = "wordredline-probe-boundary"
    head = b""
    for name, value in fields:
        head += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    head += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.docx\"\r\n"
             "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head, file_bytes, tail, f"multipart/form-data; boundary={boundary}"


def docx(paragraphs, padding=0):
    """A minimal real .docx (what Word needs to open it), optionally padded with a stored random entry."""
    escape = lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/octet-stream"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f'<w:body>{body}<w:sectPr/></w:body></w:document>')
        if padding:
            z.writestr(zipfile.ZipInfo("word/media/padding.bin"), random.randbytes(padding), zipfile.ZIP_STORED)
    return out.getvalue()


def hostile_files():
    """Files an attacker would upload, each with the status and problem code the service should answer:
    [(label, bytes, status, code)]."""
    def package(document_xml, main_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml",
                       '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>')
            z.writestr("_rels/.rels",
                       '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
            z.writestr("word/document.xml", document_xml)
        return out.getvalue()

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    plain = f'<?xml version="1.0"?><w:document {w}><w:body><w:p><w:r><w:t>Fees.</w:t></w:r></w:p></w:body></w:document>'
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {w}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    bomb = f'<?xml version="1.0"?><w:document {w}><w:body>'.encode() + b" " * (64 << 20) + b"</w:body></w:document>"
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096
    return [("a PDF", b"%PDF-1.7\n" + b"%" * 4096, 415, "not-a-zip"),
            ("an OLE container (encrypted or .doc)", ole, 415, None),
            ("a macro-enabled package", package(plain, "application/vnd.ms-word.document.macroEnabled.main+xml"), 415, "macro-enabled"),
            ("a DTD with an external entity (XXE)", package(xxe), 400, "dtd-forbidden"),
            ("a zip bomb (64 MB part in a small zip)", package(bomb), 400, "zip-bomb")]


def contract_paragraphs(count):
    lines = []
    corpus = os.path.join(CONTENT_ROOT, "..", "..", "..", "shared", "corpus", "dev")
    if os.path.isdir(corpus):
        for name in sorted(os.listdir(corpus)):
            if name.endswith(".txt"):
                with open(os.path.join(corpus, name), encoding="utf-8") as f:
                    lines += [l.strip() for l in f if l.strip() and not l.startswith("SOURCE:")]
    if not lines:
        lines = ["Contractor hereby grants Client a perpetual, irrevocable, worldwide, royalty-free license to use the "
                 "Deliverables for any and all purposes.", "Client may share the Deliverables with its affiliates and partners.",
                 "Fees are due within thirty days of each invoice."]
    return [lines[i % len(lines)] for i in range(count)]


def upload(port, path, file_bytes, fields=(), chunk=256 * 1024, pause=0.0, timeout=120):
    """Streams a multipart upload and reads the answer as soon as it comes, even before the body is all sent (a
    service that refuses early must be heard). Returns (status, content type, body) or (None, error, b"")."""
    head, middle, tail, content_type = multipart(file_bytes, fields)
    total = len(head) + len(middle) + len(tail)
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall((f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
                   f"Content-Length: {total}\r\nConnection: close\r\n\r\n").encode() + head)
        view = memoryview(middle + tail)
        sent = 0
        while sent < len(view):
            if select.select([s], [], [], 0)[0]:
                break  # the answer is here
            sent += s.send(view[sent:sent + chunk])
            if pause:
                time.sleep(pause)
        return read_response(s)
    except OSError as error:
        try:
            return read_response(s)
        except OSError:
            return None, type(error).__name__, b""
    finally:
        s.close()


def read_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        part = s.recv(65536)
        if not part:
            raise ConnectionError("closed before an answer")
        data += part
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:])}
    s.settimeout(5)
    try:
        while True:
            part = s.recv(65536)
            if not part:
                break
            rest += part
            if headers.get("content-length") and len(rest) >= int(headers["content-length"]):
                break
            if rest.endswith(b"0\r\n\r\n"):
                break
    except OSError:
        pass
    return status, headers.get("content-type", ""), rest
