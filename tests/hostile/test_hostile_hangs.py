"""Issue 17, section 3 and the process items of section 5: nothing hangs, nothing is left behind.

A LanguageTool server that drips one byte at a time, a file swapped for a FIFO while --fix writes
it, a baseline that is /dev/zero or a FIFO, a main process killed with its workers running, and a
--fix killed before its rename: each ends in bounded time, and the next run cleans up.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from black_box import REPO, kzlint

ARTICLE = ("Talks resume\n\nThe talks resumed on Monday in the capital, and officials said they were hopeful "
           "about an agreement before the end of the week.\n")
FIXABLE = "Talks resume\n\nThe talks in Nur-Sultan resumed on Monday, officials in Nur-Sultan said.\n"
HOUSE = ('custom-rules:\n  - {code: KZ990, name: house, message: "write Astana", severity: warning,'
         ' swap: {"Nur-Sultan": "Astana"}}\n'
         "languagetool: {mode: 'off'}\n")


# -- LanguageTool that drips ---------------------------------------------------------------------

class DrippingServer:
    """An HTTP server on 127.0.0.1 that answers every request with a status line and headers, then
    one byte of body every `interval` seconds, forever (per-read timeouts never fire). With
    `honest_probe`, GET /v2/languages gets a real answer, so the check request is the one that drips."""

    def __init__(self, interval: float = 0.3, honest_probe: bool = False) -> None:
        self.interval, self.honest_probe = interval, honest_probe
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.closed = False
        self.requests: list[str] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        try:
            request = connection.recv(65536).decode("latin-1")
            first = request.split("\r\n", 1)[0]
            self.requests.append(first)
            if self.honest_probe and first.startswith("GET") and "/v2/languages" in first:
                body = b'[{"name": "English", "code": "en", "longCode": "en-US"}]'
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                   + str(len(body)).encode() + b"\r\n\r\n" + body)
                return self._serve(connection)  # keep-alive: the next request on this connection
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
            while not self.closed:
                connection.sendall(b" ")
                time.sleep(self.interval)
        except OSError:
            pass
        finally:
            connection.close()

    def close(self) -> None:
        self.closed = True
        self.server.close()


@pytest.mark.parametrize("honest_probe", [False, True], ids=["probe drips", "check drips"])
def test_a_dripping_languagetool_server_is_cut_off_by_a_total_deadline(tmp_path, honest_probe):
    server = DrippingServer(honest_probe=honest_probe)
    try:
        (tmp_path / "rules.yaml").write_text(
            "languagetool: {mode: remote, url: 'http://127.0.0.1:%d', timeout-s: 3, connect-timeout-s: 1}\n"
            "grammar: {backend: languagetool}\n" % server.port, encoding="utf-8")
        for index in range(3):
            (tmp_path / f"{index}.txt").write_text(ARTICLE, encoding="utf-8")
        run = kzlint("--select", "KZ201", "--jobs", "1", ".", cwd=tmp_path, timeout=60)
    finally:
        server.close()
    assert server.requests, "kzlint never asked the server"
    assert run.seconds < 20, run.seconds  # one request's deadline (3 s), then no more waiting on this server
    assert "languagetool" in (run.err + run.out).lower(), (run.err, run.out)


# -- a file swapped for a FIFO while --fix writes it ------------------------------------------------

_SWAP_DRIVER = textwrap.dedent("""
    import os, runpy, sys
    real_fsync = os.fsync
    def fsync(fd):  # the temporary file is written: now the article becomes a FIFO
        real_fsync(fd)
        if os.path.isfile("a.txt") and not os.path.islink("a.txt"):
            os.unlink("a.txt")
            os.mkfifo("a.txt")
    os.fsync = fsync
    sys.argv = ["kzlint", *sys.argv[1:]]
    runpy.run_module("lint", run_name="__main__", alter_sys=False)
""")


def test_an_article_swapped_for_a_fifo_during_fix_neither_blocks_nor_leaves_a_temporary(tmp_path):
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "KZLINT_CACHE_DIR": str(tmp_path / ".cache")}
    child = subprocess.Popen([sys.executable, "-c", _SWAP_DRIVER, "--no-cache", "--select", "KZ990", "--fix", "a.txt"],
                             cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = child.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail("--fix blocked on a FIFO")
    assert b"Traceback" not in err, err
    assert (tmp_path / "a.txt").is_fifo()
    assert b"a.txt: not fixed" in err, err
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".kzlint-tmp")]


# -- baselines that never end ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "huge"])
def test_a_baseline_that_never_ends_is_one_error_line_in_bounded_time_and_memory(tmp_path, kind):
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    if kind == "/dev/zero":
        name = "/dev/zero"
    elif kind == "fifo":
        name = "fifo.json"
        os.mkfifo(tmp_path / name)
    else:
        name = "huge.json"
        with open(tmp_path / name, "wb") as handle:  # sparse: 4 GB of NUL that take no disk
            handle.truncate(4 << 30)
    run = kzlint("--baseline", name, "a.txt", cwd=tmp_path, timeout=30)
    assert run.code == 2 and run.out == "" and run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"kzlint: error: {name}") and "baseline" in run.err, run.err
    assert run.seconds < 10


# -- workers die with their parent ----------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_die_with_a_main_process_killed_by_sigkill(tmp_path):
    (tmp_path / "rules.yaml").write_text("custom-rules: []\nlanguagetool: {mode: 'off'}\n", encoding="utf-8")
    sentence = "Police said 12 people were detained in the capital on Monday after the protest. "
    for index in range(80):  # above the 64 documents that start a worker pool
        (tmp_path / f"{index:03d}.txt").write_text(f"Article {index}\n\n" + sentence * 400 + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, "-m", "lint", "--no-cache", "--jobs", "2", "."], cwd=tmp_path, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(workers) < 2 and child.poll() is None:
            workers = _children(child.pid)
            time.sleep(0.05)
        if child.poll() is not None:
            pytest.skip("the run finished before its workers could be seen")
        assert workers, "no worker process started"
        time.sleep(0.5)  # the workers are busy with documents now
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(map(_alive, workers)):
            time.sleep(0.05)
        left = [pid for pid in workers if _alive(pid)]
        assert not left, f"workers {left} outlived their killed parent"
    finally:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except OSError:
            pass


# -- temporary files of a killed --fix are removed by the next one ---------------------------------

_KILL_AFTER_WRITE = textwrap.dedent("""
    import os, runpy, signal, sys
    real_fsync = os.fsync
    def fsync(fd):  # the temporary file is written, not yet renamed: die
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGKILL)
    os.fsync = fsync
    sys.argv = ["kzlint", *sys.argv[1:]]
    runpy.run_module("lint", run_name="__main__", alter_sys=False)
""")


def test_temporary_files_of_a_killed_fix_are_removed_by_the_next_fix(tmp_path):
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FIXABLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(FIXABLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "KZLINT_CACHE_DIR": str(tmp_path / ".cache")}
    for name in ("a.txt", "sub/b.txt"):
        killed = subprocess.run([sys.executable, "-c", _KILL_AFTER_WRITE, "--no-cache", "--fix", name], cwd=tmp_path,
                                env=env, capture_output=True, timeout=120)
        assert killed.returncode == -signal.SIGKILL, killed.stderr
    left = sorted(p.name for p in tmp_path.rglob("*.kzlint-tmp"))
    assert len(left) == 2, left  # what a kill leaves: the old files are intact
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXABLE
    (tmp_path / "sub" / "b.txt").write_text(FIXABLE.replace("Nur-Sultan", "Astana"), encoding="utf-8")  # fixed by hand
    run = kzlint("--fix", ".", cwd=tmp_path)
    assert "fixed 2 findings in 1 file" in run.err, run.err
    assert not list(tmp_path.rglob("*.kzlint-tmp")), sorted(p.name for p in tmp_path.rglob("*.kzlint-tmp"))


# -- git that never ends ----------------------------------------------------------------------------

def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    if marker.encode() in cmdline.read():
                        found.append(int(entry))
            except OSError:
                continue
    return [pid for pid in found if _alive(pid)]


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc (Linux)")
def test_a_git_that_hangs_is_cut_off_at_its_deadline_with_everything_it_started(tmp_path):
    """git's deadline kills its whole process group: `subprocess.run(timeout=...)` killed git only,
    and a child it left behind (a hook, a wrapper) ran on after kzlint had finished."""
    marker = "613.25"  # a sleep no other process runs
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake = bin_folder / "git"
    fake.write_text(f"#!/bin/sh\nsleep {marker} &\nsleep {marker}\n", encoding="utf-8")
    fake.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text(FIXABLE, encoding="utf-8")  # no config, no git: the corpus is asked of git
    try:
        run = kzlint("a.txt", cwd=work, timeout=60,
                     env={"PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}"})
        assert run.code in (0, 1) and "in 1 file" in run.out, (run.out, run.err)
        assert run.seconds < 30, run.seconds  # git's deadline for `rev-parse` is 10 s
        time.sleep(0.5)
        assert not _processes_with(marker), "a process git started outlived the run"
    finally:
        for pid in _processes_with(marker):
            os.kill(pid, signal.SIGKILL)
