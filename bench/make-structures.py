#!/usr/bin/env python3
"""Writes N structures (one JSON object a line, the body of POST /api/v1/organizations) in real
communes weighted by population: MSP, pharmacies, EHPAD, SSIAD, centres de santé, laboratories...
with valid FINESS keys for a third of them.   Usage: make-structures.py N OUTPUT [SHARED_DIR]"""
import itertools, json, os, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "../../shared")
random.seed(n)
communes = [c for c in json.load(open(os.path.join(shared, "data/reference/etalab-decoupage-administratif-6.0.0/communes.json")))
            if c["type"] == "commune-actuelle" and c.get("population") and c.get("codesPostaux")]
cumulative = list(itertools.accumulate(c["population"] for c in communes))
kinds = [("PHARMACIE", "Pharmacie {s} de {c}", 40), ("MSP", "Maison de santé pluriprofessionnelle de {c}", 10),
         ("EHPAD", "EHPAD {s} de {c}", 12), ("SSIAD", "SSIAD du secteur de {c}", 6), ("CENTRE_SANTE", "Centre de santé {s} de {c}", 6),
         ("LABORATOIRE", "Laboratoire de biologie médicale {s} de {c}", 8), ("CMP", "CMP {s} de {c}", 3), ("PMI", "PMI de {c}", 3),
         ("ASSOCIATION", "Association {s} de {c}", 6), ("CLINIQUE", "Clinique {s} de {c}", 3), ("HOPITAL", "Centre hospitalier de {c}", 3)]
words = "du Centre|de la Gare|des Oliviers|Saint-Michel|Les Tilleuls|de la Place|du Parc|Pasteur|Les Lavandes|de la Durance|du Lac|Les Cèdres".split("|")
def luhn_key(body):
    for k in range(10):
        digits = [int(d) for d in body + str(k)]
        s = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(reversed(digits)))
        if s % 10 == 0:
            return body + str(k)
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        kind, pattern, _ = random.choices(kinds, [k[2] for k in kinds])[0]
        c = random.choices(communes, cum_weights=cumulative)[0]
        o = {"kind": kind, "name": pattern.format(s=random.choice(words), c=c["nom"]) + " " + str(i), "commune": c["code"],
             "address": "%d avenue de la République" % random.randint(1, 90), "phone": "04%08d" % random.randint(0, 99999999),
             "publicListing": random.random() < 0.5,
             "openingHours": "Du lundi au vendredi 8 h 30 – 19 h" if kind in ("PHARMACIE", "MSP", "CENTRE_SANTE") else None}
        if random.random() < 0.33:
            o["finess"] = luhn_key(c["code"][:2].replace("A", "0").replace("B", "0") + "%06d" % i)
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(f"{out}: {n} structures")
