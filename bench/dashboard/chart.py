"""Draws docs/img/dashboard-benchmark.svg from the figures of docs/benchmarks.md (no dependencies).

python3 bench/dashboard/chart.py > docs/img/dashboard-benchmark.svg

Each group is a request kind; each run gives a median and a p95 bar (None: not measured in that run).
"""

RUNS = [
    # label, median colour, p95 colour
    ("2026-12-03, loaded (load 20–25)", "#94a3b8", "#cbd5e1"),
    ("2026-12-03, idle (load 1–2)", "#4f46e5", "#a5b4fc"),
    ("V21, 200 agents (load {load})", "#059669", "#6ee7b7"),
]
LOAD = "12–22"
GROUPS = [
    # request kind, [(median, p95) per run]
    ("overview, all", [(485, 1551), (58.5, 114.5), (287, 1017)]),
    ("overview, billing/web", [(196, 348), (48, 67.9), (170, 549)]),
    ("drill-down, one day", [(253, 520), (56.2, 63.9), (69, 109)]),
    ("agent table (overview)", [(None, None), (None, None), (269, 388)]),
    ("agent's own dashboard", [(None, None), (None, None), (313, 549)]),
]
TOP = 1750


def main():
    width, height, left, right, base, top = 900, 400, 70, 880, 300, 40
    scale = (base - top) / TOP
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#fff"/>',
           f'<text x="{left}" y="20" font-size="14" font-weight="bold">Dashboard at a million conversations: server time per request (ms)</text>']
    for v in range(0, TOP + 1, 250):
        y = base - v * scale
        out.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{v}</text>')
    y = base - 1000 * scale
    out.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dc2626" stroke-dasharray="6 4"/>')
    out.append(f'<text x="{right - 2}" y="{y - 5:.1f}" text-anchor="end" fill="#dc2626">target: 1 s</text>')
    group_w = (right - left) / len(GROUPS)
    bar = 22
    for g, (name, figures) in enumerate(GROUPS):
        bars = [(v, RUNS[r][1 + k]) for r, pair in enumerate(figures) for k, v in enumerate(pair) if v is not None]
        x = left + g * group_w + (group_w - len(bars) * (bar + 3)) / 2
        for v, colour in bars:
            h = v * scale
            out.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}"/>')
            out.append(f'<text x="{x + bar / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle" font-size="9">{v:g}</text>')
            x += bar + 3
        out.append(f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{base + 18}" text-anchor="middle">{name}</text>')
    for r, (label, median, p95) in enumerate(RUNS):
        y = base + 34 + 18 * r
        out.append(f'<rect x="{left}" y="{y}" width="12" height="12" fill="{median}"/><text x="{left + 16}" y="{y + 10}">median</text>')
        out.append(f'<rect x="{left + 70}" y="{y}" width="12" height="12" fill="{p95}"/><text x="{left + 86}" y="{y + 10}">p95</text>')
        out.append(f'<text x="{left + 125}" y="{y + 10}">{label.format(load=LOAD)}</text>')
    out.append('</svg>')
    print("\n".join(out))


if __name__ == "__main__":
    main()
