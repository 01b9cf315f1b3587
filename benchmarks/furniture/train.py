"""Train and validate the furniture model of lint/text/boilerplate.py on ../shared/dev-scraped.

    pip install scikit-learn numpy          # training only; kzlint itself needs neither
    python benchmarks/furniture/train.py [--data ../shared/dev-scraped] [--no-ablation] [--cross-site]
                                         [--scenarios] [--write]

What it does:
1. reads docs/*.md, labels.json and manifest.tsv (site of each page);
2. builds the corpus repetition index over all docs (unsupervised: at run time kzlint indexes
   whatever corpus it is given, so every held-out doc sees the other docs' lines);
3. leave-one-SITE-out: for each of the sites, fits the two logistic stages and the threshold
   (the lowest one reaching --precision on the training sites' own lines) on the other sites,
   and classifies the held-out site's lines;
4. prints the held-out recall / precision (same matching as score.py: a finding on a block
   line hits its own label; optional labels are neutral), with --min-words 3, the per-site
   spread, and the ablation table (repetition only, shape only, lexicon only, all);
5. writes the held-out findings as kzlint JSON (/tmp/furn-loso.json) so score.py can check them;
6. with --scenarios, compares held out the full model, the local model (no repetition feature)
   and the shipped pair (the local one below bp.LOCAL_CORPUS documents) in corpora of different
   sizes: the whole set, other sites only, random corpora of 100, 50, 20 and 5 pages, each page alone;
7. with --write, fits the pair on all sites and writes lint/data/boilerplate_weights.json.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from lint.text import boilerplate as bp

OUT = ROOT / "lint" / "data" / "boilerplate_weights.json"


class Doc:
    def __init__(self, name: str, path: Path, site: str, labels: list[dict], clean: bool = False):
        self.name, self.path, self.site, self.clean = name, path, site, clean
        lines = path.read_text(encoding="utf-8").split("\n")
        self.numbers = [i + 1 for i, line in enumerate(lines) if line.strip()]
        self.texts = [lines[n - 1] for n in self.numbers]
        by_line = {lab["line"]: lab for lab in labels}
        self.y: list[float | None] = []
        self.required: list[bool] = []
        self.n_words: list[int] = []
        for k, (number, text) in enumerate(zip(self.numbers, self.texts)):
            lab = by_line.get(number)
            self.n_words.append(len(text.split()))
            title = k == 0 and (clean or text.startswith("#"))
            source = text.startswith("Source:") and k == len(self.texts) - 1
            if title or source:
                self.y.append(None)
            elif lab is None:
                self.y.append(0.0)
            elif lab.get("optional"):
                self.y.append(None)
            else:
                self.y.append(1.0)
            self.required.append(lab is not None and not lab.get("optional"))
        self.optional = {lab["line"] for lab in labels if lab.get("optional")}
        self.blocks = bp.blocks_of(self.texts)
        self.language = bp.pick_language(b.tokens for b in self.blocks if b.n >= 6)
        self.repeats: list[int] = []
        self.corpus_size = 0  # documents in the corpus it was indexed with
        self.x1: list[list[float]] = []
        self.X1 = None


def load(data: Path) -> list[Doc]:
    labels = json.loads((data / "labels.json").read_text(encoding="utf-8"))
    sites = {}
    for row in (data / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        sites[cols[0]] = cols[2]
    docs = []
    for path in sorted((data / "docs").glob("*.md")):
        name = f"docs/{path.name}"
        docs.append(Doc(name, path, sites[path.stem], labels.get(name, [])))
    clean = [Doc(f"clean/{path.name}", path, sites[path.stem], [], clean=True)
             for path in sorted((data / "clean").glob("*.txt"))]
    return docs, clean


def index_corpus(docs: list[Doc], cross_site_only: bool = False, alone: bool = False) -> None:
    """Repetition counts of every block against the other docs of the same corpus (`alone`: none,
    as when a page is linted by itself)."""
    entries = {d.name: ([b.key for b in d.blocks if b.key], bp.sketch(d.texts)) for d in docs}
    index = bp.RepetitionIndex(entries)
    site_of = {d.name: d.site for d in docs}
    for d in docs:
        d.corpus_size = 1 if alone else len(docs)
        if alone:
            d.repeats = [0] * len(d.blocks)
        elif cross_site_only:
            counts = []
            for b in d.blocks:
                if not b.key:
                    counts.append(0)
                    continue
                holders = {site_of[p] for p in index.holders.get(b.key, ()) if site_of[p] != d.site}
                counts.append(len(holders))
            d.repeats = counts
        else:
            d.repeats = [index.count(d.name, b.key)[0] for b in d.blocks]
        lang, stop = d.language
        d.x1 = bp.local_features(d.blocks, d.repeats, stop, lang is not None)
        d.X1 = None


def _mask(names: tuple[str, ...], all_names: tuple[str, ...]) -> list[int]:
    return [all_names.index(n) for n in names]


CLEAN_WEIGHT = 2.0  # a line of a clean article counts this much as a negative example


def fit(docs: list[Doc], features1: tuple[str, ...], precision: float, clean_share: float,
        c: float = 1.0) -> bp.Model:
    cols = _mask(features1, bp.FEATURES1)
    rows, ys, ws = [], [], []
    for d in docs:
        for row, y in zip(d.x1, d.y):
            if y is not None:
                rows.append([row[i] for i in cols])
                ys.append(y)
                ws.append(CLEAN_WEIGHT if d.clean else 1.0)
    lr1 = LogisticRegression(C=c, max_iter=200, solver="newton-cholesky")
    lr1.fit(np.array(rows), np.array(ys), sample_weight=np.array(ws))
    stage1 = bp.Model(features1, tuple(lr1.coef_[0]), float(lr1.intercept_[0]), (), (), 0.0, 0.5)
    w1 = stage1.weights1()
    rows2, ys2, ws2 = [], [], []
    x2_of, p1_of = {}, {}
    for d in docs:
        p1 = _stage1(d, np.array(w1), stage1.b1)
        p1_of[d.name] = p1
        x2_of[d.name] = x2 = np.array(bp.context_features(p1, d.blocks), dtype=float).reshape(len(p1), len(bp.FEATURES2))
        for row, y in zip(x2.tolist(), d.y):
            if y is not None:
                rows2.append(row)
                ys2.append(y)
                ws2.append(CLEAN_WEIGHT if d.clean else 1.0)
    lr2 = LogisticRegression(C=c, max_iter=200, solver="newton-cholesky")
    lr2.fit(np.array(rows2), np.array(ys2), sample_weight=np.array(ws2))
    model = bp.Model(features1, tuple(lr1.coef_[0]), float(lr1.intercept_[0]), bp.FEATURES2,
                     tuple(lr2.coef_[0]), float(lr2.intercept_[0]), 0.5)
    # threshold and min_flags: the most recall on the training docs with precision >= `precision`
    # and at most `clean_share` of the training clean articles flagged
    prob, kind, doc = [], [], []  # kind: 1 required, 0 article text, 2 optional (neutral), -1 clean text
    w2, b2 = np.array(model.weights2()), model.b2
    for n, d in enumerate(docs):
        p2 = 1.0 / (1.0 + np.exp(-np.clip(x2_of[d.name] @ w2 + b2, -30, 30)))
        anchor = bp.body_anchor(p2.tolist(), [b.n for b in d.blocks], p1_of[d.name])
        for k, p in enumerate(p2.tolist()):
            if not reportable(d, k) or k in anchor:
                continue
            prob.append(p)
            doc.append(n)
            kind.append(-1 if d.clean else 2 if d.numbers[k] in d.optional else 1 if d.required[k] else 0)
    prob, kind, doc = np.array(prob), np.array(kind), np.array(doc)
    n_clean = sum(1 for d in docs if d.clean)
    n_req = int((kind == 1).sum())
    best = (-1.0, 1.0, 1)
    for min_flags in (1, 2, 3, 5, 8):
        for t in np.arange(0.30, 0.99, 0.02):
            on = prob >= t
            per_doc = np.bincount(doc[on], minlength=len(docs))
            on &= per_doc[doc] >= min_flags
            tp, fp = int((on & (kind == 1)).sum()), int((on & (kind == 0)).sum())
            clean_docs = len(set(doc[on & (kind == -1)].tolist()))
            if tp + fp == 0:
                continue
            r = tp / max(1, n_req)
            if tp / (tp + fp) >= precision and clean_docs <= clean_share * n_clean and r > best[0]:
                best = (r, float(round(t, 2)), min_flags)
    return bp.Model(model.features1, model.w1, model.b1, model.features2, model.w2, model.b2, best[1], best[2])


def _stage1(d: Doc, w1: np.ndarray, b1: float) -> list[float]:
    if d.X1 is None:
        d.X1 = np.array(d.x1, dtype=float).reshape(len(d.x1), len(bp.FEATURES1))
    return list(1.0 / (1.0 + np.exp(-np.clip(d.X1 @ w1 + b1, -30, 30))))


def predict(d: Doc, model: bp.Model, with_stage1: bool = False):
    """The same computation as bp.score, vectorised (numpy) for training speed."""
    p1 = _stage1(d, np.array(model.weights1()), model.b1)
    x2 = np.array(bp.context_features(p1, d.blocks), dtype=float).reshape(len(p1), len(bp.FEATURES2))
    p2 = list(1.0 / (1.0 + np.exp(-np.clip(x2 @ np.array(model.weights2()) + model.b2, -30, 30))))
    return (p2, p1) if with_stage1 else p2


def reportable(d: Doc, k: int) -> bool:
    """Never the title line (the first block), nor the Source: line."""
    if k == 0 and (d.clean or d.texts[0].startswith("#")):
        return False
    return not (k == len(d.texts) - 1 and d.texts[k].startswith("Source:"))


def flagged(d: Doc, model: bp.Model, probabilities: list[float] | None = None) -> list[int]:
    """Indexes of the blocks reported (by the model or its local one: bp.Model.for_corpus)."""
    model = model.for_corpus(d.corpus_size)
    out = []
    p2, p1 = predict(d, model, with_stage1=True)
    anchor = bp.body_anchor(p2, [b.n for b in d.blocks], p1)
    for k, p in enumerate(p2):
        repeated = d.repeats[k] >= bp.SITE_REPEATS and d.blocks[k].n >= bp.REPEATED_MIN_WORDS
        if (p >= model.threshold or repeated and p >= bp.REPEATED_THRESHOLD) and reportable(d, k) and k not in anchor:
            out.append(k)
    return out if len(out) >= model.min_flags else [k for k in out if d.repeats[k] >= bp.SITE_REPEATS or p2[k] >= bp.SURE]


def metrics(docs: list[Doc], flags: dict[str, list[int]], min_words: int = 0) -> tuple[float, float, int, int, int]:
    """(recall, precision, hits, findings, required) as score.py computes them on block lines."""
    req = hit = found = good = 0
    for d in docs:
        chosen = set(flags.get(d.name, ()))
        for k in range(len(d.texts)):
            required = d.required[k] and d.n_words[k] >= min_words
            optional = d.numbers[k] in d.optional or (d.required[k] and not required)
            if required:
                req += 1
                hit += k in chosen
            if k in chosen:
                if optional:
                    continue  # neutral
                found += 1
                good += d.required[k]
    return hit / max(1, req), good / max(1, found), hit, found, req


LOCAL_FEATURES = bp.GROUPS["shape"] + bp.GROUPS["lexicon"]  # the local model: no repetition at all


def fit_pair(docs: list[Doc], precision: float, clean_share: float) -> bp.Model:
    """The shipped pair: the model with every feature, holding the local one (bp.Model.for_corpus)."""
    local = fit(docs, LOCAL_FEATURES, precision, clean_share)
    return replace(fit(docs, bp.FEATURES1, precision, clean_share), local=local)


def loso_models(docs: list[Doc], fitter, folds: int = 0) -> list[tuple[set[str], bp.Model]]:
    """(held-out sites, the model fitted on the other sites' docs) for each fold (folds=0: one
    fold per site; else that many folds of whole sites, for the cheaper ablation runs)."""
    sites = sorted({d.site for d in docs})
    groups = [[s] for s in sites] if not folds else [sites[i::folds] for i in range(folds)]
    return [(set(held), fitter([d for d in docs if d.site not in set(held)])) for held in groups]


def held_out_flags(docs: list[Doc], models: list[tuple[set[str], bp.Model]]) -> dict[str, list[int]]:
    """Held-out flags of every doc (scraped and clean): each site's docs classified by its fold's model."""
    return {d.name: flagged(d, model) for held, model in models for d in docs if d.site in held}


def loso(docs: list[Doc], features1: tuple[str, ...], precision: float, clean_share: float,
         folds: int = 0) -> dict[str, list[int]]:
    """Held-out flags of one feature set (no local model)."""
    return held_out_flags(docs, loso_models(docs, lambda train: fit(train, features1, precision, clean_share), folds))


def corpus_scenarios(docs: list[Doc]) -> dict[str, Callable[[], None]]:
    """How the held-out pages' lines are counted: the corpus kzlint sees decides what repetition can
    say. Each scenario re-indexes the scraped docs (the clean articles stay their own corpus)."""
    def small(k: int):
        def index() -> None:
            order = sorted(docs, key=lambda d: d.name)
            random.Random(7).shuffle(order)
            for i in range(0, len(order), k):
                index_corpus(order[i:i + k])
        return index
    return {
        "the whole set (55 sites with two pages)": lambda: index_corpus(docs),
        "repetition over other sites only": lambda: index_corpus(docs, cross_site_only=True),
        "corpora of 100 random pages": small(100),
        "corpora of 50 random pages": small(50),
        "corpora of 20 random pages": small(20),
        "corpora of 5 random pages": small(5),
        "each page alone": lambda: index_corpus(docs, alone=True),
    }


def compare_scenarios(docs: list[Doc], clean: list[Doc], precision: float, clean_share: float) -> None:
    """Held-out figures (leave-one-site-out) of the full model, the local model and the pair, in
    each corpus scenario; the models are fitted on the whole set's counts, as shipped."""
    everything = docs + clean
    index_corpus(docs)
    pairs = loso_models(everything, lambda train: fit_pair(train, precision, clean_share))
    variants = {"full model": lambda m: replace(m, local=None), "local model": lambda m: m.local, "the pair": lambda m: m}
    print(f"\nthe local model (corpora of fewer than {bp.LOCAL_CORPUS} documents), held out:")
    print("| corpus | model | recall | precision | recall --min-words 3 | precision --min-words 3 | clean docs flagged |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for scenario, index in corpus_scenarios(docs).items():
        index()
        for name, pick in variants.items():
            flags = held_out_flags(everything, [(held, pick(model)) for held, model in pairs])
            r, p, *_ = metrics(docs, flags)
            r3, p3, *_ = metrics(docs, flags, 3)
            fp = sum(1 for d in clean if flags.get(d.name)) / len(clean)
            print(f"| {scenario} | {name} | {r:.3f} | {p:.3f} | {r3:.3f} | {p3:.3f} | {fp:.3f} |", flush=True)
    index_corpus(docs)


def write_findings(docs: list[Doc], flags: dict[str, list[int]], path: Path) -> None:
    findings = []
    for d in docs:
        for k in flags.get(d.name, ()):
            number = d.numbers[k]
            findings.append({"path": str(d.path), "line": number, "column": 1, "end_line": number,
                             "end_column": len(d.texts[k]) + 1, "code": "KZ102", "name": "boilerplate",
                             "severity": "warning", "message": "furniture (held-out model)"})
    path.write_text(json.dumps(findings), encoding="utf-8")


def _weights_json(model: bp.Model) -> dict:
    return {"features1": list(model.features1), "w1": [round(w, 5) for w in model.w1], "b1": round(model.b1, 5),
            "features2": list(model.features2), "w2": [round(w, 5) for w in model.w2], "b2": round(model.b2, 5),
            "threshold": round(model.threshold, 5), "min_flags": model.min_flags}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "dev-scraped"))
    ap.add_argument("--precision", type=float, default=0.97, help="precision the threshold aims at on training sites")
    ap.add_argument("--clean-share", type=float, default=0.02,
                    help="share of the training clean articles the threshold may flag")
    ap.add_argument("--ablation-folds", type=int, default=21,
                    help="ablation variants: folds of whole sites (0 = leave-one-site-out, slower)")
    ap.add_argument("--no-ablation", action="store_true")
    ap.add_argument("--cross-site", action="store_true", help="also report repetition counted across sites only")
    ap.add_argument("--scenarios", action="store_true",
                    help="compare the full, local and paired models in corpora where repetition says more or less")
    ap.add_argument("--write", action="store_true", help="fit on all sites and write the weights")
    args = ap.parse_args(argv)
    data = Path(args.data)
    start = time.time()
    docs, clean = load(data)
    index_corpus(docs)
    index_corpus(clean)  # the clean articles are their own corpus, as kzlint would see them
    everything = docs + clean
    print(f"{len(docs)} docs, {len({d.site for d in docs})} sites, {sum(len(d.texts) for d in docs)} blocks "
          f"({time.time() - start:.1f}s)")

    variants = {"all": bp.FEATURES1}
    if not args.no_ablation:
        variants = {"all": bp.FEATURES1, "all ": bp.FEATURES1, "repetition only": bp.GROUPS["repetition"],
                    "shape only": bp.GROUPS["shape"], "lexicon only": bp.GROUPS["lexicon"],
                    "shape + lexicon (no repetition)": bp.GROUPS["shape"] + bp.GROUPS["lexicon"]}
    print("\nleave-one-site-out, held-out figures (stage 2 context applies in every variant)")
    print("| variant | recall | precision | recall --min-words 3 | precision --min-words 3 | clean docs flagged |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    results = {}
    for name, feats in variants.items():
        folds = 0 if name == "all" else args.ablation_folds
        name = name.strip()
        flags = loso(everything, tuple(feats), args.precision, args.clean_share, folds)
        results.setdefault(name, flags)
        r, p, *_ = metrics(docs, flags)
        r3, p3, *_ = metrics(docs, flags, 3)
        fp = sum(1 for d in clean if flags.get(d.name)) / len(clean)
        name = name if not folds else f"{name} ({folds} site folds)"
        print(f"| {name} | {r:.3f} | {p:.3f} | {r3:.3f} | {p3:.3f} | {fp:.3f} |", flush=True)
    flags = results["all"]
    per_site = defaultdict(list)
    for d in docs:
        per_site[d.site].append(d)
    recalls = []
    for site, items in per_site.items():
        r, p, _hit, found, req = metrics(items, flags)
        if req:
            recalls.append((r, p if found else float("nan"), site))
    rs = sorted(r for r, _, _ in recalls)
    ps = sorted(p for _, p, _ in recalls if not math.isnan(p))
    print(f"\nper-site held-out recall: min {rs[0]:.2f} p10 {rs[len(rs) // 10]:.2f} median {statistics.median(rs):.2f} "
          f"p90 {rs[9 * len(rs) // 10]:.2f}; precision: min {ps[0]:.2f} p10 {ps[len(ps) // 10]:.2f} "
          f"median {statistics.median(ps):.2f}")
    print("worst sites:", ", ".join(f"{s} r={r:.2f} p={p:.2f}" for r, p, s in sorted(recalls)[:6]))
    out = Path("/tmp/furn-loso.json")
    write_findings(docs, flags, out)
    clean_out = Path("/tmp/furn-loso-clean.json")
    write_findings(clean, flags, clean_out)
    score = data / "score.py"
    for extra in ([], ["--min-words", "3"]):
        res = subprocess.run([sys.executable, str(score), "--findings", str(out), "--clean-findings", str(clean_out), *extra], capture_output=True, text=True, check=False)
        print("score.py (held-out findings)", *extra, "->", res.stdout.strip().splitlines()[-1])
    if args.cross_site:
        index_corpus(docs, cross_site_only=True)
        flags = loso(everything, bp.FEATURES1, args.precision, args.clean_share)
        r, p, *_ = metrics(docs, flags)
        r3, p3, *_ = metrics(docs, flags, 3)
        print(f"\nrepetition counted over other SITES only: recall {r:.3f} precision {p:.3f}; "
              f"--min-words 3: {r3:.3f} {p3:.3f}")
        index_corpus(docs)
    if args.scenarios:
        compare_scenarios(docs, clean, args.precision, args.clean_share)
    if args.write:
        model = fit_pair(everything, args.precision, args.clean_share)
        payload = {
            "about": "lint/text/boilerplate.py furniture model; trained by benchmarks/furniture/train.py on "
                     "dev-scraped (scrapinghub article-extraction-benchmark pages, MIT), all sites",
            **_weights_json(model),
            "precision_target": args.precision, "clean_share_target": args.clean_share,
            "local": _weights_json(model.local),
        }
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {OUT} (threshold {model.threshold:.3f}, local {model.local.threshold:.3f})")
    print(f"done in {time.time() - start:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
