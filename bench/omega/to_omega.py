#!/usr/bin/env python3
"""Writes JSON Lines releases (plain or gzip) as scriptindex input for index.script.

usage: to_omega.py OUT FILE...   Each record becomes id, title, text (the body's paragraphs joined on
one line), date (YYYYMMDD) and one category field per category, records separated by a blank line.
Prints the number of records and the bytes of title and body text.
"""
import gzip
import json
import sys


def one_line(s):
    return " ".join((s or "").split())


def main():
    out_path, files = sys.argv[1], sys.argv[2:]
    records = text_bytes = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for path in files:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as f:
                for line in f:
                    r = json.loads(line)
                    title, body = r.get("title") or "", r.get("body") or ""
                    if not body.strip():
                        continue
                    date = (r.get("date") or "")[:10].replace("-", "")
                    categories = "".join("category=%s\n" % one_line(c)[:200]
                                         for c in (r.get("category") or "").split("; ") if c.strip())
                    out.write("id=%s\ntitle=%s\ntext=%s\ndate=%s\n%s\n"
                              % (one_line(r["id"]), one_line(title), one_line(body), date, categories))
                    records += 1
                    text_bytes += len(title.encode()) + len(body.encode())
    print(json.dumps({"records": records, "text_bytes": text_bytes}))


if __name__ == "__main__":
    main()
