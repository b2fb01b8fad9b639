#!/usr/bin/env python3
"""Validates every shipped model file against `rolebook schema`, with the
reference JSON Schema implementation (python-jsonschema), the way an editor
would. Proves the schema editors get accepts the real model, and that it
rejects a misspelt key."""
import json, pathlib, subprocess, sys

import jsonschema
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
binary = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/rolebook")
schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

files = sorted(p for p in (root / "model").rglob("*.yaml") if "crds" not in p.parts)
failures = 0
for path in files:
    document = yaml.safe_load(path.read_text())
    # YAML reads some ids as numbers where JSON Schema wants strings; the loader
    # accepts them as text, so do the same here.
    errors = list(validator.iter_errors(json.loads(json.dumps(document, default=str))))
    for error in errors:
        failures += 1
        print(f"{path.relative_to(root)}: {'/'.join(map(str, error.path))}: {error.message}")

broken = {"teams": [{"id": "x", "nmae": "X", "engage": {"how": "y"}}]}
if validator.is_valid(broken):
    print("schema accepted a misspelt key")
    failures += 1

print(f"schema check: {len(files)} model files, {failures} problems")
sys.exit(1 if failures else 0)
