"""The README's code is the code the tests run."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_oauth2_example_in_the_readme_is_the_tested_file() -> None:
    readme = (ROOT / "README.md").read_text()
    example = (ROOT / "examples" / "security" / "oauth2_jwt.py").read_text().rstrip("\n")
    assert f"```python\n{example}\n```" in readme


def test_the_first_app_in_the_readme_answers_as_shown() -> None:
    from fastapi.testclient import TestClient

    readme = (ROOT / "README.md").read_text()
    source = readme.split("## A first app\n\n```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    exec(compile(source, "README.md", "exec"), namespace)
    client = TestClient(namespace["app"])  # type: ignore[arg-type]
    expected = readme.split("422 FastAPI does:\n\n```json\n", 1)[1].split("\n```", 1)[0]
    assert client.get("/items/abc").text == expected
    assert client.post("/items", json={"name": "pen", "price": 1.5}).status_code == 201
