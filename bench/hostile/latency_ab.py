#!/usr/bin/env python3
"""A/B of the issue-13 latency bar in one run: a small analyze's latency alone and while eight clients redline a
2,500-paragraph .docx in a loop, for several builds or settings, alternated over several rounds because the machine
is shared and noisy. Each round starts a fresh process per variant (Production, plain HTTP on loopback, buckets
lifted so that the .docx gate alone limits the redlines).

The small analyzes are timed in a process of their own, so that the eight upload threads (and Python's GIL) do not
delay the clock; the service's own request log gives the server-side time of the same requests.

    python3 bench/hostile/latency_ab.py --variant old=/path/old/WordRedline.Api.dll \\
        --variant new=/path/new/WordRedline.Api.dll --variant gc=/path/new/WordRedline.Api.dll:DOTNET_gcServer=0 \\
        [--rounds 3] [--noise 4] [--seconds 20] [--content-root src/WordRedline.Api]

--noise N runs N busy loops at the ordinary priority for the whole run, as other engineers' builds and tests do.

The README's row (the .docx threads at nice 10 against 0, one build; workstation GC, server GC without DATAS and
nice 19 were tried the same way, 3 rounds, and none did better than nice 10 with server GC):

    D=artifacts/bin/WordRedline.Api/release/WordRedline.Api.dll
    python3 bench/hostile/latency_ab.py --variant nice0=$D:WordRedline__DocxWork__WorkerNice=0 \\
        --variant nice10=$D:WordRedline__DocxWork__WorkerNice=10 --rounds 5 --seconds 20
"""
import argparse
import http.client
import json
import multiprocessing
import os
import re
import statistics
import sys
import threading
import time

import client
from client import Service, contract_paragraphs, docx, upload

REQUEST_LINE = re.compile(r"HTTP POST /api/v1/(analyze|redline) answered (\d+) in ([\d.]+) ms")


def percentile(values, q):
    return sorted(values)[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def analyze_loop(port, body, seconds, out):
    """In its own process: small analyzes one after another for `seconds`, 20 ms apart; latencies in ms and the
    wall-clock time each was sent."""
    latencies, stamps = [], []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    end = time.time() + seconds
    while time.time() < end:
        wall, started = time.time(), time.perf_counter()
        connection.request("POST", "/api/v1/analyze", body=body, headers={"Content-Type": "application/json"})
        connection.getresponse().read()
        latencies.append((time.perf_counter() - started) * 1000)
        stamps.append(wall)
        time.sleep(0.02)
    connection.close()
    out.put((latencies, stamps))


def timed_analyzes(port, body, seconds):
    out = multiprocessing.Queue()
    worker = multiprocessing.Process(target=analyze_loop, args=(port, body, seconds, out))
    worker.start()
    latencies = out.get()
    worker.join()
    return latencies


def server_times(log_name, route):
    with open(log_name) as log:
        return [float(m.group(3)) for m in REQUEST_LINE.finditer(log.read()) if m.group(1) == route]


def one_run(name, dll, env, document, small, seconds):
    client.DLL = dll
    lifted = {f"WordRedline__RateLimit__{bucket}__{key}": "1000000" for bucket in ("Docx", "Analyze")
              for key in ("TokensPerPeriod", "BurstLimit")}
    service = Service(f"latency-ab-{name}", env={**lifted, **env})
    try:
        timed_analyzes(service.port, small, 3)  # warm-up
        alone, _ = timed_analyzes(service.port, small, 8)
        alone_server = len(server_times(service.log.name, "analyze"))
        stop = threading.Event()
        statuses = {}

        def redline_loop():
            while not stop.is_set():
                status = upload(service.port, "/api/v1/redline", document)[0]
                statuses[status] = statuses.get(status, 0) + 1

        workers = [threading.Thread(target=redline_loop) for _ in range(8)]
        for w in workers:
            w.start()
        time.sleep(2)
        loaded, sent = timed_analyzes(service.port, small, seconds)
        stop.set()
        for w in workers:
            w.join(120)
        server = server_times(service.log.name, "analyze")[alone_server:][:len(loaded)]
        redline_ms = server_times(service.log.name, "redline")
    finally:
        service.stop()
    return {"alone": alone, "loaded": loaded, "sent": sent, "server": server, "redlines": statuses, "redline_ms": redline_ms,
            "pid": service.process.pid}


def busy():
    while True:
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", action="append", required=True, help="name=DLL[:KEY=VALUE,...]")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--noise", type=int, default=0)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--dump", help="a folder for each run's latencies and send times (JSON)")
    parser.add_argument("--content-root", default=os.path.join(os.path.dirname(__file__), "..", "..", "src", "WordRedline.Api"))
    args = parser.parse_args()
    client.CONTENT_ROOT = os.path.abspath(args.content_root)
    variants = []
    for spec in args.variant:
        name, rest = spec.split("=", 1)
        dll, _, settings = rest.partition(":")
        variants.append((name, dll, dict(kv.split("=", 1) for kv in settings.split(",") if kv)))

    small = json.dumps({"paragraphs": [{"id": f"p{i}", "text": t} for i, t in enumerate(contract_paragraphs(5))]}).encode()
    document = docx(contract_paragraphs(2500))
    noise = [multiprocessing.Process(target=busy, daemon=True) for _ in range(args.noise)]
    for n in noise:
        n.start()
    results = {name: [] for name, _, _ in variants}
    try:
        for round_number in range(args.rounds):
            order = variants if round_number % 2 == 0 else list(reversed(variants))
            for name, dll, env in order:
                run = one_run(name, dll, env, document, small, args.seconds)
                results[name].append(run)
                if args.dump:
                    with open(os.path.join(args.dump, f"{name}-{round_number + 1}.json"), "w") as f:
                        json.dump(run, f)
                print(f"round {round_number + 1} {name:>12}: load {os.getloadavg()[0]:.1f}; alone p99 {percentile(run['alone'], 0.99):6.1f} ms; "
                      f"loaded p50 {percentile(run['loaded'], 0.5):5.1f} p99 {percentile(run['loaded'], 0.99):6.1f} max {max(run['loaded']):6.1f} ms "
                      f"({len(run['loaded'])}); server-side p99 {percentile(run['server'], 0.99):6.1f} ms; redlines {run['redlines']} "
                      f"median {statistics.median(run['redline_ms']) if run['redline_ms'] else float('nan'):.0f} ms", flush=True)
    finally:
        for n in noise:
            n.terminate()
    print("summary (median over rounds of each round's p99)")
    for name, runs in results.items():
        median = lambda key: statistics.median(percentile(r[key], 0.99) for r in runs)
        done = sum(sum(r["redlines"].values()) for r in runs)
        print(f"  {name:>12}: alone {median('alone'):6.1f} ms, under redlines {median('loaded'):6.1f} ms "
              f"(server-side {median('server'):6.1f} ms); {done} redlines in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
