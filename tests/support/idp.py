"""A local HTTPS stand-in for the Entra ID key endpoint, and a token minter.

It serves `/common/discovery/v2.0/keys` over real TLS (a test CA from `trustme`), so the app's
production JWKS code fetches, caches and refreshes keys exactly as it would from Microsoft."""

from __future__ import annotations

import json
import ssl
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import trustme
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "3f1b6c2e-9a7d-4e21-b8c4-1d2e3f4a5b6c"
APP_DOMAIN = "mus.test.example"
TENANT_A = "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa"
TENANT_B = "bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb"
TENANT_OTHER = "cccccccc-3333-4333-8333-cccccccccccc"  # signs in fine but is not allowed


class SigningKey:
    def __init__(self, kid: str) -> None:
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict:
        data = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        data.update(kid=self.kid, use="sig", alg="RS256")
        return data


class LocalAuthority:
    """Holds the published keys; `rotate()` publishes a new one (old ones stay unless dropped)."""

    def __init__(self, directory: Path) -> None:
        self.ca = trustme.CA()
        self.ca_file = directory / "test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self.keys = [SigningKey("key-1")]
        self.unpublished = SigningKey("unpublished")
        self.key_requests = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert = self.ca.issue_cert("127.0.0.1", "localhost")
        cert.configure_cert(context)
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.url = f"https://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def rotate(self) -> SigningKey:
        key = SigningKey(f"key-{len(self.keys) + 1}-{uuid.uuid4().hex[:6]}")
        self.keys.append(key)
        return key

    def _handler(self):
        authority = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path != "/common/discovery/v2.0/keys":
                    self.send_error(404)
                    return
                authority.key_requests += 1
                body = json.dumps({"keys": [k.jwk() for k in authority.keys]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def mint(
        self,
        *,
        tenant: str,
        oid: str,
        name: str = "Test Person",
        version: str = "2.0",
        key: SigningKey | None = None,
        lifetime: int = 3600,
        roles: list[str] | None = None,
        **overrides,
    ) -> str:
        key = key or self.keys[0]
        now = int(time.time())
        claims = {
            "aud": CLIENT_ID if version == "2.0" else f"api://{APP_DOMAIN}/{CLIENT_ID}",
            "iss": f"{self.url}/{tenant}/v2.0" if version == "2.0" else f"https://sts.windows.net/{tenant}/",
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "tid": tenant,
            "oid": oid,
            "sub": oid,
            "name": name,
            "preferred_username": f"{name.split()[0].lower()}@example.dk",
            "scp": "access_as_user",
            "ver": version,
        }
        if roles:
            claims["roles"] = roles
        claims.update(overrides)
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(claims, key.private, algorithm="RS256", headers={"kid": key.kid})
