"""Show, compactly, where this package's answers differ from the recorded FastAPI ones.

    .venv/bin/python tools/compat_diff.py [scenario-prefix ...] [--openapi] [--width N]
    .venv/bin/python tools/compat_diff.py SCENARIO --accept --reason "why this is intended"

``--accept`` records the current differing answers as intended deviations (after review!).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "compat"))
import deviations
import harness


def clip(value: object, width: int) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 3] + "..."


def main(argv: list[str]) -> None:
    width = 400
    if "--width" in argv:
        width = int(argv[argv.index("--width") + 1])
        argv = [a for a in argv if a not in ("--width", str(width))]
    openapi = "--openapi" in argv
    reason = None
    if "--accept" in argv:
        reason = argv[argv.index("--reason") + 1]
        argv = [a for a in argv if a not in ("--accept", "--reason", reason)]
    prefixes = [a for a in argv if not a.startswith("--")]
    names = [
        n for n in harness.scenario_names()
        if (harness.EXPECTED / f"{n}.json").exists() and (not prefixes or any(n.startswith(p) for p in prefixes))
    ]
    bad = 0
    for name in names:
        expected = json.loads((harness.EXPECTED / f"{name}.json").read_text())
        actual = harness.run(name)
        lines = []
        if "import_error" in expected or "import_error" in actual:
            if expected.get("import_error") != actual.get("import_error"):
                lines.append(f"  import_error: want {expected.get('import_error')} got {actual.get('import_error')}")
        else:
            alternatives = deviations.intended(name)
            accepted = {}
            for index, (want, got) in enumerate(zip(expected["cases"], actual["cases"], strict=False)):
                if index in alternatives:
                    want = alternatives[index]["case"]
                if want != got and reason is not None:
                    accepted[str(index)] = {"reason": reason, "case": got}
                    continue
                if want != got:
                    keys = [k for k in ("status", "headers", "body", "raises", "received", "harness_error") if want.get(k) != got.get(k)]
                    lines.append(f"  {want['request']}")
                    for k in keys:
                        lines.append(f"    {k}: want {clip(want.get(k), width)}\n    {' ' * len(k)}   got  {clip(got.get(k), width)}")
            if accepted:
                path = deviations.INTENDED / f"{name}.json"
                previous = json.loads(path.read_text()) if path.exists() else {}
                path.write_text(json.dumps({**previous, **accepted}, indent=1, ensure_ascii=False) + "\n")
                print(f"== {name}: accepted {len(accepted)} intended deviation(s)")
            if openapi and expected.get("openapi") != actual.get("openapi"):
                lines.append("  openapi differs")
        if lines:
            bad += 1
            print(f"== {name}")
            print("\n".join(lines))
    print(f"{bad} of {len(names)} scenarios differ")


if __name__ == "__main__":
    main(sys.argv[1:])
