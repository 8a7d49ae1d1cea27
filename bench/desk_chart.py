#!/usr/bin/env python3
"""Draws docs/img/desk-benchmark.svg from the desk driver's JSON results (bench/desk/DeskBench.java):
left, p50/p95/p99 of the offer push and of the inbox and queue refreshes per run against their targets
(logarithmic scale); right, the server's heap after a full GC over a soak.
Usage: python3 bench/desk_chart.py out.svg run.json [run.json ...] [--soak soak.json [--gc gc.log]]
(--gc: take the heap after each full GC from the server's GC log instead of the JSON's samples)"""
import json
import math
import sys
from html import escape

args = sys.argv[1:]
target = args.pop(0)
soak = None
if "--soak" in args:
    i = args.index("--soak")
    soak = json.load(open(args[i + 1], encoding="utf-8"))
    del args[i:i + 2]
gc_log = None
if "--gc" in args:
    i = args.index("--gc")
    gc_log = args[i + 1]
    del args[i:i + 2]
runs = [json.load(open(a, encoding="utf-8")) for a in args]
if soak is not None and gc_log:
    # the heap after each full GC the driver asked for, exactly as the server's GC log has it
    import re
    points = [(float(m.group(1)), int(m.group(2))) for m in
              re.finditer(r"\[(\d+\.\d+)s\]\S* GC\(\d+\) Pause Full \(Diagnostic Command\) \d+M->(\d+)M", open(gc_log).read())]
    loads = [p.get("load") for p in soak.get("heap", [])]
    soak["heap"] = [{"minute": round((t - points[0][0]) / 60, 1), "usedMB": mb,
                     "load": loads[min(k, len(loads) - 1)] if loads else None} for k, (t, mb) in enumerate(points)]
    ref = [p["usedMB"] for p in soak["heap"] if 5 <= p["minute"] <= 10]
    last = [p["usedMB"] for p in soak["heap"] if p["minute"] >= soak["heap"][-1]["minute"] - 5]
    soak["heapGrowth"] = (sum(last) / len(last) - sum(ref) / len(ref)) / (sum(ref) / len(ref)) if ref and last else None

# (label, where in the JSON, target ms)
measures = [
    ("offer push (escalating POST → push)", ("offer", "push"), 100),
    ("inbox refresh, 5,000 waiting", ("refresh", "inbox push refresh"), 50),
    ("inbox page GET, 5,000 waiting", ("refresh", "inbox page GET"), 50),
    ("queue refresh, 5,000 waiting", ("refresh", "queue push refresh (refreshQueue)"), 50),
    ("queue page GET, 5,000 waiting", ("refresh", "queue page GET"), 50),
]
colors = ["#868e96", "#2b8a3e", "#1971c2", "#e67700"]

left, bar_w, lo, hi = 250, 380, 1.0, 100000.0
x = lambda ms: left + bar_w * (math.log10(max(lo, min(ms, hi))) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
row_h = 16 * max(1, len(runs)) + 26
chart_h = 70 + row_h * len(measures) + 40
width = left + bar_w + 40 + (520 if soak else 0)
height = max(chart_h, 330)
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
       '<rect width="100%" height="100%" fill="white"/>',
       '<text x="10" y="22" font-size="15" font-weight="bold">The desk under load: bar = p50, whisker to p95, tick at p99 (ms, log scale)</text>']
for tick in [1, 10, 100, 1000, 10000, 100000]:
    out.append(f'<line x1="{x(tick):.0f}" y1="44" x2="{x(tick):.0f}" y2="{chart_h - 40}" stroke="#e3e7eb"/>')
    out.append(f'<text x="{x(tick):.0f}" y="{chart_h - 24}" text-anchor="middle" fill="#555">{tick:,}</text>')
for j, run in enumerate(runs):
    label = run.get("label") or run.get("time", "")[:16]
    loads = [l for k in ("offer", "refresh") for l in (run.get(k, {}).get("load") or [])]
    load = f", load {min(loads):.0f}–{max(loads):.0f}" if loads else ""
    out.append(f'<rect x="{left + j * 265}" y="34" width="10" height="10" fill="{colors[j % len(colors)]}"/>'
               f'<text x="{left + 14 + j * 265}" y="43">{escape(label[:24])}{escape(load)}</text>')
for i, (name, path, goal) in enumerate(measures):
    y = 62 + i * row_h
    out.append(f'<text x="10" y="{y + 12}">{escape(name)}</text>')
    out.append(f'<line x1="{x(goal):.0f}" y1="{y - 2}" x2="{x(goal):.0f}" y2="{y + row_h - 10}" stroke="#c92a2a" stroke-dasharray="4,3"/>')
    out.append(f'<text x="10" y="{y + 26}" fill="#c92a2a" font-size="11">target &lt; {goal} ms</text>')
    for j, run in enumerate(runs):
        s = run.get(path[0], {}).get(path[1])
        yy = y + j * 16
        if not s or not s.get("count"):
            out.append(f'<text x="{left + 4}" y="{yy + 11}" fill="#999" font-size="11">not measured</text>')
            continue
        c = colors[j % len(colors)]
        out.append(f'<rect x="{left}" y="{yy}" width="{x(s["p50"]) - left:.0f}" height="12" fill="{c}"/>')
        out.append(f'<line x1="{x(s["p50"]):.0f}" y1="{yy + 6}" x2="{x(s["p95"]):.0f}" y2="{yy + 6}" stroke="{c}"/>')
        out.append(f'<line x1="{x(s["p99"]):.0f}" y1="{yy}" x2="{x(s["p99"]):.0f}" y2="{yy + 12}" stroke="{c}" stroke-width="2"/>')
        out.append(f'<text x="{x(s["p99"]) + 5:.0f}" y="{yy + 10}" font-size="10" fill="#333">{s["p50"]:,.0f} / {s["p95"]:,.0f} / {s["p99"]:,.0f}</text>')

if soak and soak.get("heap"):
    heap = soak["heap"]
    ox, oy, w, h = left + bar_w + 170, 60, 330, 200
    mins = [p["minute"] for p in heap]
    used = [p["usedMB"] for p in heap]
    top = max(used) * 1.25
    px = lambda m: ox + w * m / max(mins[-1], 1)
    py = lambda mb: oy + h - h * mb / top
    out.append(f'<text x="{ox}" y="{oy - 14}" font-size="13" font-weight="bold">Heap after full GC over the soak (MB)</text>')
    out.append(f'<rect x="{ox}" y="{oy}" width="{w}" height="{h}" fill="none" stroke="#ced4da"/>')
    ref = [u for p, u in zip(mins, used) if 5 <= p <= 10] or used[:1]
    base = sum(ref) / len(ref)
    out.append(f'<rect x="{ox}" y="{py(base * 1.1):.0f}" width="{w}" height="{py(base * 0.9) - py(base * 1.1):.0f}" fill="#d3f9d8" opacity="0.7"/>')
    out.append(f'<text x="{ox + w - 4}" y="{py(base * 1.1) - 4:.0f}" text-anchor="end" fill="#2b8a3e" font-size="11">±10% of minutes 5–10</text>')
    for mb in range(0, int(top) + 1, max(50, int(top / 5) // 50 * 50 or 50)):
        out.append(f'<text x="{ox - 6}" y="{py(mb) + 4:.0f}" text-anchor="end" fill="#555" font-size="11">{mb}</text>')
    for m in range(0, int(mins[-1]) + 1, 5):
        out.append(f'<text x="{px(m):.0f}" y="{oy + h + 16}" text-anchor="middle" fill="#555" font-size="11">{m} min</text>')
    pts = " ".join(f"{px(m):.1f},{py(u):.1f}" for m, u in zip(mins, used))
    out.append(f'<polyline points="{pts}" fill="none" stroke="#1971c2" stroke-width="2"/>')
    for m, u in zip(mins, used):
        out.append(f'<circle cx="{px(m):.1f}" cy="{py(u):.1f}" r="2.5" fill="#1971c2"/>')
    loads = [p["load"] for p in heap if p.get("load") is not None]
    growth = soak.get("heapGrowth")
    note = f"growth {growth * 100:+.1f}% (minutes 5–10 → last 5)" if growth is not None else ""
    out.append(f'<text x="{ox}" y="{oy + h + 36}" fill="#555" font-size="11">{escape(note)}; load {min(loads):.0f}–{max(loads):.0f}</text>')
out.append('</svg>')
open(target, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(target)
