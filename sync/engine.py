"""The client sync engine: pull pages, push the outbox in adaptive batches, report a summary.

Order of one sync: (reference data only when missing) -> pull every page -> (the hourly-rate
table, only when the pull's `rates_version` changed: sync/rates.py; the published forms and
enumerations, only when its `forms_version` changed: sync/definitions.py) -> push every batch ->
move the cursor over our own contiguous writes (their echo is not downloaded again). With
ops to push and a server that takes it, the first page and the first batch go in ONE request
(POST /sync/exchange, `_push_first`); a no-op sync is ONE small pull that returns nothing.

A pull page or push answer naming a new server epoch (the server was restored, server/epoch.py)
starts over: cursor 0 and every synced copy queued (store/sync_epoch.py); the re-pull drops
from the queue what the server still holds, the rest is re-sent (`resend_copies`) before the
outbox, and the own-writes fast-forward is skipped for that push.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field

from store import published, sync_epoch, sync_state
from store.settings import DEMO_KEY
from sync import exchange, protocol, pull_sizer, sync_log
from sync.definitions import refresh_definitions
from sync.pull_sizer import MIN_PULL, PullSizer
from sync.push_sizer import MAX_BATCH, MIN_BATCH, START_BATCH, BatchSizer  # noqa: F401
from sync.rates import refresh_rates
from sync.transport import DemoFolder, OfflineError, SyncClient, SyncError

ME_KEY = "sync.me"
BATCH_KEY = "sync.batch_bytes"


class Cancelled(SyncError):
    code = "sync_cancelled"


@dataclass
class SyncSummary:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    # published definitions this engine is too old for: {kind, name, version, requires_engine}
    forms_held: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The summary as JSON; `forms_held` only when there is one (the usual shape stays)."""
        out = asdict(self)
        if not out["forms_held"]:
            del out["forms_held"]
        return out

    @property
    def needs_person(self) -> bool:
        return bool(self.conflicts or self.rejected)


def _check_cancel(cancel) -> None:
    if cancel is None:
        return
    flag = cancel.is_set() if hasattr(cancel, "is_set") else cancel()
    if flag:
        raise Cancelled("sync cancelled; what was already applied is kept")


def _report(progress, stage: str, done: int, total: int | None) -> None:
    if progress is not None:
        progress(stage, done, total)


def refresh_reference(store, client: SyncClient) -> dict:
    """Fetch `me` and the org units in scope; store them (settings + org_units)."""
    me = client.me()
    store.set_setting(ME_KEY, json.dumps(me, ensure_ascii=False))
    units = client.orgunits()
    store.upsert_org_units(units)
    exchange.remember(store, client)  # `esep login`: the first sync may be one request
    return me


def _reference_missing(store) -> bool:
    if store.get_setting(ME_KEY) is None:
        return True
    return store.db.execute("SELECT count(*) FROM org_units").fetchone()[0] == 0


class OtherServerError(SyncError):
    code = "other_server"


SERVER_ID_KEY = "sync.server_id"


def check_server(store, server_id, url: str) -> None:
    """A data folder syncs with ONE server: its cursor and versions mean nothing on another
    (changes below the cursor would be skipped without a word). The first server that names
    itself is remembered; another one is refused before anything is applied or pushed."""
    if not isinstance(server_id, str) or not server_id:
        return  # a server from before server ids: nothing to compare
    known = store.get_setting(SERVER_ID_KEY)
    if known is None:
        store.set_setting(SERVER_ID_KEY, server_id)
    elif known != server_id:
        raise OtherServerError(
            f"{url} is another server than the one this data folder syncs with: its records "
            "would be mixed with theirs and some skipped. Use a new data folder for it "
            "(esep --data-dir DIR, or Settings -> Data folder in the app)")


def _pull_page(client: SyncClient, sizer: PullSizer, cursor: int, epoch) -> dict:
    """One page at the sizer's budget; it learns the link from the answer. A timed-out
    page halves the budget and is asked again (four times at most in a row)."""
    for attempt in range(5):
        start = time.monotonic()
        try:
            page = client.pull(cursor, epoch=epoch, **sizer.params())
        except OfflineError as exc:
            if not exc.timeout or attempt == 4 or sizer.target <= MIN_PULL:
                raise
            sizer.shrink()
            continue
        sizer.learn(client.last_answer_raw, client.last_answer_sent,
                    time.monotonic() - start, bool(page.get("has_more")))
        return page
    raise AssertionError("unreachable")


def _apply_page(store, page: dict, totals: dict, meta: dict | None) -> None:
    if meta is not None:
        meta["rates_version"] = page.get("rates_version")
        meta["forms_version"] = page.get("forms_version")
    counts = sync_state.apply_pulled(store, page.get("changes") or [], page["next_cursor"])
    sync_epoch.settle(store, page.get("changes") or [])
    for key, value in counts.items():
        totals[key] += value


def pull_changes(store, client: SyncClient, *, progress=None, cancel=None,
                 meta: dict | None = None, sizer: PullSizer | None = None) -> dict[str, int]:
    """Pull every page after the cursor; each page and its cursor in one transaction, in
    order. While a page is applied the next one is already asked for (one in flight at most,
    only the HTTP request runs in the other thread): a cut loses at most that page.
    `meta` (optional) receives the last page's `rates_version` and `forms_version`."""
    totals = {"applied": 0, "skipped": 0, "conflict": 0}
    sizer = sizer or PullSizer()
    cursor = sync_state.get_cursor(store)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="esep-pull")
    ahead = None
    try:
        while True:
            _check_cancel(cancel)
            page = (ahead.result() if ahead is not None else
                    _pull_page(client, sizer, cursor, sync_epoch.get_epoch(store)))
            ahead = None
            check_server(store, page.get("server_id"), client.base_url)
            if sync_epoch.is_new(store, page.get("epoch")):
                sync_epoch.start_over(store, page["epoch"])
                cursor = 0
                continue
            more = bool(page.get("has_more")) and page["next_cursor"] != cursor
            if more:
                ahead = pool.submit(_pull_page, client, sizer, page["next_cursor"],
                                    sync_epoch.get_epoch(store))
            _apply_page(store, page, totals, meta)
            _report(progress, "pull", totals["applied"], None)
            if not more:
                return totals
            cursor = page["next_cursor"]
    finally:  # an error or a cancel: a page still in flight is dropped, not waited for
        pool.shutdown(wait=ahead is None, cancel_futures=True)


def _push_batch(store, client, sizer: BatchSizer, batch: list[dict]) -> list[dict]:
    sync_state.mark_inflight(store, [op["op_seq"] for op in batch])
    try:
        acks = client.push(store.device_id, batch)
    finally:  # the body was compressed before sending: learn its ratio even on a timeout
        sizer.learn(client.last_body_raw, client.last_body_sent)
    return _check_acks(batch, acks)


def _check_acks(batch: list[dict], acks: list[dict]) -> list[dict]:
    got = {a.get("op_seq") for a in acks}
    missing = [op["op_seq"] for op in batch if op["op_seq"] not in got]
    if missing:
        raise SyncError(f"server answered {len(acks)} acks for {len(batch)} ops "
                        f"(missing op_seq {missing[:5]})")
    return acks


def _own_seqs(acks: list[dict]) -> list[int]:
    """The change_seqs of our own writes a batch's acks name."""
    return [a["change_seq"] for a in acks if a.get("change_seq") is not None
            and a.get("status") in (protocol.ACK_APPLIED, protocol.ACK_DUPLICATE)]


def push_changes(store, client: SyncClient, *, sizer: BatchSizer | None = None,
                 progress=None, cancel=None,
                 only_inflight: bool = False) -> tuple[dict[str, int], list[int]]:
    """Push the outbox in batches of ~sizer.target compressed bytes. Returns the ack counts
    and the change_seq of our own writes. only_inflight: replay the unacknowledged ops only."""
    sizer = sizer or BatchSizer()
    totals = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    own_seqs: list[int] = []
    total = sync_state.outbox_count(store)
    timeouts = 0
    while True:
        _check_cancel(cancel)
        ops = sync_state.pending_ops(store, max_ops=4000, only_inflight=only_inflight)
        if not ops:
            return totals, own_seqs
        batch = sizer.take(ops)
        try:
            acks = _push_batch(store, client, sizer, batch)
        except OfflineError as exc:
            timeouts += 1
            if not exc.timeout or len(batch) == 1 or timeouts > 4:
                raise
            sizer.shrink()
            continue
        sizer.grow()
        timeouts = 0  # only consecutive timeouts give up
        for key, value in sync_state.apply_acks(store, acks, batch).items():
            totals[key] += value
        own_seqs += _own_seqs(acks)
        _report(progress, "push", sum(totals.values()), total)


def resend_copies(store, client: SyncClient, sizer: BatchSizer, cancel=None) -> list[int]:
    """Re-send the synced copies queued by a new epoch (store/sync_epoch.py); returns the
    change_seqs the server gave them. Each batch leaves the queue once answered."""
    own: list[int] = []
    while True:
        _check_cancel(cancel)
        ops = sync_epoch.resend_ops(store, max_ops=4000)
        if not ops:
            return own
        batch = sizer.take(ops)
        acks = client.push(store.device_id, batch)
        own += [a["change_seq"] for a in acks if a.get("change_seq") is not None
                and a.get("status") == protocol.ACK_APPLIED]
        sync_epoch.resend_done(store, [op["op_seq"] for op in batch])


def _load_sizer(store) -> BatchSizer:
    saved = store.get_setting(BATCH_KEY)
    try:
        return BatchSizer(target=max(MIN_BATCH, min(MAX_BATCH, int(saved))))
    except (TypeError, ValueError):
        return BatchSizer()


def _push_first(store, client: SyncClient, sizer: BatchSizer, pulls: PullSizer, meta: dict,
                tally: dict, progress=None) -> bool:
    """The first push batch and the first pull page in ONE request when the server takes it
    (sync/exchange.py): the server reads the page, then applies the batch, so the page is
    applied first and the acks right after it (before a further page could bring their echo).
    True: a pull must follow (no exchange made, or the page has_more). A refusal (another
    server or epoch, no route) leaves it to the two-step sync. `tally`: counts, own seqs."""
    codings = exchange.codings(store, client)
    if codings is None or sync_epoch.resend_count(store):
        return True
    ops = sync_state.pending_ops(store, max_ops=4000)
    if not ops:
        return True
    batch = sizer.take(ops)
    ask = {"cursor": sync_state.get_cursor(store), "epoch": sync_epoch.get_epoch(store),
           **pulls.params()}
    sync_state.mark_inflight(store, [op["op_seq"] for op in batch])
    _report(progress, "push", 0, len(ops))
    try:
        acks, page = client.exchange(store.device_id, batch, ask, codings=codings,
                                     server_id=store.get_setting(SERVER_ID_KEY))
    except OfflineError as exc:
        if not exc.timeout:
            raise
        sizer.shrink()  # the ack may be lost: the ledger answers the replay before a pull
        _add(tally, "pushed", push_changes(store, client, sizer=sizer, only_inflight=True))
        return True
    except SyncError as exc:
        if exc.status in (404, 405):
            exchange.refuse(store, client)
        elif exc.server_code not in ("other_server", "epoch_changed"):
            raise
        return True
    finally:  # the body was compressed before sending: learn its ratio even on a timeout
        sizer.learn(client.last_body_raw, client.last_body_sent)
    check_server(store, page.get("server_id"), client.base_url)
    sync_epoch.is_new(store, page.get("epoch"))  # the first epoch seen is remembered
    _apply_page(store, page, tally["pulled"], meta)
    counts = sync_state.apply_acks(store, _check_acks(batch, acks), batch)
    _add(tally, "pushed", (counts, _own_seqs(acks)))
    sizer.grow()
    return bool(page.get("has_more"))


def _add(tally: dict, key: str, got: tuple[dict, list]) -> None:
    for name, value in got[0].items():
        tally[key][name] += value
    tally["own"] += got[1]


def _exchange(store, client: SyncClient, summary: SyncSummary, sizer: BatchSizer, progress,
              cancel) -> None:
    """(Push + pull in one request,) pull, re-send (after a new epoch), push; once more when
    a push answer names a new epoch (its cursor and change_seqs belong to another history:
    no fast-forward then)."""
    for attempt in range(2):
        client.last_epoch = None
        meta: dict = {}
        tally: dict = {"pulled": {"applied": 0, "skipped": 0, "conflict": 0}, "own": [],
                 "pushed": {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}}
        pulls = pull_sizer.load(store)
        try:
            _check_cancel(cancel)
            if attempt or _push_first(store, client, sizer, pulls, meta, tally, progress):
                _add(tally, "pulled", (pull_changes(store, client, progress=progress,
                                                    cancel=cancel, meta=meta, sizer=pulls), []))
        finally:  # what the pages taught about the link, also when one failed
            pull_sizer.save(store, pulls)
        refresh_rates(store, client, meta.get("rates_version"))
        refresh_definitions(store, client, meta.get("forms_version"))
        tally["own"] += resend_copies(store, client, sizer, cancel)
        _add(tally, "pushed", push_changes(store, client, sizer=sizer, progress=progress,
                                           cancel=cancel))
        summary.pushed += sum(tally["pushed"][k] for k in ("applied", "duplicate"))
        summary.pulled += tally["pulled"]["applied"]
        if not sync_epoch.is_new(store, client.last_epoch):
            break
    store.set_setting(BATCH_KEY, str(sizer.target))
    if tally["own"] and not sync_epoch.is_new(store, client.last_epoch):
        sync_state.fast_forward(store, tally["own"])


def sync_once(store, client: SyncClient, progress: Callable | None = None,
              cancel=None) -> SyncSummary:
    """One full sync. Raises SyncError (AuthError, UpgradeRequired, OfflineError, Cancelled);
    whatever was applied before the error stays applied and the queue is kept."""
    if store.get_setting(DEMO_KEY):
        raise DemoFolder("this data folder holds esep demo's synthetic records; they are "
                         "never sent: sync from a data folder of its own (--data-dir)")
    before = client.counters.snapshot()
    log_id = sync_log.start(store)
    summary = SyncSummary()
    try:
        if _reference_missing(store):
            refresh_reference(store, client)
        sizer = _load_sizer(store)
        # ops whose ack was lost go first: the ledger answers them before a pull could
        # mistake their echo for somebody else's change (to the server they went to: asked
        # first, as no pull has named it yet)
        if sync_state.pending_ops(store, max_ops=1, only_inflight=True):
            check_server(store, client.server_id(), client.base_url)
        replayed, _ = push_changes(store, client, sizer=sizer, cancel=cancel,
                                   only_inflight=True)
        _exchange(store, client, summary, sizer, progress, cancel)
        summary.pushed += sum(replayed[k] for k in ("applied", "duplicate"))
    except SyncError as exc:
        _fill(summary, store, client, before)
        sync_log.end(store, log_id, "cancelled" if isinstance(exc, Cancelled) else "failed", summary,
                 exc)
        raise
    exchange.remember(store, client)
    _fill(summary, store, client, before)
    sync_log.end(store, log_id, "conflicts" if summary.needs_person else "ok", summary)
    return summary


def _fill(summary: SyncSummary, store, client: SyncClient, before) -> None:
    summary.conflicts = len(sync_state.conflicts(store))
    summary.rejected = len(sync_state.parked(store))
    summary.forms_held = [{"kind": e.kind, "name": e.name, "version": e.version,
                           "requires_engine": e.requires_engine}
                          for e in published.held_back(store)]
    req, up, down = client.counters.snapshot()
    summary.requests = req - before[0]
    summary.bytes_up = up - before[1]
    summary.bytes_down = down - before[2]
