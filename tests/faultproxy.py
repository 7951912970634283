"""A loopback TCP fault proxy (asyncio, in a background thread) for sync tests and benches.

    proxy = FaultProxy("127.0.0.1", server_port).start()
    url = proxy.url                      # http://127.0.0.1:<proxy port>
    proxy.rate = 250_000 / 8             # bytes per second, each way (None = unlimited)
    proxy.delay = 0.25                   # one-way delay in seconds
    proxy.cut_after(1000, "up")          # next connection bytes: close after 1000 bytes up
    proxy.drop_next_response()           # forward the request, swallow the answer, close
    proxy.bytes_up, proxy.bytes_down     # bytes delivered to the server / to the client
    proxy.offline = True                 # refuse every connection (the line is down)
    proxy.captured_up                    # bytes sent upstream, kept when capture=True

A cut or a drop is one-shot: it hits the first connection that reaches it, then disarms.
"""
from __future__ import annotations

import asyncio
import threading
import time

CHUNK = 1460


class FaultProxy:
    def __init__(self, target_host: str, target_port: int, *, rate: float | None = None,
                 delay: float = 0.0, capture: bool = False):
        self.target = (target_host, target_port)
        self._offline = False
        self._live: set = set()  # writers of open connections (event loop thread only)
        self.capture = capture
        self.captured_up = bytearray()
        self.rate = rate
        self.delay = delay
        self.bytes_up = 0
        self.bytes_down = 0
        self.connections = 0
        self.cuts = 0
        self.drops = 0
        self._cut: dict[str, int | None] = {"up": None, "down": None}
        self._drop = False
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="faultproxy")
        self._server = None
        self.port = 0

    # -- control (any thread) --------------------------------------------------------------
    def start(self) -> FaultProxy:
        self._thread.start()
        fut = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        self.port = fut.result(timeout=10)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_after(self, nbytes: int, direction: str = "up") -> None:
        with self._lock:
            self._cut[direction] = nbytes

    def drop_next_response(self) -> None:
        with self._lock:
            self._drop = True

    @property
    def offline(self) -> bool:
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        """Going offline also breaks the connections already open (keep-alive ones too)."""
        self._offline = bool(value)
        if value:
            def _abort_all():
                for w in list(self._live):
                    w.transport.abort()
            self._loop.call_soon_threadsafe(_abort_all)

    def disarm(self) -> None:
        with self._lock:
            self._cut = {"up": None, "down": None}
            self._drop = False

    @property
    def armed(self) -> bool:
        with self._lock:
            return self._drop or any(v is not None for v in self._cut.values())

    def reset_counters(self) -> None:
        self.bytes_up = self.bytes_down = self.connections = 0

    def stop(self) -> None:
        async def _close():
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            asyncio.run_coroutine_threadsafe(_close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- the proxy (event loop thread) -----------------------------------------------------
    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def _handle(self, c_reader, c_writer) -> None:
        self.connections += 1
        if self.offline:
            c_writer.transport.abort()
            return
        try:
            s_reader, s_writer = await asyncio.open_connection(*self.target)
        except OSError:
            c_writer.transport.abort()
            return
        writers = (c_writer, s_writer)
        self._live.update(writers)
        try:
            await asyncio.gather(self._pipe(c_reader, s_writer, "up", writers),
                                 self._pipe(s_reader, c_writer, "down", writers))
        except asyncio.CancelledError:  # the proxy is stopping
            pass
        for w in writers:
            w.transport.abort()
            self._live.discard(w)

    def _take_cut(self, direction: str, n: int) -> int | None:
        """Bytes of this chunk still allowed before an armed cut; None = no cut due."""
        with self._lock:
            left = self._cut[direction]
            if left is None:
                return None
            if n < left:
                self._cut[direction] = left - n
                return None
            self._cut[direction] = None
            self.cuts += 1
            return left

    def _take_drop(self) -> bool:
        with self._lock:
            drop, self._drop = self._drop, False
            if drop:
                self.drops += 1
            return drop

    async def _pipe(self, reader, writer, direction: str, writers) -> None:
        queue: asyncio.Queue = asyncio.Queue()
        sender = asyncio.ensure_future(self._deliver(queue, writer, direction, writers))
        free_at = time.monotonic()
        try:
            while True:
                data = await reader.read(CHUNK)
                if not data:
                    break
                if direction == "down" and self._take_drop():
                    queue.put_nowait((0.0, None))  # swallow the answer, close both sides
                    break
                allowed = self._take_cut(direction, len(data))
                if allowed is not None:
                    data = data[:allowed]
                now = time.monotonic()
                free_at = max(now, free_at) + (len(data) / self.rate if self.rate else 0)
                queue.put_nowait((free_at + self.delay, data))
                if allowed is not None:
                    queue.put_nowait((free_at + self.delay, None))
                    break
        except (ConnectionError, OSError):
            pass
        finally:
            queue.put_nowait((0.0, b""))
            await sender

    async def _deliver(self, queue, writer, direction: str, writers) -> None:
        while True:
            at, data = await queue.get()
            wait = at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:  # a fault: abort both connections
                for w in writers:
                    w.transport.abort()
                return
            if data == b"":  # clean end of this direction
                if writer.can_write_eof() and not writer.is_closing():
                    try:
                        writer.write_eof()
                    except OSError:
                        pass
                return
            if writer.is_closing():
                continue
            writer.write(data)
            if direction == "up":
                self.bytes_up += len(data)
                if self.capture:
                    self.captured_up += data
            else:
                self.bytes_down += len(data)
            try:
                await writer.drain()
            except (ConnectionError, OSError):
                return
