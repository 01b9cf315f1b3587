"""Beyond one machine: the per-document map runs on a Dask cluster, the corpus group-by once,
and the report is identical to the single-machine Engine run (the recipe in benchmarks/README.md)."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

import pytest
from corpora import DEV_CORPUS, copy_sample_corpus

from lint.api import check_claims, default_config, finish, lint_document
from lint.engine.run import Engine
from lint.engine.selection import build_rules

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The five seeds plus, when the dev corpus is present, 150 of its articles."""
    root = tmp_path / "news"
    copy_sample_corpus(root / "seeds")
    if DEV_CORPUS.is_dir():
        for source in sorted(DEV_CORPUS.rglob("*.txt"))[::11][:150]:
            target = root / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return root


def _lint_file(relative: str, root: str, config):
    return lint_document((Path(root) / relative).read_bytes(), relative, config)


def test_dask_cluster_gives_the_engine_report(corpus, tmp_path):
    config = default_config()
    rules = build_rules(config)
    single = Engine(config, rules, cwd=corpus, jobs=2, use_cache=False).run([str(corpus)])
    expected = [f.to_dict() for f in single.findings]
    assert expected, "the seeds must produce findings"

    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.txt"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        bag = dask_bag.from_sequence(files, npartitions=8).map(partial(_lint_file, root=str(corpus), config=config))
        results = client.compute(bag).result()
    claims = [c for _, c in results]
    report = finish([f for fs, _ in results for f in fs] + check_claims(claims, config), claims, config)

    assert [f.to_dict() for f in report] == expected
    assert single.files == len(files)
