#!/usr/bin/env python3
"""POSTs each JSON line of a file to BASE+PATH with a bearer token, on a few threads; stops on the
first answer that is not 201.   Usage: post-lines.py BASE TOKEN PATH FILE"""
import concurrent.futures, sys, urllib.request
base, token, path, file = sys.argv[1:5]
def post(line):
    req = urllib.request.Request(base + path, data=line.encode("utf-8"), method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        if r.status != 201:
            raise SystemExit(f"HTTP {r.status} for {line}")
lines = [l for l in open(file, encoding="utf-8") if l.strip()]
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    list(pool.map(post, lines))
print(f"{len(lines)} posted to {path}")
