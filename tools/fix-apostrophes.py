#!/usr/bin/env python3
"""In messages*.properties, a value with {0}-style arguments goes through MessageFormat, where a
single apostrophe starts a quote: such values need '' instead of '. This rewrites them."""
import re, sys, glob
for path in sys.argv[1:] or glob.glob("src/main/resources/messages*.properties"):
    out = []
    for line in open(path, encoding="utf-8"):
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            if re.search(r"\{\d+", value):
                value = re.sub(r"(?<!')'(?!')", "''", value)
            line = key + "=" + value
        out.append(line)
    open(path, "w", encoding="utf-8").write("".join(out))
