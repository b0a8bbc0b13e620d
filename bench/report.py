#!/usr/bin/env python3
"""Reads one bench/run results folder, prints the side-by-side table, writes results.json and
scales.png (each figure across the scales measured, drawn with gnuplot).

usage: report.py RESULTS_DIR
"""
import json
import os
import subprocess
import sys

SCALE_ORDER = ["doj", "107k", "1m"]


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def load_lines(path):
    try:
        with open(path) as f:
            return [json.loads(l) for l in f if l.strip()]
    except FileNotFoundError:
        return []


def scale_results(d):
    r = {k: load(os.path.join(d, k + ".json")) for k in
         ["corpus", "indexing", "inprocess", "http", "http-cached", "memory", "memory-cached", "fts5",
          "omega-index", "omega-http"]}
    r["wrk-searchd"] = load_lines(os.path.join(d, "wrk-searchd.jsonl"))
    r["wrk-searchd-cached"] = load_lines(os.path.join(d, "wrk-searchd-cached.jsonl"))
    r["wrk-omega"] = load_lines(os.path.join(d, "wrk-omega.jsonl"))
    return r


def rps(w):
    return w["requests"] / w["duration_s"] if w and w.get("duration_s") else 0.0


def fmt_ratio(a, b):
    return "%.2fx" % (a / b) if a and b else "-"


def mb(n):
    return n / 1e6 if n else 0.0


def measured_beside(h):
    """Whether the HTTP run timed the floor and the Searcher beside it (http_bench --floor-db)."""
    return bool(h and h.get("floor") and h.get("searcher"))


def http_bases(r):
    """The floor and the Searcher searchd's HTTP figures are divided by: those measured beside
    them (passes interleaved) when the run has them, else the in-process run's."""
    h, ip = r["http"], r["inprocess"]
    if measured_beside(h):
        return h["floor"], h["searcher"]
    return (ip["xapian"], ip["searcher_nofacets"]) if ip else (None, None)


def table(name, r, out):
    c, ix, ip, h = r["corpus"], r["indexing"], r["inprocess"], r["http"]
    floor = ip["xapian"] if ip else None
    searcher = ip["searcher_nofacets"] if ip else None
    p = lambda *a: out.append("".join(a))
    p("")
    p("== %s: %d records, %.1f MB of title and body text ==" % (name, c["records"], mb(c["text_bytes"])))
    p("(floor: plain Xapian in process; srchr: searchd's Searcher in process, no facets;"
      " HTTP rows search every request, --cache-mb 0, but the one marked cache)")
    p("(searchd's HTTP rows are divided by the floor and Searcher measured beside them, their passes"
      " interleaved with the HTTP ones; the other rows by those of the in-process run)")
    p("%-44s %8s %8s %8s %10s %10s %10s %10s" % ("latency per query, warm (ms)", "p50", "p90", "p99",
                                                 "p50/floor", "p99/floor", "p50/srchr", "p99/srchr"))
    bases = (floor, searcher)
    http = http_bases(r)
    rows = []
    if ip:
        rows += [("Xapian in-process, 1 KB snippet (floor)", ip["xapian"], bases),
                 ("searchd Searcher in-process, no facets", ip["searcher_nofacets"], bases),
                 ("searchd Searcher in-process, facets", ip["searcher_facets"], bases)]
    if h:
        if measured_beside(h):
            rows += [("  floor, beside the HTTP rows", h["floor"], http),
                     ("  Searcher, no facets, beside the HTTP rows", h["searcher"], http)]
        rows += [("pressroom-searchd HTTP, no facets", h["nofacets"], http),
                 ("pressroom-searchd HTTP, facets", h["facets"], http)]
    if r["http-cached"]:
        rows.append(("searchd HTTP, no facets, query seen (cache)", r["http-cached"]["nofacets"], http))
    if r["fts5"]:
        rows.append(("SQLite FTS5, bm25 + snippet(), C API", r["fts5"]["latency"], bases))
    if r["omega-http"]:
        rows.append(("Omega CGI behind lighttpd", r["omega-http"]["omega"], bases))
    for label, s, (f, sr) in rows:
        p("%-44s %8.2f %8.2f %8.2f %10s %10s %10s %10s" % (
            label, s["p50_ms"], s["p90_ms"], s["p99_ms"],
            fmt_ratio(s["p50_ms"], f and f["p50_ms"]), fmt_ratio(s["p99_ms"], f and f["p99_ms"]),
            fmt_ratio(s["p50_ms"], sr and sr["p50_ms"]), fmt_ratio(s["p99_ms"], sr and sr["p99_ms"])))
    peers = [("SQLite FTS5", r["fts5"] and r["fts5"]["latency"]), ("Omega", r["omega-http"] and r["omega-http"]["omega"])]
    if h and any(s for _, s in peers):
        http = h["nofacets"]
        p("%-44s %s" % ("  searchd HTTP (no facets) is faster than", "  ".join(
            "%s: p50 %s, p99 %s" % (label, fmt_ratio(s["p50_ms"], http["p50_ms"]), fmt_ratio(s["p99_ms"], http["p99_ms"]))
            for label, s in peers if s)))
    for key, label in [("xapian", "floor"), ("searcher_nofacets", "srchr")]:
        slow = (ip or {}).get(key, {}).get("slowest", [])[:4]
        if slow:
            p("  slowest by median, %s: %s" % (label, ", ".join(
                "%s%s %.1f ms" % (x["q"] or "(empty)", " [%s]" % x["params"] if x["params"] else "", x["median_ms"])
                for x in slow)))
    errors = {k: v.get("errors", 0) for k, v in (h or {}).items() if isinstance(v, dict)}
    if any(errors.values()):
        p("  HTTP errors: %s" % errors)

    p("")
    p("%-44s %8s %8s %8s %10s" % ("throughput under wrk (requests/s)", "1 conn", "8 conn", "32 conn", "p99@32 ms"))
    for label, ws in [("pressroom-searchd, no facets, cache off", r["wrk-searchd"]),
                      ("pressroom-searchd, no facets, cache (default)", r["wrk-searchd-cached"]),
                      ("Omega CGI", r["wrk-omega"])]:
        if ws:
            by = {w["connections"]: w for w in ws}
            p("%-44s %8.0f %8.0f %8.0f %10.1f" % (label, rps(by.get(1)), rps(by.get(8)), rps(by.get(32)),
                                                   by.get(32, {}).get("p99_ms", 0)))
            if any(w["errors"] for w in ws):
                p("  errors: %s" % [(w["connections"], w["errors"]) for w in ws])
    for label, key in [("  searchd / Omega, cache off", "wrk-searchd"), ("  searchd / Omega, cache", "wrk-searchd-cached")]:
        if r[key] and r["wrk-omega"]:
            s_by = {w["connections"]: rps(w) for w in r[key]}
            o_by = {w["connections"]: rps(w) for w in r["wrk-omega"]}
            p("%-44s %8s %8s %8s" % (label, *(fmt_ratio(s_by.get(k), o_by.get(k)) for k in (1, 8, 32))))

    p("")
    p("%-44s %8s %9s %9s %9s" % ("indexing", "seconds", "records/s", "MB", "x text"))
    if ix:
        p("%-44s %8.1f %9.0f %9.1f %9.2f" % ("pressroom-indexer (size after xapian-compact)", ix["index_seconds"],
                                              c["records"] / ix["index_seconds"], mb(ix["compact_bytes"]),
                                              ix["compact_bytes"] / c["text_bytes"]))
    if r["omega-index"]:
        o = r["omega-index"]
        p("%-44s %8.1f %9.0f %9.1f %9.2f" % ("Omega scriptindex (after xapian-compact)", o["index_seconds"],
                                              c["records"] / o["index_seconds"], mb(o["compact_bytes"]),
                                              o["compact_bytes"] / c["text_bytes"]))
    if r["fts5"]:
        f = r["fts5"]
        p("%-44s %8.1f %9.0f %9.1f %9.2f" % ("SQLite FTS5 (after 'optimize')", f["index_seconds"] + f["optimize_seconds"],
                                              c["records"] / (f["index_seconds"] + f["optimize_seconds"]),
                                              mb(f["index_bytes"]), f["index_bytes"] / c["text_bytes"]))
    for key, label in [("memory", "searchd peak memory (VmHWM), cache off"),
                       ("memory-cached", "searchd peak memory (VmHWM), cache")]:
        if r[key]:
            p("%-44s %8.1f MB (VmRSS at the end %.1f MB)" % (label, r[key]["VmHWM"] / 1024, r[key]["VmRSS"] / 1024))


def targets(name, r, out):
    """The issue's targets that this scale's figures decide, as (text, met) pairs."""
    res = []
    ip, h = r["inprocess"], r["http"]
    if name == "doj" and ip and h:
        (floor, searcher), http = http_bases(r), h["nofacets"]
        beside = " measured beside it" if measured_beside(h) else ""
        for pct, most in [("p50", 1.3), ("p99", 1.5)]:
            k = pct + "_ms"
            # The ratio as the product of what searchd does beyond plain Xapian and what HTTP adds.
            res.append(("HTTP %s <= %.1fx the in-process floor%s (%.2fx: the Searcher %.2fx the floor, HTTP %.2fx"
                        " the Searcher)" % (pct, most, beside, http[k] / floor[k], searcher[k] / floor[k],
                                            http[k] / searcher[k]),
                        http[k] <= most * floor[k]))
        for key, how in [("wrk-searchd", "every request searched (cache off)"),
                         ("wrk-searchd-cached", "queries seen before (response cache)")]:
            if r[key] and r["wrk-omega"]:
                s, o = max(rps(w) for w in r[key]), max(rps(w) for w in r["wrk-omega"])
                res.append(("throughput >= 30x Omega's, best of 1/8/32 connections, %s (%.1fx)" % (how, s / o),
                            s >= 30 * o))
        if r["fts5"]:
            f = r["fts5"]["latency"]["p99_ms"]
            res.append(("HTTP p99 <= 1/5 of FTS5's (%.2f of it)" % (http["p99_ms"] / f), http["p99_ms"] <= f / 5))
        res.append(("HTTP p99 with facets < 20 ms (%.1f ms)" % h["facets"]["p99_ms"], h["facets"]["p99_ms"] < 20))
        if r["omega-index"] and r["indexing"]:
            o, ix = r["omega-index"], r["indexing"]
            res.append(("indexing >= 2x faster than scriptindex (%.2fx)" % (o["index_seconds"] / ix["index_seconds"]),
                        o["index_seconds"] >= 2 * ix["index_seconds"]))
            res.append(("compacted index <= Omega's (%.2fx)" % (ix["compact_bytes"] / o["compact_bytes"]),
                        ix["compact_bytes"] <= o["compact_bytes"]))
    if name == "1m" and h:
        res.append(("1M: HTTP p99 < 50 ms (%.1f ms without facets, %.1f with)" % (h["nofacets"]["p99_ms"],
                                                                            h["facets"]["p99_ms"]),
                    h["nofacets"]["p99_ms"] < 50 and h["facets"]["p99_ms"] < 50))
    peaks = [r[k]["VmHWM"] for k in ("memory", "memory-cached") if r[k]]
    if name == "1m" and peaks:
        res.append(("1M: searchd peak memory < 300 MB (%.0f MB, the larger of cache off and on)" % (max(peaks) / 1024),
                    max(peaks) < 300 * 1024))
    return res


def plot(run_dir, results):
    scales = [s for s in SCALE_ORDER if s in results and results[s]["corpus"]]
    data = os.path.join(run_dir, "scales.dat")
    with open(data, "w") as f:
        f.write("# records http_p50 http_p99 facets_p99 floor_p99 rps32 index_rps compact_mb memory_mb\n")
        for s in scales:
            r = results[s]
            c, h, ip, ix = r["corpus"], r["http"] or {}, r["inprocess"] or {}, r["indexing"] or {}
            w32 = next((w for w in r["wrk-searchd"] if w["connections"] == 32), None)
            f.write("%d %.3f %.3f %.3f %.3f %.1f %.1f %.1f %.1f\n" % (
                c["records"], h.get("nofacets", {}).get("p50_ms", 0), h.get("nofacets", {}).get("p99_ms", 0),
                h.get("facets", {}).get("p99_ms", 0), ip.get("xapian", {}).get("p99_ms", 0), rps(w32),
                c["records"] / ix["index_seconds"] if ix else 0, mb(ix.get("compact_bytes", 0)),
                (r["memory"] or {}).get("VmHWM", 0) / 1024))
    png = os.path.join(run_dir, "scales.png")
    script = """
set terminal pngcairo size 1500,900 font ",10"
set output '%s'
set multiplot layout 2,3 title "Pressroom benchmark: figures by corpus size (%s)"
set logscale x
set xlabel "records"
set grid
set key top left
set xrange [5000:2000000]
set yrange [0:*]
set format x "%%.0s%%c"
plot '%s' u 1:2 w lp pt 7 t 'HTTP p50 ms', '' u 1:3 w lp pt 7 t 'HTTP p99 ms', '' u 1:4 w lp pt 7 t 'HTTP p99 ms, facets', '' u 1:5 w lp pt 7 t 'in-process floor p99 ms'
set key bottom left
plot '%s' u 1:6 w lp pt 7 t 'requests/s, 32 connections'
plot '%s' u 1:7 w lp pt 7 t 'indexing records/s'
set key top left
plot '%s' u 1:8 w lp pt 7 t 'index MB, compacted'
plot '%s' u 1:9 w lp pt 7 t 'searchd peak memory MB'
unset multiplot
""" % (png, os.path.basename(run_dir), data, data, data, data, data)
    gp = os.path.join(run_dir, "scales.gp")
    with open(gp, "w") as f:
        f.write(script)
    try:
        subprocess.run(["gnuplot", gp], check=True, stderr=subprocess.PIPE)
    except (OSError, subprocess.CalledProcessError) as e:
        print("report.py: no plot: %s" % e, file=sys.stderr)
        return None
    return png


def main():
    run_dir = sys.argv[1]
    results = {s: scale_results(os.path.join(run_dir, s)) for s in SCALE_ORDER
               if os.path.isdir(os.path.join(run_dir, s))}
    out = ["Pressroom benchmark, run %s (%d queries from bench/queries.tsv)" % (
        os.path.basename(run_dir), sum(1 for l in open(os.path.join(run_dir, "queries.tsv"))
                                       if l.strip() and not l.startswith("#")))]
    verdicts = []
    for s, r in results.items():
        if r["corpus"]:
            table(s, r, out)
            verdicts += targets(s, r, out)
    if verdicts:
        out.append("")
        out.append("targets")
        for text, met in verdicts:
            out.append("  %-6s %s" % ("met" if met else "MISSED", text))
    png = plot(run_dir, results)
    if png:
        out.append("")
        out.append("plot: %s" % png)
    text = "\n".join(out)
    print(text)
    with open(os.path.join(run_dir, "table.txt"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(run_dir, "results.json"), "w") as f:
        json.dump({"run": os.path.basename(run_dir), "scales": results,
                   "targets": [{"target": t, "met": m} for t, m in verdicts]}, f, indent=2)


if __name__ == "__main__":
    main()
