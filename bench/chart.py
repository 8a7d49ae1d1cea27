#!/usr/bin/env python3
"""Draws docs/img/ingest-benchmark.svg from bench/results/ingest.csv (or the files given):
for each run, Handoff's ingest as a multiple of the naive durable write of the same run,
against the 1.5x target. Usage: python3 bench/chart.py [ingest.csv] [out.svg]"""
import csv
import sys
from html import escape

source = sys.argv[1] if len(sys.argv) > 1 else "bench/results/ingest.csv"
target = sys.argv[2] if len(sys.argv) > 2 else "docs/img/ingest-benchmark.svg"
rows = list(csv.DictReader(open(source, encoding="utf-8")))

width, left, scale_max = 860, 230, 1.6
bar_width = width - left - 40
row_height = 58
height = 90 + row_height * len(rows) + 40
x = lambda ratio: left + bar_width * min(ratio, scale_max) / scale_max

out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="13">',
       '<rect width="100%" height="100%" fill="white"/>',
       '<text x="10" y="24" font-size="15" font-weight="bold">Message ingest as a multiple of the naive durable write (same run, 32 connections)</text>']
for tick in [0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5]:
    out.append(f'<line x1="{x(tick):.0f}" y1="44" x2="{x(tick):.0f}" y2="{height - 40}" stroke="#e3e7eb"/>')
    out.append(f'<text x="{x(tick):.0f}" y="{height - 24}" text-anchor="middle" fill="#555">{tick:g}×</text>')
out.append(f'<line x1="{x(1.5):.0f}" y1="44" x2="{x(1.5):.0f}" y2="{height - 40}" stroke="#c92a2a" stroke-dasharray="5,4"/>')
out.append(f'<text x="{x(1.5) - 4:.0f}" y="58" text-anchor="end" fill="#c92a2a">target 1.5×</text>')
for i, r in enumerate(rows):
    y = 70 + i * row_height
    ratio = float(r["ingest_over_write"])
    color = "#2b8a3e" if "after" in r["label"] else "#868e96"
    out.append(f'<text x="10" y="{y + 16}">{escape(r["label"][:30])}</text>')
    out.append(f'<text x="10" y="{y + 33}" fill="#555" font-size="11">{escape(r["at"][:16].replace("T", " "))} UTC, load {float(r["load_after_ingest"]):.0f}</text>')
    out.append(f'<rect x="{left}" y="{y}" width="{x(ratio) - left:.0f}" height="24" fill="{color}"/>')
    out.append(f'<text x="{x(ratio) + 6:.0f}" y="{y + 17}">{ratio:.2f}×</text>')
    out.append(f'<text x="{left}" y="{y + 40}" fill="#555" font-size="11">ingest {float(r["ingest_rps"]):.0f} msg/s (p99 {float(r["ingest_p99_ms"]):.0f} ms) · '
               f'naive write {float(r["write_rps"]):.0f}/s · bare GET {float(r["get_rps"]):.0f}/s</text>')
out.append('</svg>')
open(target, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(target)
