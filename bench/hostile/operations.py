"""The operator's sections of the hostile-load probe (bench/hostile.sh): Entra mode against a fake identity provider
that is up, refuses, fails or hangs, and start-up with bad settings. Each prints its bars with PASS or FAIL."""
import json
import os
import subprocess
import time

import client
import identity
from client import Service, info, line, request


def percentile(values, q):
    return sorted(values)[min(len(values) - 1, int(len(values) * q))]


def token_requests(service, token, count=None, seconds=None):
    """Small analyzes with the token, one after another (count of them, or for `seconds` at about 20/s);
    returns (statuses, latencies in ms, seconds taken, Retry-After values)."""
    body = json.dumps({"paragraphs": [{"id": "p0", "text": "Fees are due within thirty days."}]}).encode()
    statuses, latencies, retry_after = {}, [], set()
    started = time.time()
    while (count is not None and len(latencies) < count) or (seconds is not None and time.time() - started < seconds):
        began = time.perf_counter()
        status, headers, _ = request("POST", "/api/v1/analyze", body=body, port=service.port,
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        latencies.append((time.perf_counter() - began) * 1000)
        statuses[status] = statuses.get(status, 0) + 1
        retry_after.add(headers.get("Retry-After"))
        if seconds is not None:
            time.sleep(0.05)
    return statuses, latencies, time.time() - started, retry_after


def readiness(service):
    status, _, body = request("GET", "/readyz", port=service.port)
    return status, json.loads(body).get("identityProvider")


def log_lines(service, *prefixes):
    with open(service.log.name) as log:
        return [l for l in log if l.startswith(prefixes)]


def entra_section():
    print("== Entra mode (a fake Entra ID over HTTPS on loopback, tokens signed with openssl)", flush=True)
    folder = os.path.dirname(client.KEY)
    key = identity.SigningKey(folder, "probe-key")
    forged = identity.SigningKey(folder, "probe-key")  # same key id, another key
    provider = identity.FakeIdentityProvider(folder, key)
    trust = {"SSL_CERT_FILE": provider.cert, "WordRedline__Cors__AllowedOrigins__0": "https://pane.example"}
    service = Service("entra", env={**identity.entra_settings(provider.instance), **trust})
    try:
        issuer = provider.issuer
        cases = [("valid", identity.token(key, issuer), 200),
                 ("no token", None, 401),
                 ("forged signature", identity.token(forged, issuer), 401),
                 ("expired", identity.token(key, issuer, expires_in=-3600), 401),
                 ("unsigned (alg none)", identity.token(key, issuer, unsigned=True), 401),
                 ("another audience", identity.token(key, issuer, audience="api://someone-else"), 401),
                 ("another issuer", identity.token(key, "https://evil.example/" + identity.TENANT + "/v2.0"), 401),
                 ("no scope claim", identity.token(key, issuer, scope=None), 401),
                 ("another scope only", identity.token(key, issuer, scope="Files.Read"), 403)]
        body = json.dumps({"paragraphs": [{"id": "p0", "text": "Fees."}]}).encode()
        wrong, challenges = [], set()
        for label, tok, expected in cases:
            headers = {"Content-Type": "application/json"} | ({"Authorization": f"Bearer {tok}"} if tok else {})
            status, answer_headers, _ = request("POST", "/api/v1/analyze", body=body, headers=headers, port=service.port)
            if status == 401:
                challenges.add(answer_headers.get("WWW-Authenticate"))
            if status != expected:
                wrong.append(f"{label}: {status} (expected {expected})")
        line("Entra tokens: valid 200; none, forged, expired, unsigned, other audience or issuer, no scope claim 401; another scope 403",
             "; ".join(wrong) or f"all {len(cases)} as expected", not wrong)
        line("Entra: WWW-Authenticate is a bare Bearer", str(sorted(c or "missing" for c in challenges)), challenges == {"Bearer"})
        status, idp = readiness(service)
        line("Entra: /readyz with the provider up", f"{status} {idp}", status == 200 and idp == "reachable")
        allowed = request("OPTIONS", "/api/v1/analyze", port=service.port, headers={
            "Origin": "https://pane.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"})[1]
        foreign = request("OPTIONS", "/api/v1/analyze", port=service.port, headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})[1]
        line("CORS: a configured origin is allowed, another is not",
             f"{allowed.get('Access-Control-Allow-Origin', 'no allow-origin')} / {foreign.get('Access-Control-Allow-Origin', 'no allow-origin')}",
             allowed.get("Access-Control-Allow-Origin") == "https://pane.example" and "Access-Control-Allow-Origin" not in foreign)

        # Keys cached, then the provider goes away: a token naming an unknown key asks for a refresh, which fails.
        provider.stop()
        rotated = identity.SigningKey(folder, "rotated-key")
        unknown = request("POST", "/api/v1/analyze", body=body, port=service.port,
                          headers={"Content-Type": "application/json", "Authorization": f"Bearer {identity.token(rotated, issuer)}"})[0]
        time.sleep(3)
        statuses, latencies, _, _ = token_requests(service, identity.token(key, issuer), 20)
        status, idp = readiness(service)
        warnings, errors = log_lines(service, "warn:"), log_lines(service, "fail:", "crit:")
        line("Entra down after keys were cached: valid tokens still 200, /readyz ready (degraded), one warning, no error",
             f"unknown key {unknown}, then {statuses}; readyz {status} {idp}; {len(warnings)} warning, {len(errors)} error lines",
             statuses == {200: 20} and status == 200 and idp == "degraded" and len(warnings) == 1 and not errors)
    finally:
        service.stop()

    for label, mode in (("refused", None), ("answering 500", "failing"), ("hanging", "hang")):
        if mode:
            provider = identity.FakeIdentityProvider(folder, key)
            provider.mode = mode
            instance, cert = provider.instance, provider.cert
        else:
            instance, cert = identity.closed_instance(), trust["SSL_CERT_FILE"]
        service = Service(f"entra-{mode or 'refused'}", env={**identity.entra_settings(instance), "SSL_CERT_FILE": cert})
        try:
            issuer = f"{instance}{identity.TENANT}/v2.0"
            tok = identity.token(key, issuer)
            # The first request waits for the first fetch, started with the service (readiness "pending" meanwhile),
            # for at most 2 s (a hanging provider holds the fetch for the 10 s backchannel timeout);
            # then 30 s of requests, long enough for the back-off to retry (1 s, 2 s, 4 s ... after each failure).
            first, first_ms, _, _ = token_requests(service, tok, count=1)
            statuses, latencies, seconds, retry_after = token_requests(service, tok, seconds=30)
            status, idp = readiness(service)
            warnings, errors = log_lines(service, "warn:"), log_lines(service, "fail:", "crit:")
            log_bytes = os.path.getsize(service.log.name)
            p99 = percentile(latencies, 0.99)
            info(f"provider {label}: first request {list(first)[0]} after {first_ms[0]:.0f} ms; then {len(latencies)} requests in {seconds:.1f} s "
                 f"({len(latencies) / seconds:.0f}/s), p50 {percentile(latencies, 0.5):.1f} ms, max {max(latencies):.0f} ms; "
                 f"Retry-After {sorted(str(r) for r in retry_after)}; log {log_bytes} bytes"
                 f"{'; metadata fetches %d' % provider.metadata_requests if mode == 'failing' else ''}")
            line(f"Entra provider {label} from the start: every token request 503 with Retry-After, the first within 3 s, p99 under 1 s, /readyz 503 unreachable, one warning, no error",
                 f"{statuses}, p99 {p99:.0f} ms; readyz {status} {idp}; {len(warnings)} warning, {len(errors)} error lines",
                 list(statuses) == [503] and first == {503: 1} and first_ms[0] < 3000 and retry_after == {"5"} and p99 < 1000 and status == 503
                 and idp == "unreachable" and len(warnings) == 1 and not errors)
        finally:
            service.stop()
            if mode:
                provider.mode = "up"
                provider.stop()


def settings_section():
    print("== bad settings at start-up (the real program, Production)", flush=True)
    cases = ["--WordRedline:Limits:MaxParagraphs=0", "--WordRedline:Limits:MaxParagraphs=many",
             "--WordRedline:DocxWork:MaxConcurrent=0", "--AzureAd:ClientId=" + identity.CLIENT,
             "--WordRedline:Cors:AllowedOrigins:0=https://localhost:3000/", "--WordRedline:Playbook:Path=/nonexistent/playbook.json",
             "--Kestrel:Endpoints:Https:Url=http://0.0.0.0:0"]
    bad = []
    for setting in cases:
        args = ["dotnet", client.DLL, "--Kestrel:Endpoints:Https:Url=http://127.0.0.1:0",
                "--WordRedline:Versions:ConnectionString=Data Source=/tmp/wordredline-hostile-settings.db", setting]
        environment = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production")
        try:
            done = subprocess.run(args, cwd=client.CONTENT_ROOT, env=environment, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            bad.append(f"{setting}: still running after 60 s")
            continue
        errors = [l for l in done.stderr.splitlines() if l.strip()]
        stack = "   at " in done.stdout + done.stderr or "Unhandled exception" in done.stdout + done.stderr
        ok = done.returncode == 1 and len(errors) == 1 and errors[0].startswith("WordRedline cannot start: ") and not stack
        info(f"{setting}: exit {done.returncode}, {errors[0] if len(errors) == 1 else f'{len(errors)} lines on standard error'}")
        if not ok:
            bad.append(setting)
    line("a bad setting: one line on standard error, exit code 1, no stack trace", f"{len(cases) - len(bad)}/{len(cases)}", not bad)

