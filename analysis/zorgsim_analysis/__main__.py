"""`python3 -m zorgsim_analysis report FILE.h5 -o report.html [--sweep S.h5] [--lang nl]` (what
`zorgsim report` runs) and `... plots FILE.h5 -o FOLDER` (every picture the file allows, as PNG)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

def main(argv=None) -> int:
    try:
        from .load import SchemaError
    except ImportError as e:  # run with a python3 that lacks Debian's packages
        print(f"zorgsim: error: {e}: the analysis needs Debian's python3-h5py, python3-numpy, python3-pandas and "
              "python3-matplotlib, run with /usr/bin/python3 (scripts/setup.sh installs them)", file=sys.stderr)
        return 2
    p = argparse.ArgumentParser(prog="zorgsim report", description="Pictures and the council report from zorgsim HDF5 files")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("report", help="one self-contained HTML report")
    r.add_argument("file", help="a comparison, run or sweep file")
    r.add_argument("-o", "--output", required=True, help="the HTML file to write")
    r.add_argument("--sweep", help="a sweep file: which assumptions drive the result")
    r.add_argument("--lang", default="en", choices=["en", "nl"], help="labels in English or Dutch")
    r.add_argument("--overwrite", action="store_true", help="replace an existing output file")
    g = sub.add_parser("plots", help="every picture the file allows, as PNG files")
    g.add_argument("file")
    g.add_argument("-o", "--output", required=True, help="a folder")
    g.add_argument("--lang", default="en", choices=["en", "nl"])
    a = p.parse_args(argv)
    try:
        if a.command == "report":
            from .report import write_report
            write_report(a.file, a.output, a.sweep, a.lang, overwrite=a.overwrite)
            print(f"wrote {a.output}")
        else:
            import matplotlib.pyplot as plt
            from . import plots
            from .load import load
            result = load(a.file)
            out = Path(a.output)
            out.mkdir(parents=True, exist_ok=True)
            for name in ("fan_chart_cost", "placements_by_form", "waiting_lists", "clients_per_tier", "savings_waterfall",
                         "unmet_need_by_income", "tornado", "sobol_indices", "morris_mu_sigma"):
                try:
                    fig = getattr(plots, name)(result, out / f"{name}.png", lang=a.lang)
                    plt.close(fig)
                    print(f"wrote {out / (name + '.png')}")
                except (ValueError, KeyError) as e:
                    print(f"skipped {name}: {e}", file=sys.stderr)
    except (SchemaError, ValueError, FileNotFoundError, OSError) as e:
        print(f"zorgsim: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
