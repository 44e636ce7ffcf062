#!/usr/bin/env python3
"""Writes an RPPS "Personne activite" extraction of N lines in the real format (56-column header
of ../shared/data/formats, pipe-separated, trailing pipe, UTF-8): professionals with realistic
names, professions and practice sites in real communes (weighted by population), valid RPPS keys,
some with two activities.   Usage: make-rpps.py N OUTPUT [SHARED_DIR]
(RPPS_DEPARTEMENT=04 keeps the practice sites in one département.)"""
import json, os, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "../../shared")
random.seed(n)
header = [h for h in open(os.path.join(shared, "data/formats/rpps-personne-activite-header.txt"), encoding="utf-8").read().strip().split("|") if h]
col = {h: i for i, h in enumerate(header)}
communes = [c for c in json.load(open(os.path.join(shared, "data/reference/etalab-decoupage-administratif-6.0.0/communes.json")))
            if c["type"] == "commune-actuelle" and c.get("population") and c.get("codesPostaux")
            and c.get("departement") == os.environ.get("RPPS_DEPARTEMENT", c.get("departement"))]
import itertools
cumulative = list(itertools.accumulate(c["population"] for c in communes))
last = ("MARTIN BERNARD THOMAS PETIT ROBERT RICHARD DURAND DUBOIS MOREAU LAURENT SIMON MICHEL LEFEBVRE LEROY ROUX DAVID BERTRAND "
        "MOREL FOURNIER GIRARD BONNET DUPONT LAMBERT FONTAINE ROUSSEAU VINCENT MULLER LEFÈVRE FAURE ANDRÉ MERCIER BLANC GUÉRIN BOYER "
        "GARNIER CHEVALIER FRANÇOIS LEGRAND GAUTHIER GARCIA PERRIN ROBIN CLÉMENT MORIN NICOLAS HENRY ROUSSEL MATHIEU GAUTIER MASSON").split()
first = ("Marie Jean Pierre Michel Anne Philippe Nathalie Isabelle Catherine Sylvie Christophe Stéphane Frédéric Céline Hélène Zoé "
         "Jérôme Gaëlle Léa Chloé Inès Noé Amélie François Aurélie Sébastien Élodie Benoît Camille Dominique").split()
professions = [("10", "Médecin", "SM54", "Médecine Générale", 30), ("60", "Infirmier", "", "", 30), ("21", "Pharmacien", "", "", 10),
               ("70", "Masseur-Kinésithérapeute", "", "", 15), ("40", "Chirurgien-Dentiste", "", "", 6), ("50", "Sage-Femme", "", "", 4),
               ("91", "Orthophoniste", "", "", 5)]
pw = [p[4] for p in professions]
def luhn_key(body):
    for k in range(10):
        digits = [int(d) for d in body + str(k)]
        s = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(reversed(digits)))
        if s % 10 == 0:
            return body + str(k)
written = 0
person = 0
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("|".join(header) + "|\r\n")
    while written < n:
        person += 1
        rpps = luhn_key("1%09d" % person)
        code, plabel, sf, sflabel, _ = random.choices(professions, pw)[0]
        ln, fn = random.choice(last), random.choice(first)
        for _ in range(2 if random.random() < 0.05 else 1):
            c = random.choices(communes, cum_weights=cumulative)[0]
            row = [""] * len(header)
            def put(name, value):
                row[col[name]] = value
            put("Type d'identifiant PP", "8"); put("Identifiant PP", rpps); put("Identification nationale PP", "8" + rpps)
            put("Libellé civilité exercice", "Docteur" if code in ("10", "40") else ""); put("Nom d'exercice", ln); put("Prénom d'exercice", fn)
            put("Code profession", code); put("Libellé profession", plabel); put("Code savoir-faire", sf); put("Libellé savoir-faire", sflabel)
            put("Code mode exercice", "L"); put("Libellé mode exercice", "Libéral")
            put("Raison sociale site", "CABINET " + ln); put("Numéro Voie (coord. structure)", str(random.randint(1, 120)))
            put("Libellé type de voie (coord. structure)", "Rue"); put("Libellé Voie (coord. structure)", "de la République")
            put("Code postal (coord. structure)", c["codesPostaux"][0]); put("Code commune (coord. structure)", c["code"])
            put("Libellé commune (coord. structure)", c["nom"].upper()); put("Téléphone (coord. structure)", "04%08d" % random.randint(0, 99999999))
            put("Libellé secteur d'activité", "Cabinet individuel"); put("Libellé fonction", "Titulaire de cabinet")
            f.write("|".join(row) + "|\r\n")
            written += 1
print(f"{out}: {written} lines, {person} professionals, {os.path.getsize(out) // (1024 * 1024)} MB")
