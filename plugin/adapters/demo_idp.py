"""The built-in demo identity provider: a local signing key and tokens shaped like Teams SSO
tokens for a small demo organisation. Only used with MUS_DEMO=1 on a loopback address."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ..config import DEMO_TENANT_ID
from .tokens import StaticKeySource


@dataclass(frozen=True)
class DemoPerson:
    key: str
    object_id: str
    name: str
    email: str
    role: str  # "manager" or "employee", for the person picker
    locale: str = "da-dk"


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "mette",
        "0b8a6f2e-1c3d-4e5f-8a9b-000000000001",
        "Mette Sørensen",
        "mette.sorensen@demo.example",
        "manager",
    ),
    DemoPerson(
        "jonas",
        "0b8a6f2e-1c3d-4e5f-8a9b-000000000002",
        "Jonas Kjær Nielsen",
        "jonas.nielsen@demo.example",
        "employee",
    ),
    DemoPerson(
        "freja",
        "0b8a6f2e-1c3d-4e5f-8a9b-000000000003",
        "Freja Østergaard",
        "freja.ostergaard@demo.example",
        "employee",
        "en-gb",
    ),
)
DEMO_BY_KEY = {p.key: p for p in DEMO_PEOPLE}


class DemoIdentityProvider:
    def __init__(self, *, client_id: str, authority_host: str, key_path: Path | None = None) -> None:
        self.client_id = client_id
        self.authority_host = authority_host.rstrip("/")
        self._private = _load_or_create_key(key_path)
        self.kid = "demo-" + uuid.uuid5(uuid.NAMESPACE_URL, _public_pem(self._private)).hex[:12]

    @property
    def key_source(self) -> StaticKeySource:
        return StaticKeySource({self.kid: self._private.public_key()})

    def jwks(self) -> dict:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self._private.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "alg": "RS256"})
        return {"keys": [jwk]}

    def issue(self, person: DemoPerson, *, lifetime: int = 3600) -> str:
        now = int(time.time())
        claims = {
            "aud": self.client_id,
            "iss": f"{self.authority_host}/{DEMO_TENANT_ID}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "tid": DEMO_TENANT_ID,
            "oid": person.object_id,
            "sub": person.object_id,
            "name": person.name,
            "preferred_username": person.email,
            "scp": "access_as_user",
            "ver": "2.0",
        }
        return jwt.encode(claims, self._private, algorithm="RS256", headers={"kid": self.kid})


def _public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _load_or_create_key(path: Path | None) -> rsa.RSAPrivateKey:
    """Keep the demo key in the instance folder so tokens survive a restart of `make run`."""
    if path and path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        return key
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        path.chmod(0o600)
    return key
