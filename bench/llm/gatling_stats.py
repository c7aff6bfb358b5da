#!/usr/bin/env python3
"""Reads a Gatling report's index.html and prints one request's figures as key=value pairs.

  gatling_stats.py REPORT_DIR NAME

Gatling 3.15 writes its statistics table into index.html; a row per request name, cells
col-2 total, col-3 ok, col-4 ko, col-6 per second, col-7 min, col-8 p50, col-9 p75, col-10 p95,
col-11 p99, col-12 max, col-13 mean (milliseconds, whole numbers).
"""
import re
import sys

COLUMNS = {2: "total", 3: "ok", 4: "ko", 6: "per_s", 7: "min", 8: "p50", 9: "p75", 10: "p95", 11: "p99", 12: "max",
           13: "mean"}


def main(report, name):
    html = open(report.rstrip("/") + "/index.html").read()
    marker = 'class="ellipsed-name">%s</span>' % name
    at = html.find(marker)
    if at < 0:
        sys.exit("no request named %r in %s" % (name, report))
    row = html[at:html.find("</tr>", at)]
    values = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
    print(" ".join("%s=%s" % (key, values.get(str(col), "?")) for col, key in COLUMNS.items()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
