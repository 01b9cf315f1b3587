"""KZ201 against a real LanguageTool server (issue 15), through the command line.

The server comes from `ci/languagetool/start.sh` (LanguageTool from Maven Central, cached in
~/.m2); `.ci/run` starts it and exports its URL as KZLINT_LANGUAGETOOL_URL. Without that
variable these tests skip on a developer's machine and FAIL in CI (CI set): a CI run that
silently skipped the only tests of the real integration would prove nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def server_url() -> str:
    url = os.environ.get("KZLINT_LANGUAGETOOL_URL", "").rstrip("/")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI is set but KZLINT_LANGUAGETOOL_URL is not: the LanguageTool server did not start "
                        "(see ci/languagetool/start.sh and the log above)")
        pytest.skip("set KZLINT_LANGUAGETOOL_URL to a LanguageTool server (ci/languagetool/start.sh)")
    try:
        with urllib.request.urlopen(f"{url}/v2/languages", timeout=10) as response:
            assert response.status == 200
    except OSError as exc:
        pytest.fail(f"KZLINT_LANGUAGETOOL_URL={url} does not answer /v2/languages: {exc}")
    return url


class CountingProxy:
    """Forwards to the real server and counts /v2/check requests (to prove a warm run asks nothing)."""

    def __init__(self, target: str) -> None:
        self.checks = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self, body: bytes | None) -> None:
                if self.path.startswith("/v2/check"):
                    owner.checks += 1
                request = urllib.request.Request(target + self.path, data=body, method=self.command,
                                                 headers={"Content-Type": self.headers.get("Content-Type", "")})
                with urllib.request.urlopen(request, timeout=120) as response:
                    payload = response.read()
                    self.send_response(response.status)
                    self.send_header("Content-Type", response.headers.get("Content-Type", "application/json"))
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)

            def do_GET(self):
                self._forward(None)

            def do_POST(self):
                self._forward(self.rfile.read(int(self.headers.get("Content-Length", 0))))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def lint(tmp_path: Path, url: str, *paths: str, cache: Path | None = None, extra: str = "") -> tuple[list[dict], str]:
    config = tmp_path / "lt.yaml"
    config.write_text(f"languagetool: {{mode: remote, url: '{url}', timeout-s: 120}}\n{extra}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "KZLINT_CACHE_DIR": str(cache or tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "lint", "--config", str(config), "--select", "KZ201", "--no-cache",
                             "--format", "json", "--exit-zero", "--jobs", "1", *paths],
                            cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout or "[]"), result.stderr


def write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


def test_real_errors_are_reported_with_languagetool_rule_ids(tmp_path, server_url):
    name = write(tmp_path, "article.txt",
                 "Protests in Almaty\n\nThe company should now be able put this dispute behind it.\n\n"
                 "They argued in a the study that prices would rise.\n\n"
                 "All parties are stepping up campaiging before the election.\n\n"
                 "Such a move would triggered more protests, officials said.\n")
    findings, stderr = lint(tmp_path, server_url, name)
    assert "KZ201" not in stderr  # no "skipped" notice: the server answered
    assert all("rule" in f["extra"] for f in findings), [f["message"] for f in findings]  # none "not checked"
    found = {(f["line"], f["column"], f["extra"]["rule"]) for f in findings}
    assert found == {(3, 27, "ABLE_VBP"), (5, 16, "DT_DT"), (7, 29, "MORFOLOGIK_RULE_EN_US"), (9, 19, "MD_BASEFORM")}
    assert all(f["extra"]["backend"] == "LanguageTool" for f in findings)


def test_news_prose_stays_quiet(tmp_path, server_url):
    """Names, transliterations, British spellings, a headline without a full stop, quotations and
    a comma-less compound sentence: what the tuned defaults must not report."""
    name = write(tmp_path, "clean.txt",
                 "Kazakh leader sacks government as fuel protests spread\n\n"
                 "President Kassym-Jomart Tokayev accepted the government's resignation on Wednesday, "
                 "the Akorda press service said.\n\n"
                 "Protesters in Zhanaozen and Aktau were hospitalised after police used tear gas in the city centre.\n\n"
                 "\"We want a normal life,\" said Yerlan Serikbayev, a 34-year-old oil worker.\n\n"
                 "The government resigned and the president declared a state of emergency.\n\n"
                 "\"We wants a normal life,\" said a worker in the akimat square; the trio are staying.\n")
    findings, _ = lint(tmp_path, server_url, name)
    assert findings == [], [f["message"] for f in findings]


def test_the_sample_corpus_with_languagetool(tmp_path, server_url):
    """The seeds, checked by the real server: the glued byline and the coined word are found."""
    findings, _ = lint(tmp_path, server_url, str(REPO / "corpus"))
    flagged = {(Path(f["path"]).name[:3], f["extra"]["rule"], f["message"].split("”")[0].lstrip("“")) for f in findings}
    assert ("004", "MORFOLOGIK_RULE_EN_US", "fromSergey") in flagged, flagged
    assert ("002", "MORFOLOGIK_RULE_EN_US", "capturers") in flagged, flagged
    names = {"Tokayev", "Zhanaozen", "Psaki", "Nazarbayev", "Mangystau", "Baikonur", "centre", "hospitalised"}
    assert not {word for _, _, word in flagged} & names, flagged


def test_a_warm_run_asks_the_server_nothing(tmp_path, server_url):
    proxy = CountingProxy(server_url)
    try:
        name = write(tmp_path, "article.txt", "Protests in Almaty\n\nThey argued in a the study that prices would rise.\n")
        cache = tmp_path / "sentences"
        cold, _ = lint(tmp_path, proxy.url, name, cache=cache)
        asked = proxy.checks
        warm, _ = lint(tmp_path, proxy.url, name, cache=cache)
    finally:
        proxy.close()
    assert asked >= 1
    assert proxy.checks == asked, "the warm run sent sentences to the server again"
    assert warm == cold and warm
