"""A fake Entra ID for probe.py: OpenID metadata and signing keys over HTTPS on loopback, and RS256 access tokens
shaped like Entra ID v2 tokens, signed with openssl (Python standard library and the openssl command only).

The provider can be up, failing (500), hanging (accepts the connection and never answers) or gone (nothing listens);
the service trusts its throw-away certificate through SSL_CERT_FILE, so the metadata is fetched over HTTPS as in
production.
"""
import base64
import http.server
import json
import os
import socket
import ssl
import subprocess
import threading
import time

TENANT = "2f5d6c1e-8b1a-4c39-9a55-3f0d2b7c9e41"
CLIENT = "7c3e9a10-5d2f-4b8e-a6c1-0e4f8d2b9a73"
USER = "0b9e8f52-6a3d-4c71-8e2f-1d4a7b6c5e90"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SigningKey:
    def __init__(self, folder, kid):
        self.path = os.path.join(folder, f"{kid}-{id(self)}.pem")
        self.kid = kid
        subprocess.run(["openssl", "genrsa", "-out", self.path, "2048"], check=True, capture_output=True)
        modulus = subprocess.run(["openssl", "rsa", "-in", self.path, "-noout", "-modulus"], check=True,
                                 capture_output=True).stdout.decode().strip().split("=", 1)[1]
        self.jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid, "n": b64(bytes.fromhex(modulus)), "e": "AQAB"}

    def sign(self, data):
        return subprocess.run(["openssl", "dgst", "-sha256", "-sign", self.path], input=data, check=True,
                              capture_output=True).stdout


def token(key, issuer, audience=CLIENT, scope="access_as_user", expires_in=3600, unsigned=False):
    now = int(time.time())
    claims = {"iss": issuer, "aud": audience, "tid": TENANT, "oid": USER, "ver": "2.0",
              "iat": now + expires_in - 7200, "nbf": now + expires_in - 7200, "exp": now + expires_in}
    if scope:
        claims["scp"] = scope
    header = {"alg": "none", "typ": "JWT"} if unsigned else {"alg": "RS256", "typ": "JWT", "kid": key.kid}
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
    return signing_input + "." + ("" if unsigned else b64(key.sign(signing_input.encode())))


class FakeIdentityProvider:
    """Serves /{tenant}/v2.0/.well-known/openid-configuration and its jwks_uri; `mode` is "up", "failing" or "hang"."""

    def __init__(self, folder, key):
        self.mode = "up"
        self.metadata_requests = 0
        self.key = key
        self.cert = os.path.join(folder, "idp-cert.pem")
        cert_key = os.path.join(folder, "idp-key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", cert_key, "-out", self.cert],
                       check=True, capture_output=True)
        provider = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if provider.mode == "hang":
                    time.sleep(600)
                    return
                if self.path.endswith("/.well-known/openid-configuration"):
                    provider.metadata_requests += 1
                    if provider.mode == "failing":
                        self.answer(500, {"error": "server_error"})
                        return
                    self.answer(200, {"issuer": provider.issuer, "jwks_uri": f"{provider.instance}{TENANT}/discovery/v2.0/keys",
                                      "authorization_endpoint": f"{provider.instance}{TENANT}/oauth2/v2.0/authorize",
                                      "token_endpoint": f"{provider.instance}{TENANT}/oauth2/v2.0/token"})
                elif self.path.endswith("/discovery/v2.0/keys"):
                    self.answer(200, {"keys": [provider.key.jwk]})
                else:
                    self.answer(404, {})

            def answer(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, cert_key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.instance = f"https://127.0.0.1:{self.server.server_address[1]}/"
        self.issuer = f"{self.instance}{TENANT}/v2.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        """From now on connections are refused, like an unreachable Entra ID."""
        self.server.shutdown()
        self.server.server_close()


def closed_instance():
    """An instance address where nothing listens (connections refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"https://127.0.0.1:{s.getsockname()[1]}/"


def entra_settings(instance):
    return {"AzureAd__Instance": instance, "AzureAd__TenantId": TENANT, "AzureAd__ClientId": CLIENT,
            "AzureAd__Scopes": "access_as_user"}
