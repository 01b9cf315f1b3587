"""Build lint/data/gazetteer/country_names.json: the English short names of countries that news
writes and the gazetteer's GeoNames and ISO names lack ("UK", "US", "USA", "UAE", "DRC", "Burma",
"Ivory Coast", "Bosnia", "East Timor").

Run once, when the data should be refreshed; the output is committed and shipped as package data:

    cd /tmp && npm pack cldr-localenames-modern@44.1.0 i18n-iso-countries@7.11.0
    mkdir cldr iso && tar xzf cldr-localenames-modern-44.1.0.tgz -C cldr && tar xzf i18n-iso-countries-7.11.0.tgz -C iso
    python tools/build_country_names.py --cldr /tmp/cldr/package/main/en/territories.json \\
        --iso /tmp/iso/package/langs/en.json

Inputs: Unicode CLDR 44 English territory names with their short and variant forms ("GB-alt-short":
"UK", "Myanmar (Burma)"; Unicode License V3), and the English names of the i18n-iso-countries
package ("USA", "U.S.A.", "UAE", "Great Britain"; MIT). Both licences are in lint/data/gazetteer/.
A name two countries share ("Congo") is kept for both: the gazetteer ranks them by population
(news writes "Congo" for the DRC) and a document's other places lean it to the other. A name with a
comma ("Korea, Republic of") is an index entry, not a name; "X of the Y" also gives "X of Y"
("Democratic Republic of Congo"), and "Democratic Republic of the Y" gives "DR Y" ("DR Congo").
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lint" / "data" / "gazetteer" / "country_names.json"
_CODE = re.compile(r"^[A-Z]{2}$")


def names_by_code(cldr: dict, iso: dict) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for key, name in cldr["main"]["en"]["localeDisplayNames"]["territories"].items():
        code = key.split("-alt-")[0]
        if _CODE.match(code):
            for part in re.split(r"\s*[()]\s*", name):  # "Myanmar (Burma)", "Congo (DRC)"
                if part and " - " not in part and part not in ("Republic",):
                    found[code].add(part)
    for code, names in iso["countries"].items():
        for name in [names] if isinstance(names, str) else names:
            found[code].add(name)
    for code, names in found.items():
        names.update({name.replace(" of the ", " of ") for name in names if " of the " in name})
        # "Democratic Republic of the Congo" is "DR Congo" in news
        names.update({"DR " + name.split()[-1] for name in names if name.startswith("Democratic Republic of ")})
        found[code] = {name for name in names if "," not in name}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cldr", type=Path, required=True, help="cldr-localenames-modern main/en/territories.json")
    parser.add_argument("--iso", type=Path, required=True, help="i18n-iso-countries langs/en.json")
    args = parser.parse_args()
    found = names_by_code(json.loads(args.cldr.read_text(encoding="utf-8")),
                          json.loads(args.iso.read_text(encoding="utf-8")))
    countries = set(json.loads(args.iso.read_text(encoding="utf-8"))["countries"])  # ISO 3166: no "EU", "UN"
    out = {code: sorted(names) for code, names in sorted(found.items()) if code in countries}
    OUT.write_text(json.dumps({k: v for k, v in out.items() if v}, ensure_ascii=False, indent=0) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {sum(map(len, out.values()))} names of {len(out)} countries")


if __name__ == "__main__":
    main()
