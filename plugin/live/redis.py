"""Redis for live collaboration across processes and app instances: the event broker (pub/sub) and
the presence store.

Events are published on one channel per conversation (`{prefix}live:{conversation id}`); each
process holds one pattern subscription (`{prefix}live:*`) on a listener thread and hands the events
to its local subscribers. Events published by this process are handed to local subscribers at once
and skipped when they come back from Redis. Pub/sub is not durable: when the subscription is lost
and restored, subscribers are told to resynchronise from the durable event log in the database."""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import uuid
from collections.abc import Callable
from typing import Any

import redis
from redis.exceptions import RedisError

from ..domain.errors import DomainError
from ..domain.events import Event
from .broker import Handler, InProcessBroker

log = logging.getLogger(__name__)

_GLOB = re.compile(r"([*?\[\]\\])")


def _connect(url: str, **options: Any) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=3, health_check_interval=30, **options)


class RedisBroker:
    def __init__(self, url: str, prefix: str = "mus:") -> None:
        self._url = url
        self._prefix = prefix
        self._local = InProcessBroker()
        self._lock = threading.Lock()
        self._resync: list[Callable[[], None]] = []
        self._client: redis.Redis | None = None
        self._pid = 0
        self._node = ""
        self._listener: threading.Thread | None = None
        self._listening = threading.Event()
        self._stop = threading.Event()

    # --- identity per process: a fork (gunicorn workers) gets its own node id and connections ---
    def _ensure_process(self) -> None:
        pid = os.getpid()
        if pid != self._pid:
            with self._lock:
                if pid != self._pid:
                    self._node = f"{uuid.uuid4().hex}-{pid}"
                    self._client = _connect(self._url, socket_timeout=5)
                    self._listener = None
                    self._listening = threading.Event()
                    self._stop = threading.Event()
                    self._pid = pid

    def channel(self, conversation_id: int) -> str:
        return f"{self._prefix}live:{conversation_id}"

    # --- Broker interface ---------------------------------------------------------------------
    def publish(self, event: Event) -> None:
        self._ensure_process()
        self._local.publish(event)
        payload = json.dumps(
            {
                "node": self._node,
                "tenant_id": event.tenant_id,
                "conversation_id": event.conversation_id,
                "kind": event.kind,
                "data": event.data,
                "seq": event.seq,
                "audience": event.audience,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        try:
            assert self._client is not None
            self._client.publish(self.channel(event.conversation_id), payload)
        except RedisError as exc:
            # The change is committed and in the event log; other processes catch up from there.
            log.warning("live event not published to Redis: %s", exc.__class__.__name__)

    def subscribe(
        self, handler: Handler, *, on_resync: Callable[[], None] | None = None
    ) -> Callable[[], None]:
        self._ensure_process()
        unsubscribe_local = self._local.subscribe(handler)
        if on_resync is not None:
            with self._lock:
                self._resync.append(on_resync)
        self._start_listener()
        # Wait (briefly) until the pattern subscription is active, so that a subscriber that reads
        # the durable log right after subscribing misses nothing published by other processes.
        self._listening.wait(timeout=5)

        def unsubscribe() -> None:
            unsubscribe_local()
            if on_resync is not None:
                with self._lock:
                    if on_resync in self._resync:
                        self._resync.remove(on_resync)

        return unsubscribe

    def close(self) -> None:
        self._stop.set()
        listener = self._listener
        if listener is not None and listener is not threading.current_thread():
            listener.join(timeout=5)
        self._local.close()
        if self._client is not None and self._pid == os.getpid():
            self._client.close()

    # --- the listener thread ------------------------------------------------------------------
    def _start_listener(self) -> None:
        with self._lock:
            if self._listener is not None and self._listener.is_alive():
                return
            self._listener = threading.Thread(target=self._listen, name="mus-redis-live", daemon=True)
            self._listener.start()

    def _listen(self) -> None:
        pattern = _GLOB.sub(r"\\\1", self._prefix) + "live:*"
        stop, listening = self._stop, self._listening
        first = True
        backoff = 0.2
        while not stop.is_set():
            client = _connect(self._url, client_name=f"{self._prefix}live-listener-{os.getpid()}")
            pubsub = client.pubsub()
            try:
                pubsub.psubscribe(pattern)
                while not stop.is_set():
                    message = pubsub.get_message(timeout=0.5)
                    if message is None:
                        continue
                    if message["type"] == "psubscribe":
                        listening.set()
                        backoff = 0.2
                        if not first:
                            self._call_resync()
                        first = False
                    elif message["type"] == "pmessage":
                        self._deliver(message["data"])
            except (RedisError, OSError) as exc:
                log.warning("Redis live subscription lost (%s); reconnecting", exc.__class__.__name__)
                stop.wait(backoff)
                backoff = min(backoff * 2, 5.0)
            finally:
                try:
                    pubsub.close()
                    client.close()
                except (RedisError, OSError):
                    pass

    def _deliver(self, raw: bytes) -> None:
        try:
            payload = json.loads(raw)
        except ValueError:
            log.warning("ignored a malformed live event from Redis")
            return
        if payload.get("node") == self._node:
            return  # published here, already handed to the local subscribers
        self._local.publish(
            Event(
                tenant_id=payload["tenant_id"],
                conversation_id=int(payload["conversation_id"]),
                kind=payload["kind"],
                data=payload.get("data") or {},
                seq=payload.get("seq"),
                audience=payload.get("audience"),
            )
        )

    def _call_resync(self) -> None:
        with self._lock:
            callbacks = list(self._resync)
        for callback in callbacks:
            try:
                callback()
            except Exception:
                log.exception("live resync callback failed")


class LiveUnavailable(DomainError):
    status = 503
    code = "live_unavailable"


class RedisPresenceStore:
    """Who is in a conversation now: one hash per conversation, one field per person, each entry
    with its own expiry time (the hash itself expires when nobody refreshes it)."""

    def __init__(self, url: str, prefix: str = "mus:") -> None:
        self._url = url
        self._prefix = prefix
        self._client: redis.Redis | None = None
        self._pid = 0

    def _redis(self) -> redis.Redis:
        if self._pid != os.getpid() or self._client is None:
            self._client = _connect(self._url, socket_timeout=5)
            self._pid = os.getpid()
        return self._client

    def _key(self, conversation_id: int) -> str:
        return f"{self._prefix}presence:{conversation_id}"

    def put(self, conversation_id: int, person_id: int, entry: dict, ttl: float) -> None:
        key = self._key(conversation_id)
        try:
            pipe = self._redis().pipeline()
            pipe.hset(key, str(person_id), json.dumps(entry, ensure_ascii=False))
            pipe.expire(key, int(ttl * 2) + 1)
            pipe.execute()
        except RedisError as exc:
            raise LiveUnavailable("live_unavailable") from exc

    def remove(self, conversation_id: int, person_id: int) -> None:
        try:
            self._redis().hdel(self._key(conversation_id), str(person_id))
        except RedisError as exc:
            raise LiveUnavailable("live_unavailable") from exc

    def list(self, conversation_id: int, now: float) -> list[dict]:
        key = self._key(conversation_id)
        entries: list[dict] = []
        expired: list[bytes] = []
        try:
            for field, raw in self._redis().hgetall(key).items():
                entry = json.loads(raw)
                if entry["expires"] > now:
                    entries.append(entry)
                else:
                    expired.append(field)
            if expired:
                self._redis().hdel(key, *expired)
        except RedisError as exc:
            raise LiveUnavailable("live_unavailable") from exc
        return entries

    def close(self) -> None:
        if self._client is not None and self._pid == os.getpid():
            self._client.close()
