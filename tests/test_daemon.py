"""`kzlint --daemon`: a real daemon process, real clients, real files. A run through it must
be the run kzlint makes without it: same report, same exit code, same standard input,
working folder and environment; Ctrl-C stops it; a caller that goes away takes its run
with it; a changed installation is never served; an unsafe socket folder is never used."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from daemons import ask, wait_for

from lint.daemon import channel

SEEDS = Path(__file__).resolve().parents[1] / "corpus"
CONFIG = 'languagetool:\n  mode: "off"\n'

pytestmark = pytest.mark.skipif(not channel.supported(), reason="no Unix sockets with descriptor passing here")


@pytest.fixture
def project(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "news", ignore=shutil.ignore_patterns(".kzlint*"))
    (tmp_path / ".kzlint.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


@pytest.fixture
def daemon(tmp_path_factory, monkeypatch):
    """A daemon of its own for the test (its folder: KZLINT_DAEMON_DIR), stopped afterwards."""
    folder = tmp_path_factory.mktemp("daemon")
    folder.chmod(0o700)
    monkeypatch.setenv("KZLINT_DAEMON_DIR", str(folder))
    started = kzlint("daemon", "start", cwd=folder)
    assert started.returncode == 0, started.stderr
    assert b"running (pid" in started.stdout
    yield folder
    kzlint("daemon", "stop", cwd=folder)


def kzlint(*args: str, cwd: Path, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_a_run_through_the_daemon_is_the_run_without_it(daemon, project):
    for args in (["news"], ["--format", "json", "news"], ["--select", "KZ1", "news/000_74d40f555e2d2cf7.txt"],
                 ["no-such-file.md"], ["--fail-on", "error", "news"]):
        alone = kzlint(*args, cwd=project)
        served = kzlint("--daemon", *args, cwd=project)
        assert (served.returncode, served.stdout, served.stderr) == (alone.returncode, alone.stdout, alone.stderr), args
    assert b"warning[KZ" in served.stdout or b"error[KZ" in served.stdout or served.returncode == 0
    assert ask(daemon)["running"] == 0


def test_fix_through_the_daemon_writes_what_fix_without_it_writes(daemon, tmp_path):
    copies = []
    for name in ("alone", "served"):
        shutil.copytree(SEEDS, tmp_path / name, ignore=shutil.ignore_patterns(".kzlint_cache"))
        copies.append(tmp_path / name)
    alone = kzlint("--fix", ".", cwd=copies[0])
    served = kzlint("--daemon", "--fix", ".", cwd=copies[1])
    assert b"kzlint: fixed" in served.stderr and (served.returncode, served.stdout) == (alone.returncode, alone.stdout)
    for fixed in sorted(copies[0].glob("*.txt")):
        assert (copies[1] / fixed.name).read_bytes() == fixed.read_bytes(), fixed.name
    assert any((copies[1] / f.name).read_bytes() != f.read_bytes() for f in sorted(SEEDS.glob("*.txt")))


def test_the_caller_imports_neither_pydantic_nor_a_rule(daemon, project):
    """What makes it fast: the daemon's child makes the run, the caller only hands it over."""
    served = subprocess.run([sys.executable, "-X", "importtime", "-m", "lint", "--daemon", "news"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert served.returncode == 1 and "warning[KZ" in served.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in served.stderr.splitlines() if line.startswith("import time:")]
    assert "lint.daemon.client" in imported
    assert not [name for name in imported if name.startswith(("pydantic", "lint.rules", "lint.config"))]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_between_runs_the_daemon_waits_without_using_the_processor(daemon, project):
    for _ in range(3):
        assert kzlint("--daemon", "news", cwd=project).returncode == 1
    pid = ask(daemon)["pid"]
    before = cpu_seconds(pid)
    time.sleep(1.0)
    assert cpu_seconds(pid) - before < 0.05


def test_standard_input_environment_and_folder_are_the_callers(daemon, project):
    text = (project / "news" / "000_74d40f555e2d2cf7.txt").read_bytes() + b"\nTwelve officers were killed.\n"
    alone = kzlint("--stdin-filename", "news/new.txt", cwd=project, stdin=text)
    served = kzlint("--daemon", "--stdin-filename", "news/new.txt", cwd=project, stdin=text)
    assert b'"Twelve officers ... killed" has no attribution' in served.stdout
    assert (served.returncode, served.stdout) == (alone.returncode, alone.stdout)
    cache = project / "elsewhere-cache"
    served = kzlint("--daemon", "news", cwd=project, env={"KZLINT_CACHE_DIR": str(cache)})
    assert served.returncode == 1 and any(cache.glob("results-*.sqlite"))  # the caller's environment


def test_ctrl_c_stops_the_run_and_a_vanished_caller_takes_its_run_along(daemon, project):
    big = project / "big"
    big.mkdir()
    article = (project / "news" / "000_74d40f555e2d2cf7.txt").read_text(encoding="utf-8")
    for number in range(400):
        (big / f"{number:03}.txt").write_text(f"{article}\nNumber {number}.\n", encoding="utf-8")
    command = [sys.executable, "-m", "lint", "--daemon", "--no-cache", "--jobs", "1", "big"]
    client = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert wait_for(lambda: (ask(daemon) or {}).get("running") == 1)
    client.send_signal(signal.SIGINT)
    out, err = client.communicate(timeout=60)
    assert client.returncode == 2 and b"kzlint: interrupted" in err
    assert wait_for(lambda: ask(daemon)["running"] == 0)

    client = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_for(lambda: (ask(daemon) or {}).get("running") == 1)
    client.kill()
    client.wait()
    assert wait_for(lambda: ask(daemon)["running"] == 0, 10)  # its child was stopped, not left running


def test_a_changed_installation_is_never_served(daemon, project):
    """A request from another installation (an upgrade, another copy) is answered "stale" and the
    daemon stops: the caller then runs kzlint itself."""
    before = ask(daemon)["pid"]
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    (path,) = daemon.glob("*.sock")  # named after the installation the subprocess imports
    connection.connect(str(path))
    with connection:
        socket.send_fds(connection, [channel.HELLO], [0, 1, 2])
        channel.send(connection, {"kind": "lint", "identity": "another-installation", "argv": ["news"],
                                  "cwd": str(project), "env": {}, "umask": 0o22, "streams": {}})
        assert channel.receive(connection) == {"stale": True}
    assert wait_for(lambda: ask(daemon) is None, 10)
    assert wait_for(lambda: not Path(f"/proc/{before}").exists() or sys.platform != "linux", 10)


def test_without_a_daemon_the_run_is_made_here_and_one_is_started(tmp_path_factory, monkeypatch, project):
    folder = tmp_path_factory.mktemp("daemon")
    folder.chmod(0o700)
    monkeypatch.setenv("KZLINT_DAEMON_DIR", str(folder))
    try:
        alone = kzlint("news", cwd=project)
        first = kzlint("--daemon", "news", cwd=project)
        assert (first.returncode, first.stdout) == (alone.returncode, alone.stdout)
        assert wait_for(lambda: ask(folder) is not None)  # started in the background for the next run
    finally:
        kzlint("daemon", "stop", cwd=folder)
    assert wait_for(lambda: ask(folder) is None, 10)


def test_a_folder_others_can_write_in_is_never_used(tmp_path_factory, monkeypatch, project):
    folder = tmp_path_factory.mktemp("daemon")
    folder.chmod(0o777)
    monkeypatch.setenv("KZLINT_DAEMON_DIR", str(folder))
    refused = kzlint("daemon", "start", cwd=project)
    assert refused.returncode == 2 and b"must be yours alone" in refused.stderr
    assert refused.stderr.count(b"\n") == 1
    alone = kzlint("news", cwd=project)
    served = kzlint("--daemon", "news", cwd=project)
    assert (served.returncode, served.stdout) == (alone.returncode, alone.stdout)
    assert list(folder.iterdir()) == []  # no socket, no lock: nothing started


def test_stop_and_ask(daemon):
    running = kzlint("daemon", "status", cwd=daemon)
    assert running.returncode == 0 and b"running (pid" in running.stdout
    stopped = kzlint("daemon", "stop", cwd=daemon)
    assert stopped.returncode == 0 and b"stopped" in stopped.stdout
    assert wait_for(lambda: ask(daemon) is None, 10)
    after = kzlint("daemon", "status", cwd=daemon)
    assert after.returncode == 1 and b"not running" in after.stdout
