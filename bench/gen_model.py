#!/usr/bin/env python3
"""Writes a synthetic rolebook model with N components and N flow nodes, for
the growth benchmark: teams, components with responsibilities, interactions,
terms, plans, flows of 10 nodes each (a decision, an escalation, a hand-off
chain) with a CIF-before-incident invariant, and one diagram per flow.

    bench/gen_model.py N OUT_DIR
"""
import os
import sys

n = int(sys.argv[1])
out = sys.argv[2]
os.makedirs(os.path.join(out, "flows"), exist_ok=True)

def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)

teams = ["l1", "l2", "cif", "platform", "sre", "im"]
write("document.yaml", "document:\n  title: Synthetic platform with %d components\n  labels: [synthetic]\n" % n)
write("teams.yaml", "teams:\n" + "".join(
    "  - id: %s\n    name: Team %s\n    engage: { how: Page team %s, channel: '#%s' }\n" % (t, t.upper(), t, t) for t in teams))

lines = ["components:"]
for i in range(n):
    lines += [
        "  - id: c%d" % i,
        "    name: Component %d" % i,
        "    kind: operator",
        "    owner: %s" % teams[i % len(teams)],
        "    operators: [%s]" % teams[(i + 1) % len(teams)],
        "    change-scope: [%s]" % ["data-center", "kubernetes-cluster", "namespace", "express-cluster", "node"][i % 5],
        "    summary: Component %d does **something** useful." % i,
        "    responsibilities:",
        "      - { title: Reconciling part %d, detail: of the platform. }" % i,
        "      - { title: Reporting status %d, detail: to everyone. }" % i,
        "    rationale: Because component %d exists." % i,
        "    benefits: [Faster, Safer]",
    ]
write("components.yaml", "\n".join(lines) + "\n")

lines = ["interactions:"]
for i in range(n):
    lines.append("  - { id: i%d, from: c%d, to: c%d, passes: data %d, mechanism: API }" % (i, i, (i + 1) % n, i))
write("interactions.yaml", "\n".join(lines) + "\n")

lines = ["terms:"]
for i in range(max(1, n // 10)):
    lines.append("  - { id: t%d, term: Term %d, definition: Meaning %d., level: c%d, avoid: [term-%d] }" % (i, i, i, i % n, i))
write("terms.yaml", "\n".join(lines) + "\n")

lines = ["plans:"]
for i in range(max(1, n // 10)):
    lines.append("  - { id: p%d, horizon: %s, level: %s, title: Plan %d, status: proposed }" % (
        i, ["short-term", "long-term"][i % 2], ["helm-chart", "express-operator", "either"][i % 3], i))
write("plans.yaml", "\n".join(lines) + "\n")

flows = max(1, n // 10)
escalation = "escalation:\n  - { scope: kubernetes-cluster, signal: Wide impact, engage: [l2, cif, im] }\n"
write("escalation.yaml", escalation)
diagrams = ["diagrams:"]
for f in range(flows):
    nodes = [
        "      - { id: start, kind: start, lane: l2, label: Alert %d }" % f,
        "      - { id: look, kind: action, lane: l2, label: Look at it }",
        "      - { id: check, kind: decision, lane: l2, label: Infrastructure? }",
        "      - { id: cif, kind: escalation, lane: cif, label: Engage CIF, engages: cif }",
        "      - { id: fix, kind: action, lane: cif, label: CIF fixes }",
        "      - { id: fixed, kind: decision, lane: cif, label: Fixed? }",
        "      - { id: im, kind: escalation, lane: im, label: Incident, engages: im }",
        "      - { id: app, kind: action, lane: platform, label: Check the app }",
        "      - { id: next, kind: hand-off, lane: l2, label: Next flow, flow: f%d }" % ((f + 1) % flows) if flows > 1
        else "      - { id: next, kind: end, lane: l2, label: Next }",
        "      - { id: done, kind: end, lane: l2, label: Done }",
    ]
    edges = [
        ("start", "look", None), ("look", "check", None), ("check", "cif", "Yes"), ("check", "app", "No"),
        ("cif", "fix", None), ("fix", "fixed", None), ("fixed", "done", "Yes"), ("fixed", "im", "No"),
        ("im", "done", None), ("app", "next", None),
    ]
    text = "flows:\n  - id: f%d\n    title: Flow %d\n    lanes: [l2, cif, platform, im]\n    nodes:\n%s\n    edges:\n%s\n" % (
        f, f, "\n".join(nodes),
        "\n".join("      - { from: %s, to: %s%s }" % (a, b, ", label: %s" % l if l else "") for a, b, l in edges))
    text += "    invariants:\n      - { id: cif-first, after: { node: check, branch: 'Yes' }, engages: cif, before: im }\n"
    write(os.path.join("flows", "f%d.yaml" % f), text)
    diagrams.append("  - { id: d%d, title: Diagram %d, flow: f%d }" % (f, f, f))
write("diagrams.yaml", "\n".join(diagrams) + "\n")
