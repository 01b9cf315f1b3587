"""KZ403 with the research ratings (Lin et al. 2023) shipped with kzlint, through the engine."""

from __future__ import annotations

from pathlib import Path

from lint.config import load
from lint.engine.run import Engine
from lint.engine.selection import build_rules
from lint.rules.sources.source_credibility import SourceCredibility


def run(tmp_path: Path, text: str, config_text: str | None = None):
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    config_file = None
    if config_text is not None:
        config_file = tmp_path / "rules.yaml"
        config_file.write_text(config_text, encoding="utf-8")
    config = load(config_file)
    engine = Engine(config, build_rules(config, select=["KZ403"]), cwd=tmp_path, config_dir=tmp_path, jobs=1,
                    use_cache=False)
    return [f for f in engine.run([str(tmp_path / "a.md")]).findings if f.code == "KZ403"]


EXPRESS = "Protests grew.\n\nSource: https://www.express.co.uk/news/world/1206313/hong-kong-latest\n"


def test_a_low_rated_source_is_reported_with_its_rating_and_the_study(tmp_path):
    found = run(tmp_path, EXPRESS)
    assert len(found) == 1
    message = found[0].message
    assert "express.co.uk is rated 0.37" in message and "Lin et al. 2023" in message and "below 0.4" in message


def test_the_host_is_rated_before_its_registrable_domain(tmp_path):
    text = "Markets fell.\n\nSource: https://economictimes.indiatimes.com/markets/stocks/news/x.cms\n"
    assert "economictimes.indiatimes.com is rated 0.22" in run(tmp_path, text)[0].message
    text = "Markets fell.\n\nSource: https://timesofindia.indiatimes.com/india/x.cms\n"
    assert run(tmp_path, text) == []   # 0.73, though indiatimes.com is rated 0.39


def test_well_rated_and_unrated_sources_are_quiet(tmp_path):
    assert run(tmp_path, "Quake.\n\nSource: https://www.reuters.com/world/asia-pacific/quake/\n") == []
    assert run(tmp_path, "Quake.\n\nSource: https://news.example-local-paper.org/quake\n") == []


def test_the_users_tiers_win_over_the_research(tmp_path):
    config = "sources:\n  tiers:\n    trusted: {express.co.uk: our partner}\n"
    assert run(tmp_path, EXPRESS, config) == []
    config = "sources:\n  tiers:\n    caution: {reuters.com: our test}\n  report-tiers: [caution]\n"
    found = run(tmp_path, "Quake.\n\nSource: https://www.reuters.com/x\n", config)
    assert [f.message for f in found] == ['source reuters.com is rated "caution": our test']


def test_threshold_and_switch_are_options(tmp_path):
    assert run(tmp_path, EXPRESS, "rules:\n  source-credibility: {threshold: 0.3}\n") == []
    assert run(tmp_path, EXPRESS, "rules:\n  source-credibility: {research-ratings: false}\n") == []
    found = run(tmp_path, "Vote.\n\nSource: https://www.foxnews.com/politics/x\n",
                "rules:\n  source-credibility: {threshold: 0.6}\n")
    assert "foxnews.com is rated 0.53" in found[0].message


def test_explain_cites_the_study():
    assert "10.1093/pnasnexus/pgad286" in SourceCredibility.explanation
    assert "Lin, H." in SourceCredibility.explanation
