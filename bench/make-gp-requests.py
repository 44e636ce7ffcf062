#!/usr/bin/env python3
"""Writes N requests for a médecin traitant in the import's CSV format, spread over the communes of
one département by population: ALD 20 %, C2S 8 %, ages 16 to 95, 5 % needing home visits,
acceptable distances 20/30/50 km, filed over the past two years.
Usage: make-gp-requests.py N DEPARTEMENT OUTPUT [SHARED_DIR]"""
import datetime, itertools, json, os, random, sys
n, dept, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
shared = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__), "../../shared")
random.seed(n)
communes = [c for c in json.load(open(os.path.join(shared, "data/reference/etalab-decoupage-administratif-6.0.0/communes.json")))
            if c["type"] == "commune-actuelle" and c.get("departement") == dept and c.get("population")]
cumulative = list(itertools.accumulate(c["population"] for c in communes))
last = "ALLEMAND BERNARDI COLOMB DURBEC EYSSERIC FERAUD GARCIN HONORAT IMBERT JAUFFRET LIONS MARTINEL NOYER ORCEL PAUL ROUX TRON".split()
first = "Jeanne Marcel Odette Henri Sylvie Gérard Nathalie Patrick Camille Lucas Léa Raymond".split()
today = datetime.date.today()
with open(out, "w", encoding="utf-8") as f:
    f.write("nom_naissance;prenoms;date_naissance;sexe;commune;telephone;ald;c2s;visites_domicile;distance_km;date_demande\n")
    for i in range(n):
        c = random.choices(communes, cum_weights=cumulative)[0]
        birth = today - datetime.timedelta(days=random.randint(16 * 365, 95 * 365))
        filed = today - datetime.timedelta(days=random.randint(1, 730))
        f.write(";".join([random.choice(last) + str(i), random.choice(first), birth.strftime("%d/%m/%Y"), random.choice("FM"), c["code"],
                          "06%08d" % i, "oui" if random.random() < 0.2 else "non", "oui" if random.random() < 0.08 else "non",
                          "oui" if random.random() < 0.05 else "non", random.choice(["30"] * 17 + ["20", "20", "50"]),
                          filed.strftime("%d/%m/%Y")]) + "\n")
print(f"{out}: {n} requests over {len(communes)} communes")
