#!/usr/bin/env python3
"""Issue 18 benchmark helper, through the API only (stdlib).

  contract-setup.py BASE TOKEN contract CPTS SIGNED_ON     records a contract and adopts every offered indicator
  contract-setup.py BASE TOKEN cpts N SIGNED_ON            creates N more CPTS, each with its contract and indicators
  contract-setup.py BASE TOKEN work CPTS YEAR              30 action sheets, 200 budget lines, the FEC mapping
  contract-setup.py fec FILE LINES YEAR                    writes a balanced FEC of LINES lines (tab separated)
"""
import json, random, sys, urllib.request

HEADER = ("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t"
          "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise")
# accounts of classes 6 and 7 the CPTS maps, with their counterparts
EXPENSES = [("641100", "Salaires"), ("645100", "Cotisations URSSAF"), ("613200", "Loyer"), ("625100", "Déplacements"),
            ("626000", "Frais postaux et télécoms"), ("651000", "Logiciels"), ("622600", "Honoraires"), ("623400", "Cadeaux et réceptions")]
INCOMES = [("741000", "Subvention ACI fonctionnement"), ("742000", "Subvention FIR"), ("756000", "Cotisations des adhérents")]
MAPPING = [("641", "FUNCTIONING", "SALARIES"), ("645", "FUNCTIONING", "SALARIES"), ("613", "FUNCTIONING", "RENT"), ("6251", "ACCESS", "EVENTS"),
           ("626", "FUNCTIONING", "TOOLS"), ("651", "FUNCTIONING", "TOOLS"), ("6226", "PATHWAYS", "COMPENSATION"), ("6234", "PREVENTION", "EVENTS"),
           ("741", "FUNCTIONING", "ACI_FUNCTIONING"), ("742", "PREVENTION", "FIR"), ("756", "FUNCTIONING", "FEES")]


def call(base, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            raw = r.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path}: {e.code} {e.read()[:400]!r}")


def contract(base, token, cpts, signed_on):
    missions = ["ACCESS", "PATHWAYS", "PREVENTION", "CRISIS", "SUPPORT"]
    call(base, token, "PUT", f"/api/v1/cpts/{cpts}/contract", {"signedOn": signed_on, "missions": [{"mission": m} for m in missions]})
    offered = call(base, token, "GET", "/api/v1/indicators/offered")
    by_mission = {}
    for o in offered:
        by_mission.setdefault(o["mission"], []).append(o)
    n = 0
    for mission, items in by_mission.items():
        if mission not in missions:
            continue
        share = 100 // len(items)
        for k, o in enumerate(items):
            weight = share + (100 - share * len(items) if k == 0 else 0)
            targets = {str(y): {"value": 100 if o["unit"] != "PERCENT" else 80} for y in range(1, 6)}
            call(base, token, "POST", f"/api/v1/cpts/{cpts}/indicators", {"sourceCode": o["code"], "weightPercent": weight, "targets": targets})
            n += 1
    return n


def main():
    if sys.argv[1] == "fec":
        path, lines, year = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        rnd = random.Random(18)
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER + "\n")
            written, entry = 0, 0
            while written < lines:
                entry += 1
                day = f"{year}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
                cents = rnd.randint(100, 500000)
                amount = f"{cents // 100},{cents % 100:02d}"
                if rnd.random() < 0.8:
                    acc, lab = rnd.choice(EXPENSES)
                    rows = [("AC", acc, lab, amount, "0,00"), ("AC", "401000", "Fournisseurs", "0,00", amount)]
                else:
                    acc, lab = rnd.choice(INCOMES)
                    rows = [("BQ", "512000", "Banque", amount, "0,00"), ("BQ", acc, lab, "0,00", amount)]
                for j, acc, lab, debit, credit in rows:
                    f.write("\t".join([j, j + " journal", str(entry), day, acc, lab, "", "", f"P{entry}", day, lab, debit, credit, "", "", day, "", ""]) + "\n")
                    written += 1
        return
    base, token, what = sys.argv[1], sys.argv[2], sys.argv[3]
    if what == "contract":
        print(contract(base, token, sys.argv[4], sys.argv[5]), "indicators adopted")
    elif what == "cpts":
        n, signed_on = int(sys.argv[4]), sys.argv[5]
        for i in range(n):
            c = call(base, token, "POST", "/api/v1/cpts", {"name": f"CPTS Banc contrat {i}", "siret": "89273929300017", "address": "1 place de la Mairie",
                                                           "email": "contact@banc.fr", "phone": "0400000000", "slug": f"banc-contrat-{i}"})
            contract(base, token, c["id"], signed_on)
        print(n, "CPTS with their contract")
    elif what == "work":
        cpts, year = sys.argv[4], int(sys.argv[5])
        rnd = random.Random(7)
        for code, mission, category in MAPPING:
            call(base, token, "PUT", f"/api/v1/cpts/{cpts}/budget/mapping", {"kind": "ACCOUNT", "code": code, "mission": mission, "category": category})
        sheets = []
        for y in (year - 1, year):
            for k in range(15):
                m = ["ACCESS", "PATHWAYS", "PREVENTION", "CRISIS", "SUPPORT"][k % 5]
                s = call(base, token, "POST", f"/api/v1/cpts/{cpts}/action-sheets", {
                    "year": y, "mission": m, "title": f"Action {k + 1} de {y}", "context": "Diagnostic du territoire. " * 20,
                    "objectives": "Objectif chiffré. " * 10, "targetPopulation": "Patients du territoire", "actions": "Étape. " * 30,
                    "milestones": [{"due": f"{y}-{mm:02d}-15", "label": f"Jalon {mm}", "done": mm < 6} for mm in range(1, 13, 2)]})
                sheets.append(s["id"])
        for k in range(200):
            cat = rnd.choice(["SALARIES", "COMPENSATION", "EVENTS", "TOOLS", "RENT", "OTHER_EXPENSE", "FIR", "CALL_FOR_PROJECTS", "ACI_FIXED"])
            call(base, token, "POST", f"/api/v1/cpts/{cpts}/budget/lines", {
                "year": year, "mission": rnd.choice(["FUNCTIONING", "ACCESS", "PATHWAYS", "PREVENTION", "CRISIS", "SUPPORT"]),
                "sheetId": rnd.choice(sheets) if k % 3 == 0 else None, "category": cat, "label": f"Ligne {k + 1}",
                "plannedCents": rnd.randint(10000, 2000000), "actualCents": rnd.randint(0, 1500000)})
        print(len(sheets), "action sheets, 200 budget lines,", len(MAPPING), "account mappings")


if __name__ == "__main__":
    main()
