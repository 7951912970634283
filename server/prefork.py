"""`esep server --workers N` (N > 1) on POSIX: gunicorn forks the workers from one process
that has built the app, so they share its memory (the imported code, the parsed forms)
instead of each importing and building it again, as uvicorn's own supervisor has them do
(it spawns fresh interpreters: 2 workers 294 MB resident, forked 165 MB counting each shared
page once; bench_server). Each worker serves the app with uvicorn (uvloop, httptools) as a
single `esep server` does; the supervisor restarts a worker that dies. Its own log lines are
JSON like the requests' (server.obs)."""
from __future__ import annotations

import gc
import logging
from typing import ClassVar

from gunicorn.app.base import BaseApplication
from uvicorn_worker import UvicornWorker


class EsepWorker(UvicornWorker):
    """uvicorn in a forked worker; X-Forwarded-* ignored (no trusted proxy configured)."""
    CONFIG_KWARGS: ClassVar[dict] = {"loop": "auto", "http": "auto", "proxy_headers": False}


class EsepProxiedWorker(EsepWorker):
    """X-Forwarded-* taken from the trusted proxies (gunicorn's forwarded_allow_ips)."""
    CONFIG_KWARGS: ClassVar[dict] = dict(EsepWorker.CONFIG_KWARGS, proxy_headers=True)


class _Prefork(BaseApplication):
    def __init__(self, app, options: dict):
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def _post_fork(_server, worker) -> None:
    """A forked worker opens its own database connections: none crosses the fork."""
    worker.app.application.state.engine.dispose(close=False)


def _child_exit(_server, worker) -> None:
    """A worker that has gone leaves /metrics (prometheus_client's multiprocess mode)."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


class QuietShutdown(logging.Filter):
    """Drops the two lines every normal stop of a uvicorn worker under gunicorn 23 writes
    (gunicorn issues 1877 and 3013): the worker's listening socket, already closed by uvicorn,
    closed again; and its SIGTERM, sent by the supervisor itself, logged as an error."""
    NOISE = ("Error while closing socket", "was sent SIGTERM!")

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        return not any(n in msg for n in self.NOISE)


_LOGS = {  # gunicorn's and uvicorn's own lines as JSON on stderr, as the request log's
    "version": 1, "disable_existing_loggers": False,
    "formatters": {"json": {"()": "server.obs.JsonFormatter"}},
    "filters": {"quiet": {"()": "server.prefork.QuietShutdown"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                            "filters": ["quiet"], "stream": "ext://sys.stderr"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {"gunicorn.error": {"handlers": ["stderr"], "level": "INFO",
                                   "propagate": False}},
}


def serve(app, host: str, port: int, workers: int, trusted_proxies: list[str]) -> None:
    """Run `app` in `workers` forked processes until the supervisor is stopped (SIGTERM,
    SIGINT: the workers finish their requests first)."""
    app.state.engine.dispose()  # the factory's connections stay out of the workers
    gc.collect()
    gc.freeze()  # a worker's collector never writes to the pages it shares
    _Prefork(app, {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}", "workers": workers,
        "worker_class": EsepProxiedWorker if trusted_proxies else EsepWorker,
        "forwarded_allow_ips": ",".join(trusted_proxies) or "127.0.0.1",
        "accesslog": None, "logconfig_dict": _LOGS, "proc_name": "esep-server",
        "post_fork": _post_fork, "child_exit": _child_exit,
        "graceful_timeout": 30, "timeout": 120,
    }).run()
