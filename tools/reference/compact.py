#!/usr/bin/env python3
"""Builds the compact reference tables Maillage ships (src/main/resources/reference/*.csv.gz)
from the JSON files of the npm package @etalab/decoupage-administratif (MIT).

Usage: tools/reference/compact.py PACKAGE_DATA_DIR [OUTPUT_DIR]
The application reads the same JSON files when an administrator updates the reference data
from a newer copy of the package (Administration > Données de référence)."""
import csv, gzip, io, json, os, sys

src = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../src/main/resources/reference")
load = lambda name: json.load(open(os.path.join(src, name), encoding="utf-8"))

def write(name, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    # mtime=0 keeps the archive byte-identical between runs
    with open(os.path.join(out, name), "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(buf.getvalue().encode("utf-8"))

epcis = load("epci.json")
epci_of = {m["code"]: e["code"] for e in epcis for m in e["membres"]}
write("epci.csv.gz", ["code", "name", "kind", "population"],
      [[e["code"], e["nom"], e["type"], e["populationTotale"]] for e in epcis])
write("regions.csv.gz", ["code", "name"], [[r["code"], r["nom"]] for r in load("regions.json")])
write("departements.csv.gz", ["code", "name", "region"],
      [[d["code"], d["nom"], d["region"]] for d in load("departements.json")])
rows = []
for c in load("communes.json"):
    if c["type"] == "arrondissement-municipal":
        continue
    rows.append([c["code"], c["nom"], c["type"], c.get("departement", ""), c.get("region", ""),
                 epci_of.get(c["code"], "") if c["type"] == "commune-actuelle" else "",
                 c.get("population", ""), " ".join(c.get("codesPostaux", [])),
                 " ".join(c.get("anciensCodes", [])), c.get("chefLieu", "")])
write("communes.csv.gz", ["code", "name", "kind", "departement", "region", "epci", "population",
                          "postcodes", "former_codes", "chef_lieu"], rows)
print(f"{len(rows)} communes, {len(epcis)} EPCI written to {out}")
