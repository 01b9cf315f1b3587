"""The layout is the architecture: lint/'s imports form no cycle and only go down the layers.

    core -> config -> text/reference -> facts -> backends -> rules -> engine -> output/daemon -> cli/lsp/api

A module may import from its own layer (without a cycle) and from any layer below; a rule family
(lint/rules/<family>/) imports only lint.rules.base and its own family: what two families share
lives in a lower layer (text, facts). The imports are read with `ast`, so a function-level
("lazy") import counts too; the only lazy imports allowed are those listed in LAZY with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lint"

LAYERS = [
    {"core"},
    {"config"},
    {"text", "reference"},
    {"facts"},
    {"backends"},
    {"rules"},
    {"engine"},
    {"output", "daemon"},
    {"cli", "lsp", "api", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}

# (importing module, imported module): why it is imported inside a function.
LAZY = {
    # `kzlint --version`, `kzlint rules` and `kzlint explain` must start without the engine, the output
    # renderers or the fixer: the command line imports each only in the subcommand that uses it.
    ("lint.cli.main", "lint.output"): "start-up time",
    ("lint.cli.main", "lint.cli.commands"): "start-up time",
    ("lint.cli.main", "lint.engine.run"): "start-up time",
    ("lint.cli.main", "lint.output.text"): "start-up time",
    ("lint.cli.main", "lint.engine.selection"): "start-up time",
    ("lint.cli.main", "lint.engine.fixes"): "start-up time",
    ("lint.cli.main", "lint.core.reading"): "start-up time",
    ("lint.cli.main", "lint.engine.diffbase"): "start-up time",
    # `kzlint --version` answers before pydantic, the config or the engine are imported (<= 0.15 s)
    ("lint.cli.main", "lint.cli.common"): "start-up time",
    ("lint.cli.main", "lint.cli.groups"): "start-up time",
    ("lint.cli.main", "lint.cli.notices"): "start-up time",
    ("lint.cli.main", "lint.cli.settings"): "start-up time",
    ("lint.cli.main", "lint.config"): "start-up time",
    ("lint.cli.main", "lint.core.findings"): "start-up time",
    ("lint.cli.main", "lint.engine"): "start-up time",
    ("lint.cli.main", "lint.engine.baseline"): "start-up time",
    ("lint.cli.main", "lint.engine.discovery"): "start-up time",
    ("lint.cli.main", "lint.engine.cache"): "start-up time",
    ("lint.cli.main", "lint.daemon.client"): "start-up time",
    ("lint.cli.main", "lint.cli.daemon"): "start-up time",
    # pygls is the `lsp` extra: only `kzlint server` imports the language server
    ("lint.cli.commands", "lint.lsp.server"): "optional dependency (pygls)",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The lint module `name` refers to (a module, or the package holding an imported attribute)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(module: str) -> list[tuple[str, bool, int]]:
    """(imported lint module, lazy, line) for every import of `module`."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            if name == "lint" or name.startswith("lint."):
                target = _resolve(name)
                if target and target != module:
                    found.append((target, id(node) not in top, node.lineno))
    return found


GRAPH = {module: imports(module) for module in MODULES}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "lint"


def family(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 3 and parts[1] == "rules" else None


def test_the_layers_cover_every_module():
    unknown = sorted({layer(m) for m in MODULES} - set(RANK) - {"lint"})
    assert not unknown, f"packages with no place in LAYERS: {unknown}"


def test_the_root_package_imports_nothing():
    assert not GRAPH["lint"], "lint/__init__.py is imported by every layer: it must import nothing"


def test_imports_only_go_down():
    wrong = []
    for module, edges in GRAPH.items():
        if module == "lint":
            continue
        for target, _lazy, line in edges:
            if target == "lint":
                continue
            if RANK[layer(target)] > RANK[layer(module)]:
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line}: {module} imports {target} (a layer above)")
    assert not wrong, "\n".join(wrong)


def test_rule_families_import_no_other_family():
    wrong = []
    for module, edges in GRAPH.items():
        own = family(module)
        if own is None:
            continue
        for target, _lazy, line in edges:
            other = family(target)
            if target.startswith("lint.rules") and other != own and target != "lint.rules.base":
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line}: family {own} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_lazy_imports_are_declared():
    undeclared = [
        f"{MODULES[module].relative_to(ROOT)}:{line}: {module} imports {target} inside a function"
        for module, edges in GRAPH.items() for target, lazy, line in edges
        if lazy and (module, target) not in LAZY
    ]
    assert not undeclared, "\n".join(undeclared) + "\n(import at the top, or declare it in LAZY with the reason)"


def test_no_import_cycles():
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target, _lazy, _line in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_the_graph_sees_the_imports():
    """A guard for the walker itself: the engine is known to import the rules and the config."""
    targets = {target for target, _lazy, _line in GRAPH["lint.engine.run"]}
    assert {"lint.config", "lint.rules", "lint.engine.corpus"} <= targets
