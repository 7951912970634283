"""Acceptance (issue 14): Debian's nginx, with the site of deploy/nginx-esep.conf and a
self-signed certificate, in front of `esep server --workers 2` on PostgreSQL; a client syncs
through it with `--cacert`, and the server's log shows the client's forwarded address.

nginx connects to the server from 127.0.0.2 (proxy_bind), the one trusted proxy here, so an
address 127.0.0.1 in the server's log can only come from X-Forwarded-For. Skipped only when
nginx is not installed (.ci/run installs it).
"""
from __future__ import annotations

import datetime
import getpass
import ipaddress
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from server_fixtures import PASSWORD, make_pg_database, monthly_report, seed_world
from test_server_cli import _free_port
from test_server_ops import _wait

from store import open_store

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                  else None)
pytestmark = [pytest.mark.pg,
              pytest.mark.skipif(NGINX is None, reason="nginx is not installed")]


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return cert_file, key_file


def _nginx_conf(folder: Path, tls_port: int, http_port: int, backend: int,
                body_limit: str = "32m") -> Path:
    """The shipped site, pointed at this test's ports, certificate and backend (and, to see
    an operator's mistake, another client_max_body_size)."""
    site = (ROOT / "deploy" / "nginx-esep.conf").read_text(encoding="utf-8")
    assert "client_max_body_size 32m;" in site
    site = site.replace("client_max_body_size 32m;", f"client_max_body_size {body_limit};")
    cert, key = _self_signed(folder)
    site = (site.replace("listen [::]:80;\n", "").replace("listen [::]:443 ssl http2;\n", "")
            .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
            .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{tls_port} ssl http2;")
            .replace("/etc/ssl/esep/fullchain.pem", str(cert))
            .replace("/etc/ssl/esep/privkey.pem", str(key))
            .replace("proxy_pass http://127.0.0.1:8000;",
                     f"proxy_pass http://127.0.0.1:{backend};\n        proxy_bind 127.0.0.2;"))
    assert str(backend) in site and str(tls_port) in site
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    temp = "".join(f"    {d}_temp_path {folder / d};\n"
                   for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = folder / "nginx.conf"
    conf.write_text(f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
                    f"error_log {folder / 'error.log'} warn;\nevents {{}}\nhttp {{\n"
                    f"    access_log {folder / 'access.log'};\n{temp}{site}\n}}\n",
                    encoding="utf-8")
    return conf


def _esep(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(data), *args],
                          cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120,
                          check=False)


def test_sync_through_nginx_with_tls_shows_the_forwarded_address(pg_url, tmp_path):
    with make_pg_database(pg_url) as url:
        backend, tls_port = _free_port(), _free_port()
        env = dict(os.environ, ESEP_SERVER_DB=url, ESEP_TRUSTED_PROXIES="127.0.0.2")
        with open(tmp_path / "server.log", "wb") as log:
            server = subprocess.Popen([sys.executable, "main.py", "server", "--port",
                                       str(backend), "--workers", "2"], cwd=ROOT, env=env,
                                      stdout=log, stderr=subprocess.STDOUT)
            try:
                _through_nginx(url, tmp_path, backend, tls_port, server)
            finally:
                server.terminate()
                server.wait(timeout=60)
    lines = (tmp_path / "server.log").read_text(errors="replace").splitlines()
    pulls = [x for x in lines if "/api/v1/sync/pull" in x]
    assert pulls, "\n".join(lines[-40:])
    assert any("127.0.0.1" in x for x in pulls[:-1]), pulls  # the client, forwarded
    assert not any("127.0.0.2" in x for x in pulls), pulls  # never the proxy's own address
    assert "203.0.113.9" not in pulls[-1] and "127.0.0.1" in pulls[-1]


def _through_nginx(url: str, tmp_path: Path, backend: int, tls_port: int, server) -> None:
    _wait(f"http://127.0.0.1:{backend}", server)
    seed_world(url)
    conf = _nginx_conf(tmp_path, tls_port, _free_port(), backend)
    nginx = subprocess.Popen([NGINX or "nginx", "-p", str(tmp_path), "-c", str(conf), "-g",
                              "daemon off;"], stderr=subprocess.PIPE)
    try:
        _wait_tls(f"https://127.0.0.1:{tls_port}", tmp_path / "cert.pem", nginx)
        _sync_a_record(tmp_path, f"https://127.0.0.1:{tls_port}")
        # a direct request naming a forged address: not a trusted proxy, not believed
        requests.get(f"http://127.0.0.1:{backend}/api/v1/sync/pull", timeout=10,
                     headers={"X-Forwarded-For": "203.0.113.9"})
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


def _wait_tls(url: str, cacert: Path, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.communicate(timeout=10)[1].decode()[-3000:])
        try:
            if requests.get(url + "/healthz", timeout=2, verify=str(cacert)).ok:
                return
        except requests.exceptions.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"nginx did not answer on {url}")


def _sync_a_record(tmp_path: Path, url: str) -> None:
    data = tmp_path / "district"
    with open_store(data / "esep.sqlite3", user="d1") as store:
        rec = store.save_record(monthly_report("SHY-ABAY", "2024-03"), user="d1")
    cacert = str(tmp_path / "cert.pem")
    refused = _esep(data, "sync", "--server", url, "--user", "d1", "--password-stdin",
                    stdin=PASSWORD + "\n")  # without --cacert: the certificate is unknown
    assert refused.returncode == 1 and "сертификат" in (refused.stdout + refused.stderr)
    first = _esep(data, "sync", "--server", url, "--user", "d1", "--password-stdin",
                  "--cacert", cacert, stdin=PASSWORD + "\n")
    assert first.returncode == 0, first.stdout + first.stderr
    summary = json.loads(first.stdout.strip().splitlines()[-1])
    assert summary["pushed"] == 1, summary
    again = _esep(data, "sync", "--server", url, "--user", "d1", "--password-stdin",
                  "--cacert", cacert, stdin=PASSWORD + "\n")
    assert again.returncode == 0 and json.loads(again.stdout.splitlines()[-1])["pushed"] == 0
    with open_store(data / "esep.sqlite3", user="d1") as store:
        assert store.get_record(rec["id"])["version"] == 1


def test_a_proxy_body_limit_too_small_is_said_and_login_again_needs_no_url(pg_url, tmp_path):
    """The sample site keeps /metrics from the internet. An operator's nginx with
    client_max_body_size 1k: the district's push is refused with
    what the administrator must change, nothing is lost; after reset-password, `esep passwd`
    and `esep login` without --server, --user or --cacert (as a refused token's message says)
    use the last login's server and certificate."""
    with make_pg_database(pg_url) as url:
        backend, tls_port = _free_port(), _free_port()
        env = dict(os.environ, ESEP_SERVER_DB=url)
        server = subprocess.Popen([sys.executable, "main.py", "server", "--port", str(backend)],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        try:
            _wait(f"http://127.0.0.1:{backend}", server)
            seed_world(url)
            conf = _nginx_conf(tmp_path, tls_port, _free_port(), backend, body_limit="1k")
            nginx = subprocess.Popen([NGINX or "nginx", "-p", str(tmp_path), "-c", str(conf),
                                      "-g", "daemon off;"], stderr=subprocess.PIPE)
            try:
                _wait_tls(f"https://127.0.0.1:{tls_port}", tmp_path / "cert.pem", nginx)
                tls = f"https://127.0.0.1:{tls_port}"
                cert = str(tmp_path / "cert.pem")
                assert requests.get(tls + "/metrics", verify=cert, timeout=10).status_code == 403
                assert requests.get(f"http://127.0.0.1:{backend}/metrics", timeout=10).ok
                _too_large_then_login_again(tmp_path, tls, url)
            finally:
                nginx.terminate()
                nginx.wait(timeout=30)
        finally:
            server.terminate()
            server.wait(timeout=60)


def _too_large_then_login_again(tmp_path: Path, url: str, db_url: str) -> None:
    data = tmp_path / "district"
    login = _esep(data, "login", "--server", url, "--user", "d1", "--password-stdin",
                  "--cacert", str(tmp_path / "cert.pem"), "--keep-token-in-file",
                  stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    with open_store(data / "esep.sqlite3", user="d1") as store:
        ids = [store.save_record(monthly_report("SHY-ABAY", f"{2000 + n // 12}-{n % 12 + 1:02d}"),
                                 user="d1")["id"] for n in range(60)]
    refused = _esep(data, "sync")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "HTTP 413" in refused.stderr and "client_max_body_size 32m" in refused.stderr
    assert "Traceback" not in refused.stderr
    with open_store(data / "esep.sqlite3", user="d1") as store:
        assert all(store.get_record(i)["version"] is None for i in ids)  # kept, to send later
    reset = subprocess.run([sys.executable, "main.py", "server", "admin", "reset-password",
                            "--db", db_url, "--user", "d1"], cwd=ROOT, capture_output=True,
                           text=True, timeout=120, check=False)
    assert reset.returncode == 0, reset.stderr
    one_time = json.loads(reset.stdout)["password"]
    changed = _esep(data, "passwd", "--password-stdin", stdin=f"{one_time}\nnew-pass-word-2\n")
    assert changed.returncode == 0, changed.stderr
    again = _esep(data, "login", "--keep-token-in-file", "--password-stdin",
                  stdin="new-pass-word-2\n")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout.splitlines()[-1])["server"] == url
