#!/usr/bin/env python3
"""The hostile-load probe of issue 13, against the real Release build started by bench/hostile.sh.

Each section starts the service as a real process (Production environment, plain HTTP on loopback, plus HTTPS with
a throw-away certificate for the header checks), drives it as an attacker or an operator would, and prints one line
per bar with the measured figure and PASS or FAIL. Every request loop is bounded in count and time and only talks
to 127.0.0.1. Python standard library only.

    python3 probe.py DLL CONTRACT_DIR CERT KEY   (bench/hostile.sh passes these)
"""
import http.client
import io
import json
import os
import random
import select
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import threading
import time
import zipfile

DLL, CONTENT_ROOT, CERT, KEY = sys.argv[1:5]
UPLOAD_BYTES = 31 * 1024 * 1024
RESULTS = []


def line(bar, measured, ok):
    RESULTS.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}  {bar}: {measured}", flush=True)


def info(text):
    print(f"      {text}", flush=True)


# ---------------------------------------------------------------------------------------------------------------
# The service as a process


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


# ---------------------------------------------------------------------------------------------------------------
# Bodies


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


# ---------------------------------------------------------------------------------------------------------------
# Sections


def sample_rss(service, stop, samples):
    while not stop.is_set():
        samples.append((time.time(), service.rss_mb()))
        time.sleep(0.05)


def burst(service, label, file_bytes, path="/api/v1/redline"):
    results = [None] * 32
    samples = []
    stop = threading.Event()
    sampler = threading.Thread(target=sample_rss, args=(service, stop, samples))
    sampler.start()
    before = service.rss_mb()

    def one(i):
        results[i] = upload(service.port, path, file_bytes)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(32)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    elapsed = time.time() - started
    stop.set()
    sampler.join()
    peak = max(rss for _, rss in samples)
    settle_start = time.time()
    settled = None
    lowest = peak
    while time.time() - settle_start < 30:
        rss = service.rss_mb()
        lowest = min(lowest, rss)
        if rss < 400:
            settled = time.time() - settle_start
            break
        time.sleep(0.25)
    if settled is None:
        info(f"{label}: lowest RSS in the 30 s after the burst {lowest:.0f} MB")
    statuses = {}
    for status, content_type, _ in results:
        key = f"{status} {content_type.split(';')[0]}" if status else f"no answer ({content_type})"
        statuses[key] = statuses.get(key, 0) + 1
    info(f"{label}: rss {before:.0f} MB before, answers in {elapsed:.1f} s: {statuses}")
    return peak, settled, results


def memory_section():
    print("== 32 concurrent 31 MB uploads (Production defaults)", flush=True)
    service = Service("memory")
    try:
        noise = random.randbytes(UPLOAD_BYTES)
        peak, settled, results = burst(service, "not a .docx", noise)
        problem = all(r[0] and (400 <= r[0] < 500 or r[0] == 503) and r[1].startswith("application/problem+json") for r in results)
        line("32 x 31 MB uploads, peak RSS under 800 MB", f"{peak:.0f} MB", peak < 800)
        line("back under 400 MB within 30 s", "never" if settled is None else f"{settled:.1f} s after the burst", settled is not None)
        line("every answer 4xx/503 with problem+json", f"{sum(1 for r in results if r[0])}/32 answered, all problem+json: {problem}", problem)
        zipped = docx(contract_paragraphs(20), padding=UPLOAD_BYTES - 200_000)
        peak, settled, results = burst(service, "31 MB valid .docx packages", zipped)
        info(f"31 MB .docx packages: peak {peak:.0f} MB, under 400 MB {'after %.1f s' % settled if settled is not None else 'not within 30 s'}")
    finally:
        service.stop()


def gate_section():
    print("== 32 concurrent 31 MB .docx packages past the rate limit (the gate alone bounds memory)", flush=True)
    service = Service("gate", env={"WordRedline__RateLimit__Docx__TokensPerPeriod": "1000000",
                                   "WordRedline__RateLimit__Docx__BurstLimit": "1000000"})
    try:
        zipped = docx(contract_paragraphs(20), padding=UPLOAD_BYTES - 200_000)
        peak, settled, results = burst(service, "31 MB .docx packages", zipped)
        answered = all(r[0] for r in results)
        no_500 = not any(r[0] and r[0] >= 500 and r[0] != 503 for r in results)
        line("extra, gate alone: 32 x 31 MB .docx processed or refused, peak RSS under 800 MB", f"{peak:.0f} MB", peak < 800)
        line("extra, gate alone: back under 400 MB within 30 s", "never" if settled is None else f"{settled:.1f} s", settled is not None)
        line("extra, gate alone: every request answered, no 5xx but 503", f"answered {answered}, no 500 {no_500}", answered and no_500)
    finally:
        service.stop()


def latency_section():
    print("== small analyze while eight redlines run", flush=True)
    service = Service("latency", env={"WordRedline__RateLimit__Docx__TokensPerPeriod": "1000000",
                                      "WordRedline__RateLimit__Docx__BurstLimit": "1000000",
                                      "WordRedline__RateLimit__Analyze__TokensPerPeriod": "1000000",
                                      "WordRedline__RateLimit__Analyze__BurstLimit": "1000000"})
    try:
        small = json.dumps({"paragraphs": [{"id": f"p{i}", "text": t} for i, t in enumerate(contract_paragraphs(5))]}).encode()
        document = docx(contract_paragraphs(2500))  # a 100-page contract

        def analyze_latencies(seconds):
            latencies = []
            connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
            end = time.time() + seconds
            while time.time() < end:
                started = time.perf_counter()
                connection.request("POST", "/api/v1/analyze", body=small, headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                latencies.append((time.perf_counter() - started) * 1000)
                time.sleep(0.02)
            connection.close()
            return latencies

        analyze_latencies(3)  # warm-up
        alone = analyze_latencies(8)
        stop = threading.Event()
        redlines = {"done": 0, "statuses": {}}

        def redline_loop():
            while not stop.is_set():
                status, _, _ = upload(service.port, "/api/v1/redline", document)
                redlines["done"] += 1
                redlines["statuses"][status] = redlines["statuses"].get(status, 0) + 1

        workers = [threading.Thread(target=redline_loop) for _ in range(8)]
        for w in workers:
            w.start()
        time.sleep(2)
        loaded = analyze_latencies(20)
        stop.set()
        for w in workers:
            w.join(120)
        p = lambda values, q: sorted(values)[min(len(values) - 1, int(len(values) * q))]
        info(f"alone: p50 {p(alone, 0.5):.1f} ms, p99 {p(alone, 0.99):.1f} ms ({len(alone)} requests)")
        info(f"{len(document)}-byte .docx of 2,500 paragraphs, 8 clients: {redlines['done']} redlines, statuses {redlines['statuses']}")
        line("eight concurrent redlines: small analyze p99 under 50 ms",
             f"p99 {p(loaded, 0.99):.1f} ms (p50 {p(loaded, 0.5):.1f} ms, {len(loaded)} requests)", p(loaded, 0.99) < 50)
    finally:
        service.stop()


def sigterm_section():
    print("== SIGTERM during uploads", flush=True)
    service = Service("sigterm", env={"WordRedline__RateLimit__Docx__TokensPerPeriod": "1000000",
                                      "WordRedline__RateLimit__Docx__BurstLimit": "1000000"})
    document = docx(contract_paragraphs(400), padding=4 * 1024 * 1024)
    results = []

    def one():
        # Sent slowly (about 2 MB/s) so that uploads are still arriving when the signal comes.
        results.append(upload(service.port, "/api/v1/redline", document, chunk=64 * 1024, pause=0.03))

    threads = [threading.Thread(target=one) for _ in range(16)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    service.process.send_signal(signal.SIGTERM)
    for t in threads:
        t.join(120)
    code = service.process.wait(60)
    service.log.close()
    statuses = {}
    for status, detail, _ in results:
        key = status or f"no answer ({detail})"
        statuses[key] = statuses.get(key, 0) + 1
    fives = sum(1 for r in results if r[0] == 500)
    info(f"16 uploads of {len(document) // 1024} KB: {statuses}; exit code {code}")
    with open(service.log.name) as log:
        errors = [l for l in log if l.startswith(("fail:", "crit:"))]
    line("SIGTERM during uploads: responses with status 500", f"{fives} (error log lines: {len(errors)}, exit code {code})",
         fives == 0 and not errors and code == 0)


def production_section():
    print("== Production defaults, fields, bad inputs, CORS", flush=True)
    service = Service("production")
    try:
        p = service.port
        status, headers, _ = request("GET", "/api/v1/config", port=service.tls_port, tls=True)
        line("HTTPS responses carry HSTS", headers.get("Strict-Transport-Security", "missing"), "max-age" in headers.get("Strict-Transport-Security", ""))
        line("responses carry X-Content-Type-Options", headers.get("X-Content-Type-Options", "missing"), headers.get("X-Content-Type-Options") == "nosniff")
        _, headers, _ = request("GET", "/taskpane.html", port=p)
        csp = headers.get("Content-Security-Policy", "")
        line("the pane carries a CSP (Office.js, Office frame ancestors)", f"{len(csp)} characters", "appsforoffice.microsoft.com" in csp and "frame-ancestors" in csp)
        swagger = [request("GET", path, port=p)[0] for path in ("/swagger/index.html", "/swagger/v1/swagger.json")]
        line("Swagger answers 404", str(swagger), swagger == [404, 404])
        status = request("GET", "/api/v1/config", headers={"Host": "evil.example"}, port=p)[0]
        line("a foreign Host header gets 400", str(status), status == 400)

        def short_400(label, path, body):
            status, headers, answer = request("POST", path, body=body.encode(), headers={"Content-Type": "application/json"}, port=p)
            line(label, f"{status}, {len(answer)}-byte body", status == 400 and len(answer) < 1024 and headers.get("Content-Type", "").startswith("application/problem+json"))

        short_400("a 4 MB paragraph id gets a short 400", "/api/v1/analyze", json.dumps({"paragraphs": [{"id": "i" * (4 << 20), "text": "Fees."}]}))
        short_400("a 5 MB playbook name gets a short 400", "/api/v1/analyze", json.dumps({"paragraphs": [{"id": "p0", "text": "Fees."}], "playbook": "p" * (5 << 20)}))
        short_400("a party with control characters gets a short 400 (/analyze)", "/api/v1/analyze", json.dumps({"paragraphs": [{"id": "p0", "text": "Fees."}], "party": "Jordan\u0000\u001bEllis"}))
        short_400("a party with control characters gets a short 400 (/addendum)", "/api/v1/addendum", json.dumps({"party": "Jordan\u0000Ellis"}))

        checks = [
            ("unreadable JSON", "POST", "/api/v1/analyze", b'{"paragraphs":[', {"Content-Type": "application/json"}, 400),
            ("wrong content type", "POST", "/api/v1/analyze", b"text", {"Content-Type": "text/plain"}, 415),
            ("body over the limit (header)", "POST", "/api/v1/analyze", b"{}", {"Content-Type": "application/json", "Content-Length": "2"}, None),
        ]
        bad = []
        for label, method, path, body, headers, expected in checks:
            if expected is None:
                continue
            status, answer_headers, _ = request(method, path, body=body, headers=headers, port=p)
            bad.append(status == expected and answer_headers.get("Content-Type", "").startswith("application/problem+json"))
        status, content_type, body = upload(p, "/api/v1/redline", b"%PDF-1.7\n" + b"%" * 4096)
        bad.append(status == 415 and b"not-a-zip" in body)
        line("bad inputs get their 4xx problem", f"{sum(bad)}/{len(bad)}", all(bad))
        status, headers, _ = request("OPTIONS", "/api/v1/analyze", headers={"Origin": "https://localhost:3000", "Access-Control-Request-Method": "POST"}, port=p)
        line("CORS: the dev origin is refused in Production", headers.get("Access-Control-Allow-Origin", "no allow-origin"), "Access-Control-Allow-Origin" not in headers)
    finally:
        service.stop()


def main():
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    sections = sys.argv[5].split(",") if len(sys.argv) > 5 else ["production", "memory", "gate", "latency", "sigterm"]
    for name in sections:
        globals()[f"{name}_section"]()
    print(f"{sum(RESULTS)} passed, {len(RESULTS) - sum(RESULTS)} failed")
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
