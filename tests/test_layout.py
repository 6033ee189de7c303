"""The package layout shows the flow: no import cycles, and imports go down the flow only."""
from __future__ import annotations

import ast
from pathlib import Path

import pipeline

PACKAGE = Path(pipeline.__file__).resolve().parent
#: Stages that may never import the orchestration, the evaluation or the command line.
LOWER = ("pipeline.io", "pipeline.structure", "pipeline.dates", "pipeline.nlp", "pipeline.extract")
UPPER = ("pipeline.run", "pipeline.eval", "pipeline.cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "patterns" not in p.parts}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """Every package module `name` imports, at module level or inside functions."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            # a package's __init__ importing its own submodules is how packages re-export
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_is_read_correctly():
    edges = graph()
    assert "pipeline.extract.article" in edges["pipeline.extract.process"]
    assert "pipeline.io.inputs" in edges["pipeline.extract.process"]
    assert "pipeline.lexicon" in edges["pipeline.nlp.components.readers"]


def test_no_import_cycle():
    assert find_cycle(graph()) is None, f"import cycle: {' -> '.join(find_cycle(graph()))}"


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_imports_go_down_the_flow():
    for name, targets in graph().items():
        if name.startswith(LOWER):
            upward = sorted(t for t in targets if t.startswith(UPPER))
            assert not upward, f"{name} imports {upward}: lower stages never import run, eval or cli"
        if name.startswith("pipeline.run"):
            assert not [t for t in targets if t.startswith(("pipeline.eval", "pipeline.cli"))], name
