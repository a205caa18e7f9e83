"""The six hosts and what runs on them, started as the deploy/ README lays them out:

    data     10.77.0.2   PostgreSQL (its own cluster in a temp dir) and Redis
    front    10.77.0.5   nginx, upstream app1 + app2 (config derived from deploy/nginx.conf)
    app1/2   10.77.0.11/12  gunicorn nablalab.web.wsgi, the same SECRET_KEY
    worker1/2 10.77.0.21/22 nablalab worker (grading in bubblewrap)

Plus the operations the faults need: kill and restart an app server or a worker host,
restart PostgreSQL, cut the data host off the network and reconnect it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
import redis
import requests

from bench.multihost import nginx_conf
from bench.multihost.cpu import CpuGroups
from bench.multihost.network import PREFIX, Network
from bench.multihost.processes import Launcher, Service, StartError

HOSTS = {"data": 2, "front": 5, "app1": 11, "app2": 12, "worker1": 21, "worker2": 22}
APPS = ("app1", "app2")
WORKERS = ("worker1", "worker2")
APP_PORT = 8000
DB_NAME = DB_USER = DB_PASSWORD = "nablalab"
READY_SECONDS = 120
# What the hosts run beyond the Python packages; installed on first use (a new machine).
DEBIAN_PACKAGES = ("nginx", "postgresql", "redis-server", "bubblewrap")
ENSURE_PACKAGES = Path(__file__).resolve().parents[2] / "scripts" / "ensure-debian-packages.sh"


@dataclass(frozen=True)
class Options:
    app_workers: int = 2  # gunicorn processes per app host
    grading_threads: int = 2  # submissions graded at once per worker host
    lease_seconds: float = 30.0  # a grading claim's lease (the deployment default)


def ensure_packages() -> None:
    subprocess.run(["bash", str(ENSURE_PACKAGES), *DEBIAN_PACKAGES], check=True)


def postgres_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda path: int(path.parts[-3]))
    if not versions:
        raise StartError("PostgreSQL is not installed (apt-get install postgresql)")
    return versions[-1].parent


class Cluster:
    def __init__(self, folder: Path, options: Options) -> None:
        self.folder = folder
        self.options = options
        self.network = Network(HOSTS)
        (folder / "logs").mkdir(parents=True, exist_ok=True)
        self.cpu = CpuGroups(list(HOSTS), PREFIX)
        self.launcher = Launcher(folder / "logs", self.cpu)
        self.services: dict[str, Service] = {}
        self.secret_key = secrets.token_urlsafe(50)
        ensure_packages()
        self.pg_bin = postgres_bin()
        self.pg_data = folder / "pg" / "data"
        self.front_url = f"http://{self.address('front')}"

    def address(self, host: str) -> str:
        return self.network[host].address

    # --- start and stop --------------------------------------------------------------

    def start(self) -> None:
        for host in HOSTS:
            env = self.env(host)
            for folder in (env["NABLALAB_DATA_DIR"], env["PROMETHEUS_MULTIPROC_DIR"]):
                Path(folder).mkdir(parents=True, exist_ok=True)
        self.network.open()
        self.cpu.open()
        self._start_postgres()
        self._start_redis()
        self._prepare_database()
        for name in APPS:
            self.start_app(name)
        self._start_front(list(APPS))
        for name in WORKERS:
            self.start_worker(name)
        self.wait_ready()

    def close(self) -> None:
        self.launcher.close()
        if (self.pg_data / "postmaster.pid").exists():
            subprocess.run(["runuser", "-u", "postgres", "--", str(self.pg_bin / "pg_ctl"),
                            "-D", str(self.pg_data), "-m", "immediate", "stop"],
                           capture_output=True, check=False)
        self.network.close()  # kills what is left on the hosts
        self.cpu.close()

    def env(self, host: str) -> dict[str, str]:
        """The deployment's environment (deploy/nablalab.env.example), for one host."""
        base = {k: v for k, v in os.environ.items()
                if not k.startswith(("NABLALAB_", "DJANGO_", "PROMETHEUS_"))
                and k not in ("DATABASE_URL", "SECRET_KEY")}
        data = self.address("data")
        front = self.address("front")
        folder = self.folder / "hosts" / host
        return base | {
            "SECRET_KEY": self.secret_key,
            "DATABASE_URL": f"postgres://{DB_USER}:{DB_PASSWORD}@{data}:5432/{DB_NAME}",
            "NABLALAB_QUEUE_URL": f"redis://{data}:6379/0",
            "NABLALAB_CACHE_URL": f"redis://{data}:6379/1",
            "NABLALAB_TRUSTED_PROXIES": "1",
            # The simulated learners answer a question every two seconds or so, faster than
            # any person: the deployment's 30 checks a minute would refuse some of them.
            "NABLALAB_CHECK_RATE": "120/min",
            "NABLALAB_DATA_DIR": str(folder / "data"),
            "NABLALAB_ALLOWED_HOSTS": ",".join([front, *(self.address(a) for a in APPS)]),
            "NABLALAB_CSRF_TRUSTED_ORIGINS": f"http://{front}",
            "NABLALAB_SECURE_COOKIES": "0",
            "NABLALAB_LOG_FORMAT": "json",
            "NABLALAB_LOG_LEVEL": "WARNING",
            "NABLALAB_GRADING_LEASE_SECONDS": str(self.options.lease_seconds),
            "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
            "PYTHONUNBUFFERED": "1",
        }

    def _start_postgres(self) -> None:
        root = self.folder / "pg"
        sockets = root / "run"
        sockets.mkdir(parents=True)
        os.chmod(self.folder, 0o755)
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        host = self.network["data"]
        self.launcher.run("initdb", host, [
            str(self.pg_bin / "initdb"), "-D", str(self.pg_data), "-U", "postgres",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
            "--locale=C.UTF-8"], self.env("data"), user="postgres")
        with (self.pg_data / "postgresql.conf").open("a") as conf:
            conf.write(f"listen_addresses = '{host.address}'\nport = 5432\n"
                       f"unix_socket_directories = '{sockets}'\nmax_connections = 200\n")
        with (self.pg_data / "pg_hba.conf").open("a") as hba:
            hba.write(f"host all all {self.network['data'].address.rsplit('.', 1)[0]}.0/24 "
                      "scram-sha-256\n")
        self._pg_ctl("start")
        sql = [f"CREATE ROLE {DB_USER} LOGIN PASSWORD '{DB_PASSWORD}'",
               f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}"]
        for statement in sql:
            self.launcher.run("psql", host, [str(self.pg_bin / "psql"), "-h", str(sockets),
                                             "-U", "postgres", "-v", "ON_ERROR_STOP=1",
                                             "-c", statement], self.env("data"),
                              user="postgres")

    def _pg_ctl(self, action: str) -> None:
        self.launcher.run(f"pg_ctl-{action}", self.network["data"], [
            str(self.pg_bin / "pg_ctl"), "-D", str(self.pg_data), "-l",
            str(self.folder / "pg" / "postgresql.log"), "-m", "fast", "-w", "-t", "60",
            action], self.env("data"), user="postgres", timeout=90)

    def _start_redis(self) -> None:
        folder = self.folder / "redis"
        folder.mkdir()
        self.services["redis"] = self.launcher.start("redis", self.network["data"], [
            "redis-server", "--bind", self.address("data"), "--port", "6379",
            "--protected-mode", "no", "--save", "", "--appendonly", "yes",
            "--dir", str(folder), "--daemonize", "no"], self.env("data"))
        client = redis.Redis(host=self.address("data"), port=6379, socket_timeout=2)
        _wait(lambda: client.ping(), "Redis", self.services["redis"])

    def _prepare_database(self) -> None:
        """Migrations, the content sync and static files, once, from app1 (as the systemd
        unit's ExecStartPre lines do); app2 shares the collected static files."""
        env = self.env("app1")
        manage = [sys.executable, "-m", "nablalab.cli.main", "manage"]
        host = self.network["app1"]
        self.launcher.run("migrate", host, [*manage, "migrate", "--noinput"], env)
        self.launcher.run("sync_content", host, [*manage, "sync_content"], env)
        self.launcher.run("collectstatic", host, [*manage, "collectstatic", "--noinput"], env)
        other = Path(self.env("app2")["NABLALAB_DATA_DIR"])
        (other / "static").symlink_to(Path(env["NABLALAB_DATA_DIR"]) / "static")

    def start_app(self, name: str) -> None:
        env = self.env(name)
        metrics = Path(env["PROMETHEUS_MULTIPROC_DIR"])
        shutil.rmtree(metrics, ignore_errors=True)  # a fresh server starts its counts afresh
        metrics.mkdir(parents=True)
        self.services[name] = self.launcher.start(name, self.network[name], [
            sys.executable, "-m", "gunicorn", "nablalab.web.wsgi:application",
            "--bind", f"{self.address(name)}:{APP_PORT}",
            "--workers", str(self.options.app_workers), "--timeout", "30",
            "--graceful-timeout", "5", "--forwarded-allow-ips", "*"], env)

    def _start_front(self, apps: list[str]) -> None:
        folder = self.folder / "nginx"
        folder.mkdir()
        self._write_nginx(apps)
        self.services["front"] = self.launcher.start("nginx", self.network["front"], [
            "nginx", "-c", str(folder / "nginx.conf"), "-g", "daemon off;"], self.env("front"))

    def _write_nginx(self, apps: list[str]) -> None:
        folder = self.folder / "nginx"
        text = nginx_conf.derive([self.address(a) for a in apps],
                                 f"{self.address('front')}:80", folder, APP_PORT)
        (folder / "nginx.conf").write_text(text)

    def use_apps(self, apps: list[str]) -> None:
        """Point nginx at these app servers only (a graceful reload, as an operator would)."""
        self._write_nginx(apps)
        self.services["front"].process.send_signal(signal.SIGHUP)
        time.sleep(2)  # old nginx workers finish their requests; new ones take over

    def start_worker(self, name: str) -> None:
        self.services[name] = self.launcher.start(name, self.network[name], [
            sys.executable, "-m", "nablalab.cli.main", "worker",
            "--workers", str(self.options.grading_threads)], self.env(name))

    def wait_ready(self) -> None:
        for name in APPS:
            if name in self.services and self.services[name].running():
                self.wait_app(name)
        _wait(lambda: requests.get(self.front_url + "/healthz", timeout=5).ok, "nginx",
              self.services["front"])
        for name in WORKERS:
            service = self.services[name]
            _wait(lambda s=service: "Grading worker:" in s.log.read_text(errors="replace"),
                  name, service)

    def wait_app(self, name: str) -> None:
        url = f"http://{self.address(name)}:{APP_PORT}/healthz"
        _wait(lambda: requests.get(url, timeout=5).ok, name, self.services[name])

    # --- the faults' operations -----------------------------------------------------

    def kill_app(self, name: str) -> None:
        """The app host runs only gunicorn: its master, workers and their checker processes."""
        self.launcher.kill_host(self.network[name])

    def kill_worker_host(self, name: str) -> None:
        self.launcher.kill_host(self.network[name])

    def pause_worker_host(self, name: str) -> None:
        self.launcher.pause_host(self.network[name])

    def resume_worker_host(self, name: str) -> None:
        self.launcher.resume_host(self.network[name])

    def restart_postgres(self) -> None:
        self._pg_ctl("restart")

    def cut_data_host(self) -> None:
        self.network.cut("data")

    def reconnect_data_host(self) -> None:
        self.network.heal("data")

    def database(self) -> psycopg.Connection:
        return psycopg.connect(host=self.address("data"), port=5432, dbname=DB_NAME,
                               user=DB_USER, password=DB_PASSWORD, connect_timeout=10,
                               autocommit=True)


def _wait(ready: Callable[[], object], what: str, service: Service,
          seconds: float = READY_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        if not service.running():
            raise StartError(f"{what} exited (code {service.process.returncode}):\n"
                             f"{service.log_tail()}")
        try:
            if ready():
                return
        except Exception as error:  # not up yet: connection refused, timeout, ...
            last = f"{type(error).__name__}: {error}"
        time.sleep(0.3)
    raise StartError(f"{what} not ready after {seconds:.0f} s ({last}):\n{service.log_tail()}")
