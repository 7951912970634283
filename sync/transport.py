"""HTTP transport of the sync client: one keep-alive requests.Session, explicit timeouts,
urllib3 Retry (backoff + jitter), gzip or xz bodies both ways (sync/xz.py: xz answers are
decoded here, bounded, as requests does not know xz; a push goes in xz once the server said it
takes it), the schema header on every request, and counters of wire bytes (compressed) and
requests.

Push is retried like an idempotent call: the server's `(device_id, op_seq)` ledger returns the
stored acks for a replayed batch, so nothing is created twice.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util import Retry

from sync import protocol, pull_columns, xz

DEFAULT_TIMEOUT = (5.0, 60.0)  # (connect, read) seconds
RETRY_STATUSES = frozenset({502, 503, 504})
MAX_ANSWER_BYTES = 256 * 1024 * 1024  # an xz answer, inflated (a pull page: <= ~60 MB)
# Errors raised while reading a response body: urllib3's Retry has already returned by then.
BODY_ERRORS = (requests.exceptions.ChunkedEncodingError,
               requests.exceptions.ContentDecodingError)


class SyncError(Exception):
    """A sync failure with a code (`message_code`) the CLI and the desktop can show."""

    code = "sync_failed"

    def __init__(self, message: str, *, status: int | None = None,
                 server_code: str | None = None):
        super().__init__(message)
        self.status = status
        self.server_code = server_code  # the server's own code (bad_credentials, forbidden…)
        self.retry_after: int | None = None  # seconds, when the answer's Retry-After said


class AuthError(SyncError):
    code = "auth_failed"


class UpgradeRequired(SyncError):
    code = "upgrade_required"


class InsecureURL(SyncError):
    code = "insecure_url"


class DemoFolder(SyncError):
    """The data folder holds `esep demo`'s synthetic records: nothing is sent from it."""

    code = "demo_folder"


class OfflineError(SyncError):
    """No usable answer (unreachable, cut, timed out); `timeout` says it was slowness."""

    code = "offline"

    def __init__(self, message: str, *, timeout: bool = False):
        super().__init__(message)
        self.timeout = timeout


@dataclass
class Counters:
    requests: int = 0
    bytes_up: int = 0
    bytes_down: int = 0

    def snapshot(self) -> tuple[int, int, int]:
        return self.requests, self.bytes_up, self.bytes_down


def check_url(url: str, *, insecure: bool = False) -> str:
    """Return the normalised base URL; refuse plain http to a non-loopback host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"not a server URL: {url!r} (expected https://host[:port])")
    if parts.scheme == "http" and not insecure and not protocol.is_loopback(parts.hostname):
        raise InsecureURL(
            f"refusing plain http to {parts.hostname}: use https:// or pass --insecure")
    return url.strip().rstrip("/")


class _Retry(Retry):
    """urllib3 also retries a 413 or 429 that names a Retry-After, whatever the forcelist: a
    login locked out for minutes then hung 4 x 30 s. Those are said at once, not waited out."""

    RETRY_AFTER_STATUS_CODES = frozenset({503})


def make_retry(total: int = 4, backoff: float = 0.5, jitter: float = 0.5) -> Retry:
    return _Retry(total=total, connect=total, read=total, status=total, other=0,
                 allowed_methods=frozenset({"GET", "HEAD", "POST"}),
                 status_forcelist=RETRY_STATUSES, backoff_factor=backoff, backoff_max=30,
                 backoff_jitter=jitter, raise_on_status=False,
                 respect_retry_after_header=True, retry_after_max=30)


def _request_size(prep: requests.PreparedRequest) -> int:
    line = len(prep.method or "") + len(prep.path_url) + 12
    headers = sum(len(k) + len(str(v)) + 4 for k, v in prep.headers.items())
    body = len(prep.body or b"") if isinstance(prep.body, (bytes, str)) else 0
    return line + headers + 2 + body


def _body_sent(resp: requests.Response) -> int:
    """The answer's body as it crossed the wire (gzip when the server compressed it; an xz
    one is still as sent until _inflate_xz, and may be chunked: urllib3 does not count it)."""
    if _is_xz(resp):
        return len(resp.content)
    raw = resp.raw
    return raw.tell() if raw is not None and hasattr(raw, "tell") else len(resp.content)


def _response_size(resp: requests.Response) -> int:
    headers = sum(len(k) + len(v) + 4 for k, v in resp.headers.items())
    return 17 + len(resp.reason or "") + headers + 2 + _body_sent(resp)


def _server_code(resp: requests.Response) -> str | None:
    """The `detail.code` of an error answer ({"detail": {"code": …, "message": …}})."""
    try:
        detail = resp.json().get("detail")
    except (ValueError, AttributeError):
        return None
    code = detail.get("code") if isinstance(detail, dict) else None
    return code if isinstance(code, str) else None


def _is_xz(resp: requests.Response) -> bool:
    return resp.headers.get("Content-Encoding", "").strip().lower() == xz.ENCODING


def _inflate_xz(method: str, path: str, resp: requests.Response) -> None:
    """Decode an xz answer in place (bounded: MAX_ANSWER_BYTES); a broken one is a broken
    connection, like a truncated gzip answer."""
    if not _is_xz(resp):
        return
    try:
        resp._content = xz.inflate(resp.content, MAX_ANSWER_BYTES)  # what .json() reads
    except xz.TooLarge as exc:
        raise SyncError(f"{method} {path}: answer too large: {exc}") from exc
    except xz.BadXz as exc:
        raise OfflineError(f"{method} {path}: incomplete answer: {exc}") from exc


class SyncClient:
    """The central API as seen by the client. Counters accumulate over the client's life."""

    def __init__(self, base_url: str, *, token: str | None = None, insecure: bool = False,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, retry: Retry | None = None,
                 body_retries: int = 3, cacert: str | None = None):
        self.base_url = check_url(base_url, insecure=insecure)
        self.insecure = insecure  # plain http to a non-loopback server allowed (--insecure)
        self.cacert = cacert  # a CA file for the server's certificate (None: the system's)
        self.token = token
        self.device_id: str | None = None  # sent at login: a re-login replaces its token
        self.timeout = timeout
        self.body_retries = body_retries
        self.counters = Counters()
        self.last_body_raw = self.last_body_sent = 0  # sizes of the last JSON body sent
        self.last_answer_raw = self.last_answer_sent = 0  # the last answer's body: inflated, wire
        self.last_epoch: str | None = None  # named by the last push answer
        self.server_xz = False  # the server named xz among the request bodies it takes
        # what its last answer's X-Esep-Exchange header named (None: not seen, an older server)
        self.exchange_codings: str | None = None
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry if retry is not None else make_retry(),
                              pool_connections=1, pool_maxsize=2)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        if cacert:
            self.session.verify = cacert
        self.session.headers.update({
            protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION),
            "Accept-Encoding": xz.ACCEPT, "User-Agent": "esep-sync/1"})

    def get_if_served(self, path: str) -> Any:
        """GET `path`; None when the server has no such endpoint (an older server)."""
        try:
            return self.request("GET", path)
        except SyncError as exc:
            if exc.status == 404:
                return None
            raise

    # -- low level -------------------------------------------------------------------------
    def request(self, method: str, path: str, *, json_body: Any = None,
                params: dict | None = None, auth: bool = True,
                timeout: tuple[float, float] | None = None, xz_body: bool | None = None) -> Any:
        """Send one call (gzip or xz JSON body; `xz_body` None: xz once the server said it
        takes it), return the decoded JSON answer or raise SyncError."""
        headers = {}
        data = None
        if json_body is not None:
            raw = protocol.dumps(json_body)
            use_xz = (self.server_xz if xz_body is None else xz_body) and len(raw) >= xz.MIN_BYTES
            data = xz.compress(raw) if use_xz else protocol.gzip_json(json_body)
            self.last_body_raw = len(raw)
            self.last_body_sent = len(data)
            headers.update({"Content-Type": "application/json",
                            "Content-Encoding": xz.ENCODING if use_xz else "gzip"})
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        for attempt in range(self.body_retries + 1):
            try:
                resp = self._send(method, path, data, params, headers, timeout)
                break
            except BODY_ERRORS as exc:
                if attempt >= self.body_retries:
                    raise OfflineError(f"{method} {path}: connection broken: {exc}") from exc
                time.sleep(min(0.2 * 2 ** attempt, 2.0))
            except requests.exceptions.Timeout as exc:
                raise OfflineError(f"{method} {path}: timed out: {exc}", timeout=True) from exc
            except requests.exceptions.ConnectionError as exc:
                slow = isinstance(getattr(exc.args[0] if exc.args else None, "reason", None),
                                  ReadTimeoutError)
                raise OfflineError(f"{method} {path}: server unreachable: {exc}",
                                   timeout=slow) from exc
        return self._decode(method, path, resp)

    def _send(self, method, path, data, params, headers, timeout) -> requests.Response:
        req = requests.Request(method, self.base_url + path, data=data, params=params,
                               headers=headers)
        prep = self.session.prepare_request(req)
        size = _request_size(prep)
        self.counters.requests += 1
        self.counters.bytes_up += size
        resp = self.session.send(prep, timeout=timeout or self.timeout)
        _ = resp.content  # read the body now (raises BODY_ERRORS on a cut)
        retries = getattr(resp.raw, "retries", None)
        extra = len(retries.history) if retries is not None else 0
        self.counters.requests += extra  # attempts urllib3 retried, counted as fully sent
        self.counters.bytes_up += extra * size
        self.counters.bytes_down += _response_size(resp)
        self.last_answer_sent = _body_sent(resp)
        _inflate_xz(method, path, resp)
        self.last_answer_raw = len(resp.content)
        if xz.accepts(resp.headers.get("Accept-Encoding")):
            self.server_xz = True
        self.exchange_codings = resp.headers.get(protocol.EXCHANGE_HEADER)
        return resp

    @staticmethod
    def _decode(method: str, path: str, resp: requests.Response) -> Any:
        code = _server_code(resp) if resp.status_code >= 400 else None
        if resp.status_code == 401:
            raise AuthError(f"{method} {path}: not authorised (log in again)", status=401,
                            server_code=code)
        if resp.status_code == 426:
            raise UpgradeRequired(
                f"the server needs a newer Esep (schema {protocol.SCHEMA_VERSION} refused); "
                "local changes are kept", status=426, server_code=code)
        if resp.status_code >= 400:
            err = SyncError(f"{method} {path}: HTTP {resp.status_code}: {resp.text[:300]}",
                            status=resp.status_code, server_code=code)
            retry = resp.headers.get("Retry-After", "")
            err.retry_after = int(retry) if retry.isdigit() else None
            raise err
        if resp.status_code == 204:
            return None
        try:
            return resp.json()
        except ValueError as exc:  # empty or truncated body: the connection broke mid-answer
            raise OfflineError(f"{method} {path}: incomplete answer "
                               f"({len(resp.content)} bytes): {resp.text[:80]!r}") from exc

    # -- API calls -----------------------------------------------------------------------
    def healthz(self, timeout: float = 5.0) -> bool:
        """Cheap probe, no retries: True when the server answers."""
        try:
            resp = requests.get(self.base_url + "/healthz", timeout=(timeout, timeout),
                                verify=self.cacert or True,
                                headers={protocol.SCHEMA_HEADER: str(protocol.SCHEMA_VERSION)})
        except requests.exceptions.RequestException:
            return False
        return resp.status_code == 200

    def server_id(self) -> str | None:
        """The server's id from GET /healthz (None from a server that has none)."""
        answer = self.request("GET", "/healthz", auth=False)
        sid = answer.get("server_id") if isinstance(answer, dict) else None
        return sid if isinstance(sid, str) else None

    def login(self, username: str, password: str) -> dict:
        body = {"username": username, "password": password}
        if self.device_id:
            body["device_id"] = self.device_id
        answer = self.request("POST", protocol.API_PREFIX + "/auth/login", auth=False,
                              json_body=body)
        self.token = answer["token"]
        return answer

    def change_password(self, old: str, new: str) -> None:
        """Change the logged-in user's own password (also a reset one)."""
        self.request("POST", protocol.API_PREFIX + "/auth/password",
                     json_body={"old_password": old, "new_password": new})

    def logout(self) -> None:
        self.request("POST", protocol.API_PREFIX + "/auth/logout")
        self.token = None

    def me(self) -> dict:
        return self.request("GET", protocol.API_PREFIX + "/me")

    def orgunits(self) -> list[dict]:
        return self.request("GET", protocol.API_PREFIX + "/orgunits")

    def push(self, device_id: str, ops: list[dict],
             timeout: tuple[float, float] | None = None) -> list[dict]:
        body = {"device_id": device_id, "schema_version": protocol.SCHEMA_VERSION,
                "ops": [protocol.compact_op(op) for op in ops]}
        answer = self.request("POST", protocol.API_PREFIX + "/sync/push", json_body=body,
                              timeout=timeout)
        self.last_epoch = answer.get("epoch")  # the server's epoch (sync.engine)
        return protocol.expand_acks(answer["acks"], ops)

    def exchange(self, device_id: str, ops: list[dict], ask: dict, *, codings: str,
                 server_id: str | None = None) -> tuple[list[dict], dict]:
        """A push and the first pull page in one request (protocol: Exchange); `ask`: the
        pull's parameters (cursor, limit, max_bytes, wire_bytes, epoch), `codings`: what the
        server's X-Esep-Exchange header named. Returns (acks, page)."""
        pull_ask = {k: v for k, v in ask.items() if v is not None}
        if pull_ask.get("wire_bytes"):
            pull_ask["layout"] = pull_columns.LAYOUT
        body = {"device_id": device_id, "schema_version": protocol.SCHEMA_VERSION,
                "ops": [protocol.compact_op(op) for op in ops], "pull": pull_ask}
        if server_id:
            body["server_id"] = server_id
        answer = self.request("POST", protocol.API_PREFIX + "/sync/exchange", json_body=body,
                              xz_body=xz.accepts(codings))
        self.last_epoch = answer.get("epoch")
        page = _page_changes(answer["pull"], "POST /sync/exchange")
        return protocol.expand_acks(answer["acks"], ops), page

    def pull(self, cursor: int, *, limit: int = protocol.DEFAULT_PULL_LIMIT,
             max_bytes: int = protocol.DEFAULT_PULL_MAX_BYTES, epoch: str | None = None,
             wire_bytes: int | None = None) -> dict:
        """One pull page; `wire_bytes`: its budget in bytes on the wire (sync.pull_sizer),
        then asked as columns (sync.pull_columns; a server that does not know them sends
        rows)."""
        params: dict = {"cursor": cursor, "limit": limit, "max_bytes": max_bytes}
        if wire_bytes:
            params.update(wire_bytes=wire_bytes, layout=pull_columns.LAYOUT)
        if epoch:
            params["epoch"] = epoch
        page = self.request("GET", protocol.API_PREFIX + "/sync/pull", params=params)
        return _page_changes(page, "GET /sync/pull")

    def close(self) -> None:
        self.session.close()


def _page_changes(page, what: str):
    """A pull page's changes as rows: unpacked from columns when the server sent them
    (sync.pull_columns), each expanded from its compact keys (sync.protocol)."""
    if isinstance(page, dict) and pull_columns.LAYOUT in page:
        try:
            page["changes"] = pull_columns.unpack(page.pop(pull_columns.LAYOUT))
        except pull_columns.BadColumns as exc:
            raise SyncError(f"{what}: {exc}") from exc
    if isinstance(page, dict) and isinstance(page.get("changes"), list):
        page["changes"] = [protocol.expand_change(c) for c in page["changes"]]
    return page
