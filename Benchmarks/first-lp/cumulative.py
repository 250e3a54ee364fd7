"""An exported lp_solve LP file rewritten with cumulative build columns (an experiment).

Each option's `active`, `utilization` and `after` rows sum its build binaries of every year up
to the row's year, so a 15-year option puts up to 15 build terms in each such row. The rewrite
adds one continuous column per option and year, op[o_t] = op[o_t-1] + build[o_t] (row
opdef[o_t]), and puts op[o_t] in place of each such sum: the same LP (a unimodular change of
variables) with fewer nonzeros and one more row per option and year.
    python3 cumulative.py IN.lp OUT.lp
"""
import collections
import re
import sys

TERM = re.compile(r"([+-])\s*([0-9.eE+-]*)\s*([A-Za-z_]+\[[^\]]*\])")
BUILD = re.compile(r"build\[(.+)_(\d+)\]$")


def rewrite(body, used):
    lhs, sense, rhs = re.match(r"(.*?)(<=|>=|=)(.*)$", body, re.S).groups()
    sums, others = collections.defaultdict(list), []
    terms = TERM.findall(lhs)
    # Every term read, or the rewritten row would silently lose one.
    assert len(terms) == len(re.findall(r"(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?", lhs)), lhs[:200]
    for sign, coefficient, name in terms:
        build = BUILD.match(name)
        if build:
            value = float(coefficient or 1) * (-1 if sign == "-" else 1)
            sums[build.group(1)].append((int(build.group(2)), value))
        else:
            others.append(f"{sign}{coefficient} {name}")
    terms = []
    for option, years in sums.items():
        first_years = sorted(y for y, _ in years) == list(range(len(years)))
        if first_years and len({round(c, 15) for _, c in years}) == 1:
            last = len(years) - 1
            used[option] = max(used.get(option, 0), last)
            terms.append(f"{years[0][1]:+.17g} op[{option}_{last}]")
        else:
            terms += [f"{c:+.17g} build[{option}_{y}]" for y, c in years]
    return " ".join(terms + others) + " " + sense + rhs


def main(source, target):
    statements = open(source).read().split(";")
    used, out, last_row = {}, [], 0
    for i, statement in enumerate(statements):
        text = re.sub(r"^(\s*/\*.*?\*/)*\s*", "", statement, flags=re.S)  # without the comments before the row
        if re.match(r"(active|utilization|after)\[[^\]]*\]:", text):
            name, body = text.split(":", 1)
            statement = statement[: len(statement) - len(text)] + name + ": " + rewrite(body, used)
        if re.match(r"[A-Za-z_]+(\[[^\]]*\])?:", text) and not text.startswith("max") and not text.startswith("min"):
            last_row = i
        out.append(statement)
    rows = []
    for option, last in sorted(used.items()):
        rows.append(f"\nopdef[{option}_0]: +1 op[{option}_0] -1 build[{option}_0] = 0")
        rows += [f"\nopdef[{option}_{t}]: +1 op[{option}_{t}] -1 op[{option}_{t - 1}] -1 build[{option}_{t}] = 0"
                 for t in range(1, last + 1)]
    open(target, "w").write(";".join(out[: last_row + 1] + rows + out[last_row + 1:]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
