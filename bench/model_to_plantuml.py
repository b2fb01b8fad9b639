#!/usr/bin/env python3
"""Writes the model's diagrams as PlantUML, the way a team drawing them by
hand in PlantUML would: one .puml per diagram, a package per swimlane (or per
place components run), one element per step with a shape for its kind, and
labelled arrows. `make bench` times PlantUML rendering these against rolebook.
(Debian's PlantUML 1.2020.02 rejects `@startdot`, so the DOT files cannot be
fed to it directly.)

    bench/model_to_plantuml.py MODEL_DIR OUT_DIR
"""
import glob
import os
import sys

import yaml

model_dir, out_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
model = {}
for path in sorted(glob.glob(os.path.join(model_dir, "**", "*.yaml"), recursive=True)):
    if os.sep + "crds" + os.sep in path:
        continue
    document = yaml.safe_load(open(path)) or {}
    for key, value in document.items():
        if isinstance(value, list):
            model.setdefault(key, []).extend(value)
        else:
            model[key] = value

teams = {t["id"]: t["name"] for t in model.get("teams", [])}
components = {c["id"]: c for c in model.get("components", [])}
interactions = {i["id"]: i for i in model.get("interactions", [])}
flows = {str(f["id"]): f for f in model.get("flows", [])}
shape = {"start": "usecase", "end": "usecase", "action": "rectangle", "decision": "card", "escalation": "queue", "hand-off": "file"}


def quote(text):
    return str(text).replace('"', "'").replace("\n", " ")


def alias(text):
    return "n_" + "".join(c if c.isalnum() else "_" for c in str(text))


for diagram in model.get("diagrams", []):
    lines = ["@startuml", "title %s" % quote(diagram["title"]), "left to right direction" if "flow" not in diagram else "top to bottom direction"]
    if "flow" in diagram:
        flow = flows[str(diagram["flow"])]
        for lane in flow["lanes"]:
            lines.append('package "%s" {' % quote(teams.get(lane, lane)))
            for node in flow["nodes"]:
                if node["lane"] == lane:
                    lines.append('  %s "%s" as %s' % (shape[node["kind"]], quote(node["label"]), alias(node["id"])))
            lines.append("}")
        for edge in flow.get("edges", []):
            label = " : %s" % quote(edge["label"]) if edge.get("label") else ""
            lines.append("%s --> %s%s" % (alias(edge["from"]), alias(edge["to"]), label))
    else:
        places = {}
        for cid in diagram.get("components", []):
            places.setdefault(components[cid].get("runs-in", "other"), []).append(cid)
        for place, ids in sorted(places.items()):
            lines.append('package "%s" {' % place)
            lines += ['  component "%s" as %s' % (quote(components[c]["name"]), alias(c)) for c in ids]
            lines.append("}")
        for iid in diagram.get("interactions", []):
            interaction = interactions[iid]
            lines.append("%s --> %s : %s" % (alias(interaction["from"]), alias(interaction["to"]), quote(interaction["passes"])))
    lines.append("@enduml")
    with open(os.path.join(out_dir, "%s.puml" % diagram["id"]), "w") as f:
        f.write("\n".join(lines) + "\n")
