#!/usr/bin/env python3
"""The hostile-load probe of issue 13, against the real Release build started by bench/hostile.sh.

Each section starts the service as a real process (Production environment, plain HTTP on loopback, plus HTTPS with
a throw-away certificate for the header checks), drives it as an attacker or an operator would, and prints one line
per bar with the measured figure and PASS or FAIL. Every request loop is bounded in count and time and only talks
to 127.0.0.1. Python standard library only.

    python3 probe.py DLL CONTENT_ROOT CERT KEY [SECTIONS]   (bench/hostile.sh passes these)
"""
import http.client
import json
import os
import random
import signal
import sys
import threading
import time

import client
from client import RESULTS, Service, contract_paragraphs, docx, info, line, request, upload
from operations import entra_section, settings_section  # noqa: F401 (sections are looked up by name)

client.DLL, client.CONTENT_ROOT, client.CERT, client.KEY = sys.argv[1:5]
UPLOAD_BYTES = 31 * 1024 * 1024


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
    # The .docx bucket is lifted so that the hostile files below all reach the reader (headers do not depend on it).
    service = Service("production", env={"WordRedline__RateLimit__Docx__BurstLimit": "1000"})
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
            ("body over the limit (header)", "POST", "/api/v1/analyze", b"{}", {"Content-Type": "application/json", "Content-Length": str(17 << 20)}, 413),
        ]
        bad = []
        for label, method, path, body, headers, expected in checks:
            status, answer_headers, _ = request(method, path, body=body, headers=headers, port=p)
            bad.append(status == expected and answer_headers.get("Content-Type", "").startswith("application/problem+json"))
        for label, file_bytes, expected, code in client.hostile_files():
            status, content_type, body = upload(p, "/api/v1/redline", file_bytes)
            ok = status == expected and content_type.startswith("application/problem+json") and (code is None or code.encode() in body)
            if not ok:
                info(f"{label}: {status} {content_type} {body[:200]!r}")
            bad.append(ok)
        line("bad inputs get their 4xx problem (JSON, content type, oversize, PDF, OLE, macros, XXE, zip bomb)", f"{sum(bad)}/{len(bad)}", all(bad))
        status, headers, _ = request("OPTIONS", "/api/v1/analyze", headers={"Origin": "https://localhost:3000", "Access-Control-Request-Method": "POST"}, port=p)
        line("CORS: the dev origin is refused in Production", headers.get("Access-Control-Allow-Origin", "no allow-origin"), "Access-Control-Allow-Origin" not in headers)
    finally:
        service.stop()


def main():
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    sections = sys.argv[5].split(",") if len(sys.argv) > 5 else ["production", "entra", "settings", "memory", "gate", "latency", "sigterm"]
    for name in sections:
        globals()[f"{name}_section"]()
    print(f"{sum(RESULTS)} passed, {len(RESULTS) - sum(RESULTS)} failed")
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
