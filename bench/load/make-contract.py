#!/usr/bin/env python3
"""Writes an AnalyzeRequest JSON with a realistic contract of N paragraphs to stdout.

Paragraphs are read at run time from the shared dev corpus (one paragraph a line; the SOURCE line is skipped),
taking the contractor and services agreements first, so the request looks like what the pane sends for a real
contract. Nothing from the corpus is stored in the repository. Without the corpus a synthetic contract is made
from clause templates, with the same kinds of risky clauses.
"""
import json
import pathlib
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
corpus = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None


def from_corpus(folder):
    files = sorted(folder.glob("*.txt"))
    # Agreements between a freelancer and a client first: they are what the pane is for.
    first = [f for f in files if any(k in f.name for k in ("contractor", "services", "design", "webdesign"))]
    paragraphs = []
    for path in first + [f for f in files if f not in first]:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("SOURCE:"):
                paragraphs.append(line)
    return paragraphs


def synthetic(n):
    rng = random.Random(7)
    parties = [("Contractor", "Client"), ("Designer", "Agency"), ("Writer", "Publisher")]
    party, other = parties[0]
    templates = [
        "{p} will perform the services described in each Statement of Work with reasonable skill and care.",
        "{o} will pay {p} the fees set out in the Statement of Work within thirty (30) days of receipt of an invoice.",
        "{p} hereby grants {o} a perpetual, irrevocable, worldwide, royalty-free license to use the Deliverables for any and all purposes.",
        "{o} may modify, adapt and create derivative works of the Deliverables, including all future modifications.",
        "{o} may store the Deliverables and share them with its affiliates, partners and service providers.",
        "{p} waives all moral rights in the Deliverables to the extent permitted by law.",
        "All right, title and interest in the Deliverables, including all intellectual property rights, shall vest in {o} on creation.",
        "Either party may terminate this Agreement on thirty (30) days' written notice to the other party.",
        "Each party shall keep the other party's Confidential Information confidential and use it only to perform this Agreement.",
        "This Agreement is governed by the laws of the State of New York, without regard to its conflict of laws rules.",
        "Neither party is liable for any indirect, incidental or consequential damages arising out of this Agreement.",
        "{o} may use the Deliverables in any media now known or hereafter devised.",
    ]
    out = ['This Agreement is made between {o} Inc. (the "{o}") and Alex Doe (the "{p}").'.format(p=party, o=other)]
    while len(out) < n:
        out.append(f"{len(out)}. " + rng.choice(templates).format(p=party, o=other))
    return out


paragraphs = from_corpus(corpus) if corpus and corpus.is_dir() else []
source = f"corpus {corpus}" if paragraphs else "synthetic clauses"
if not paragraphs:
    paragraphs = synthetic(count)
paragraphs = [paragraphs[i % len(paragraphs)] for i in range(count)]
json.dump({"paragraphs": [{"id": f"p{i}", "text": t} for i, t in enumerate(paragraphs)]}, sys.stdout, ensure_ascii=False)
print(f"contract: {count} paragraphs, {sum(map(len, paragraphs))} characters, from {source}", file=sys.stderr)
