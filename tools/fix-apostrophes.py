#!/usr/bin/env python3
"""Messages go through MessageFormat (spring.messages.always-use-message-format=true), where a
single apostrophe starts a quote: every apostrophe in a value must be written ''. This rewrites
messages*.properties accordingly."""
import re, sys, glob
for path in sys.argv[1:] or glob.glob("src/main/resources/messages*.properties"):
    out = []
    for line in open(path, encoding="utf-8"):
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            line = key + "=" + re.sub(r"(?<!')'(?!')", "''", value)
        out.append(line)
    open(path, "w", encoding="utf-8").write("".join(out))
