#!/usr/bin/env python3
"""Corpus preparation for bench/run.

  make_corpus.py stats OUT.json FILE...      records with a body and bytes of their title+body
  make_corpus.py repeat OUTDIR N FILE...     N records made by repeating FILEs' records (with a body) in
                                             order, each pass with new ids ("<id>~rK"), written
                                             as gzip JSON Lines parts of 100,000 records
"""
import gzip
import json
import os
import sys


def records(files):
    for path in files:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield line


def stats(out_path, files):
    """Counts the records that can be indexed (those with a body), as the indexers do."""
    n = text = 0
    for line in records(files):
        r = json.loads(line)
        if not (r.get("body") or "").strip():
            continue
        n += 1
        text += len((r.get("title") or "").encode()) + len((r.get("body") or "").encode())
    with open(out_path, "w") as out:
        json.dump({"records": n, "text_bytes": text}, out)


def repeat(outdir, total, files):
    os.makedirs(outdir, exist_ok=True)
    written, part, out, round_no = 0, 0, None, 0
    text = 0
    while written < total:
        for line in records(files):
            if written == total:
                break
            if written % 100000 == 0:
                if out:
                    out.close()
                out = gzip.open(os.path.join(outdir, "part-%03d.jsonl.gz" % part), "wt",
                                encoding="utf-8", compresslevel=1)
                part += 1
            r = json.loads(line)
            if not (r.get("body") or "").strip():
                continue
            if round_no:
                r["id"] = "%s~r%d" % (r["id"], round_no)
            text += len((r.get("title") or "").encode()) + len((r.get("body") or "").encode())
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            written += 1
        round_no += 1
    out.close()
    with open(os.path.join(outdir, "stats.json"), "w") as f:
        json.dump({"records": written, "text_bytes": text}, f)


def main():
    if sys.argv[1] == "stats":
        stats(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "repeat":
        repeat(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
