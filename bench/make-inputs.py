#!/usr/bin/env python3
"""Generates the benchmark inputs from the real reference data in ../shared:
  list-500.txt   a 500-line territory list typed as people type it (upper case, no accents, ST/STE,
                 a typo now and then, postcodes, INSEE codes in the postcode column, zone flags)
  queries.txt    2,000 autocomplete queries (name prefixes of 3 to 8 letters, some postcodes)"""
import json, random, sys, unicodedata, os
random.seed(2026)
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "out")
os.makedirs(out, exist_ok=True)
communes = [c for c in json.load(open(os.path.join(shared, "data/reference/etalab-decoupage-administratif-6.0.0/communes.json")))
            if c["type"] == "commune-actuelle"]
def plain(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in s if unicodedata.category(ch) != "Mn").upper().replace("-", " ")
def messy(name):
    n = plain(name).replace("SAINTE ", "STE ").replace("SAINT ", "ST ")
    if random.random() < 0.08 and len(n) > 8:   # a typo: one letter dropped
        i = random.randrange(2, len(n) - 2)
        if n[i] != " ":
            n = n[:i] + n[i + 1:]
    return n if random.random() < 0.7 else name.lower()
# a territory of three neighbouring départements, as real CPTS lists are
pool = [c for c in communes if c["departement"] in ("04", "83", "84")]
lines = []
for c in random.sample(pool, 500):
    code = c["code"] if random.random() < 0.05 else (c.get("codesPostaux") or [""])[0]
    zone = random.choice(["", "", "", "ZIP", "QPV", "ZAC", "-"])
    lines.append(f"{messy(c['nom'])}\t{code}\t{zone}")
open(os.path.join(out, "list-500.txt"), "w").write("\n".join(lines) + "\n")
queries = []
for c in random.sample(communes, 2000):
    if random.random() < 0.1 and c.get("codesPostaux"):
        queries.append(c["codesPostaux"][0][:random.randint(2, 5)])
    else:
        n = plain(c["nom"]).lower()
        queries.append(n[:random.randint(3, 8)].strip())
open(os.path.join(out, "queries.txt"), "w").write("\n".join(queries) + "\n")
print(f"wrote {out}/list-500.txt (500 lines) and {out}/queries.txt ({len(queries)} queries)")
