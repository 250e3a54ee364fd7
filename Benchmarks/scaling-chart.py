#!/usr/bin/env python3
"""Markdown table and log-log SVG chart from Benchmarks/scaling.sh's TSV (standard library only).

Usage: scaling-chart.py scaling.tsv chart.svg > table.md
The chart plots wall time (s) and peak memory (MB) of the weighted `solve`, and HiGHS's
time on the exported final model, against the number of companies, both axes logarithmic.
"""
import csv, math, sys


def number(text):
    try:
        value = float(text.rstrip("%"))
        return value if value > 0 and math.isfinite(value) else None
    except ValueError:
        return None


def table(rows):
    head = ["N", "links", "rows", "columns", "binaries", "solve wall s", "peak MB", "status", "proven gap",
            "objective", "payoff table, objective used", "HiGHS s", "HiGHS status", "HiGHS objective",
            "HiGHS peak MB", "load avg"]
    keys = ["N", "links", "rows", "columns", "binaries", "wall_s", "peak_mb", "status", "gap", "objective",
            "payoff", "highs_s", "highs_status", "highs_objective", "highs_peak_mb", "load"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join(r.get(k, "n/a").replace("_", " ") for k in keys) + " |")
    # Growth exponents between successive sizes: log(y2/y1) / log(N2/N1).
    growth = []
    for key, name in (("wall_s", "solve time"), ("peak_mb", "peak memory")):
        pts = [(number(r["N"]), number(r[key])) for r in rows]
        pts = [p for p in pts if p[0] and p[1]]
        slopes = [f"{int(a[0])}→{int(b[0])}: {math.log(b[1] / a[1]) / math.log(b[0] / a[0]):.2f}"
                  for a, b in zip(pts, pts[1:])]
        if slopes:
            growth.append(f"- {name} grows as N^k, k between sizes: " + ", ".join(slopes))
    return "\n".join(lines + [""] + growth)


def chart(rows, path):
    series = [("solve wall s", "wall_s", "#1f77b4"), ("peak MB", "peak_mb", "#d62728"), ("HiGHS s", "highs_s", "#2ca02c")]
    data = {name: [(number(r["N"]), number(r[key])) for r in rows] for name, key, _ in series}
    data = {k: [p for p in v if p[0] and p[1]] for k, v in data.items()}
    xs = [p[0] for v in data.values() for p in v]
    ys = [p[1] for v in data.values() for p in v]
    width, height, left, right, top, bottom = 640, 420, 70, 150, 30, 50
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" style="max-width: 100%; height: auto" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>']
    if not xs:
        out.append('<text x="20" y="40">no data</text></svg>')
        open(path, "w").write("\n".join(out)); return
    lx0, lx1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if lx1 == lx0: lx1 += 1
    if ly1 == ly0: ly1 += 1
    px = lambda x: left + (math.log10(x) - lx0) / (lx1 - lx0) * (width - left - right)
    py = lambda y: height - bottom - (math.log10(y) - ly0) / (ly1 - ly0) * (height - top - bottom)
    out.append(f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{height - top - bottom}" fill="none" stroke="#444"/>')
    for e in range(lx0, lx1 + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if 10 ** lx0 <= v <= 10 ** lx1:
                x = px(v)
                out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
                out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{v:g}</text>')
    for e in range(ly0, ly1 + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10 ** e:g}</text>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">companies N (links 6 N), log scale</text>')
    out.append(f'<text transform="translate(16,{(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">seconds or MB, log scale</text>')
    for i, (name, _, colour) in enumerate(series):
        pts = data[name]
        if pts:
            path_d = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for j, (x, y) in enumerate(pts))
            out.append(f'<path d="{path_d}" fill="none" stroke="{colour}" stroke-width="2"/>')
            for x, y in pts:
                out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
        ly = top + 16 + 20 * i
        out.append(f'<line x1="{width - right + 12}" y1="{ly}" x2="{width - right + 32}" y2="{ly}" stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{width - right + 38}" y="{ly + 4}">{name}</text>')
    out.append("</svg>")
    open(path, "w").write("\n".join(out) + "\n")


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
    print(table(rows))
    chart(rows, sys.argv[2])


if __name__ == "__main__":
    main()
