"""The document's last pass drops ``None`` values and ``_sa`` keys at any depth, in place, as
FastAPI's encoder leaves them out (fastapi.openapi._build.document)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fastapi.openapi._build.document import _drop_empty_values

KEYS = st.sampled_from(["a", "b", "_sa", "_sa_instance_state", "_s", "sa", "", "_"])
LEAVES = st.none() | st.integers() | st.text(max_size=3) | st.booleans()
TREES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=30,
)


def dropped(value: Any) -> Any:
    """What the pass must leave, written the plain recursive way."""
    if isinstance(value, dict):
        return {
            key: dropped(item)
            for key, item in value.items()
            if item is not None and not key.startswith("_sa")
        }
    if isinstance(value, list):
        return [dropped(item) for item in value]  # None inside a list stays
    return value


@given(TREES)
def test_none_values_and_sa_keys_are_dropped_at_any_depth(tree: Any) -> None:
    expected = dropped(copy.deepcopy(tree))
    _drop_empty_values(tree)
    assert tree == expected
    if isinstance(tree, dict):
        assert list(tree) == list(expected)  # key order kept


def test_shared_subtrees_and_deep_nesting() -> None:
    shared = {"x": None, "y": 1}
    deep: Any = {"leaf": None}
    for _ in range(2000):  # deeper than the recursion limit
        deep = {"child": deep, "_sa": 1}
    tree = {"one": shared, "two": [shared, shared], "deep": deep}
    _drop_empty_values(tree)
    assert tree["one"] == {"y": 1} and tree["two"] == [{"y": 1}, {"y": 1}]
    node = tree["deep"]
    while "child" in node:
        assert list(node) == ["child"]
        node = node["child"]
    assert node == {}
