#!/usr/bin/env python3
"""The Python baseline for manifest validation: what check-jsonschema and
kubernetes-validate do underneath. Loads every CRD under CRD_DIR, turns each
served version's openAPIV3Schema into a JSON Schema (nullable and
int-or-string translated as kubeconform's openapi2jsonschema does), and
validates every custom resource under MANIFEST_DIR with python-jsonschema.
Prints one line per invalid document and a count.

    bench/python_validate.py CRD_DIR MANIFEST_DIR
"""
import os
import sys

import jsonschema
import yaml

# libyaml's C loader when PyYAML has it: the fastest a Python user gets.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def documents(directory):
    for root, _, names in os.walk(directory):
        for name in sorted(names):
            if name.endswith((".yaml", ".yml", ".json")):
                path = os.path.join(root, name)
                try:
                    with open(path) as f:
                        for document in yaml.load_all(f, Loader=LOADER):
                            if isinstance(document, dict):
                                yield path, document
                except yaml.YAMLError as error:
                    print("%s: %s" % (path, error))


def translate(schema):
    """OpenAPI v3 extensions to plain JSON Schema."""
    if isinstance(schema, dict):
        schema = {k: translate(v) for k, v in schema.items()}
        if schema.get("x-kubernetes-int-or-string"):
            schema = {k: v for k, v in schema.items() if k != "type"}
            schema["anyOf"] = [{"type": "integer"}, {"type": "string"}]
        if schema.pop("nullable", False) and "type" in schema:
            kind = schema["type"]
            schema["type"] = [kind, "null"] if isinstance(kind, str) else list(kind) + ["null"]
        return schema
    if isinstance(schema, list):
        return [translate(item) for item in schema]
    return schema


def main():
    crd_dir, manifest_dir = sys.argv[1], sys.argv[2]
    validators = {}
    for _, document in documents(crd_dir):
        if document.get("kind") != "CustomResourceDefinition":
            continue
        spec = document.get("spec", {})
        group, kind = spec.get("group"), spec.get("names", {}).get("kind")
        for version in spec.get("versions", []):
            schema = (version.get("schema") or {}).get("openAPIV3Schema")
            if schema:
                validators[("%s/%s" % (group, version["name"]), kind)] = jsonschema.Draft7Validator(translate(schema))
    invalid = 0
    checked = 0
    for path, document in documents(manifest_dir):
        validator = validators.get((document.get("apiVersion"), document.get("kind")))
        if validator is None:
            continue
        checked += 1
        errors = list(validator.iter_errors(document))
        if errors:
            invalid += 1
            print("%s: %s %s: %s" % (path, document.get("kind"), (document.get("metadata") or {}).get("name"), errors[0].message))
    print("%d CRD versions, %d documents checked, %d invalid" % (len(validators), checked, invalid))


if __name__ == "__main__":
    main()
