#!/usr/bin/python3
"""Tune population.adult_age_group_weight so that the synthesised age pyramid follows a target.

The heads of non-family households (singles, couples, 'other') are drawn from 16 adult age
groups; parents' ages follow from their children's. This script runs the synthesis, compares
the inhabitants per adult age group with the target shares below and multiplies each weight
by target/actual, a few times (iterative proportional fitting). It prints the weights to put
in configs/almelo.yaml. Needs the build (build/zorgsim) and h5dump (hdf5-tools).

Target: the CALIBRATION age bands (18-22 5.7%, 23-64 56.3%, 65-74 10.6%, 75+ 8.9% of
inhabitants), split into five-year groups in proportion to the Dutch age pyramid of
1 January 2024 (CBS StatLine 03759ned, rounded to 10,000 persons; written from the published
pyramid without access to StatLine here: check them, then rerun this script).
"""
import re
import subprocess
import sys
import tempfile

# NL inhabitants 1 Jan 2024 (thousands, rounded) by five-year group from 15-19 to 95+.
NL = {"15-19": 1060, "20-24": 1130, "25-29": 1170, "30-34": 1150, "35-39": 1100, "40-44": 1060,
      "45-49": 1090, "50-54": 1230, "55-59": 1300, "60-64": 1200, "65-69": 1080, "70-74": 960,
      "75-79": 830, "80-84": 510, "85-89": 280, "90-94": 105, "95+": 25}
BANDS = {"18-22": 5.7, "23-64": 56.3, "65-74": 10.6, "75+": 8.9}  # CALIBRATION, % of inhabitants


def targets():
    """Per cent of inhabitants in the 16 adult groups 18-19, 20-24, ..., 85-89, 90+."""
    per_year = {}  # NL persons per single year of age 18..99 (uniform within a CBS group)
    for name, n in NL.items():
        lo, hi = (95, 99) if name == "95+" else map(int, name.split("-"))
        for y in range(lo, hi + 1):
            per_year[y] = n / (hi - lo + 1)
    band_of = lambda y: "18-22" if y <= 22 else "23-64" if y <= 64 else "65-74" if y <= 74 else "75+"
    band_total = {}
    for y, n in per_year.items():
        if y >= 18:
            band_total[band_of(y)] = band_total.get(band_of(y), 0) + n
    groups = [(18, 19)] + [(a, a + 4) for a in range(20, 90, 5)] + [(90, 99)]
    return [sum(BANDS[band_of(y)] * per_year[y] / band_total[band_of(y)] for y in range(lo, hi + 1))
            for lo, hi in groups]


def initial_shares(zorgsim, weights):
    """Per cent of inhabitants per adult group in the synthesised population (4 replicates)."""
    with tempfile.TemporaryDirectory() as d:
        out = f"{d}/pyramid.h5"
        subprocess.run([zorgsim, "run", "-q", "-o", out, "--replicates", "4", "--scale", "2",
                        "--set", "run.end=2025-01",
                        "--set", "population.adult_age_group_weight=[" + ",".join(f"{w:.6g}" for w in weights) + "]"],
                       check=True, stdout=subprocess.DEVNULL)
        dump = subprocess.run(["h5dump", "-d", "/initial/population/persons_by_sex_and_age_group", "-y", "-w", "0", out],
                              check=True, capture_output=True, text=True).stdout
    values = [float(v) for v in re.findall(r"[0-9.]+", dump.split("DATA {", 1)[1].split("}", 1)[0])]
    per_group = [0.0] * 19  # 0-4 ... 85-89, 90+, both sexes, all replicates
    for k, v in enumerate(values):
        per_group[k % 19] += v
    total = sum(per_group)
    # Single years are not in the output: the 18-19 and 20-24 groups share 15-19 and 20-24.
    # 15-19 holds children 15-17 too; take two-fifths of it as 18-19 (a close approximation).
    shares = [100 * per_group[3] * 2 / 5 / total, 100 * per_group[4] / total]
    shares += [100 * per_group[g] / total for g in range(5, 19)]
    return shares


def main():
    zorgsim = sys.argv[1] if len(sys.argv) > 1 else "build/zorgsim"
    text = open("configs/almelo.yaml").read()
    weights = [float(v) for v in re.search(r"adult_age_group_weight: \{value: \[([^\]]*)\]", text).group(1).split(",")]
    target = targets()
    for it in range(40):
        shares = initial_shares(zorgsim, weights)
        worst = max(abs(s - t) for s, t in zip(shares, target))
        print(f"iteration {it}: largest gap {worst:.2f} points", file=sys.stderr)
        weights = [w * (t / s if s > 0 else 1.0) for w, s, t in zip(weights, shares, target)]
    scale = 1 / sum(weights)
    print("target  (% inhabitants):", ", ".join(f"{t:.2f}" for t in target))
    print("reached (% inhabitants):", ", ".join(f"{s:.2f}" for s in shares))
    print("adult_age_group_weight: [" + ", ".join(f"{w * scale:.4f}" for w in weights) + "]")


if __name__ == "__main__":
    main()
