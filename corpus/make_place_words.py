#!/usr/bin/env python3
"""Write corpus/lexicon/place_words.txt: the one-word place names of the
gazetteers (refdata/places.tsv and the tests' one, main and alternative
names; lexicon/places_world.txt and places_geonames.txt) that are also
frequent English words, i.e. in the lower-case entries of SCOWL's size-35
British English list (Debian package wbritish-small,
/usr/share/dict/british-english-small).

usage: python3 corpus/make_place_words.py [WORDLIST]
"""
import os
import sys
import unicodedata


def plain(name):
    """Lower case without accents, as the extractor folds a name."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


top = os.path.dirname(os.path.abspath(__file__))
wordlist = sys.argv[1] if len(sys.argv) > 1 else \
    "/usr/share/dict/british-english-small"
words = {w.strip() for w in open(wordlist, encoding="utf-8")
         if w.strip()[:1].islower() and "'" not in w}
names = set()
# the test gazetteer too: it keeps GeoNames alternative names that are
# English words ("Ask" for Usk), which the real one now leaves out, to
# test the rule for them
for gazetteer in (os.path.join(top, "refdata/places.tsv"),
                  os.path.join(top, "../tests/fixtures/gazetteer/places.tsv")):
    with open(gazetteer, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            names.add(cols[0])
            names.update(a for a in cols[1].split("|") if a)
for world in ("places_world.txt", "places_geonames.txt"):
    with open(os.path.join(top, "lexicon", world), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                names.add(line.split("\t")[0].strip())
found = sorted({plain(n) for n in names
                if " " not in n and "-" not in n and plain(n) in words})
with open(os.path.join(top, "lexicon/place_words.txt"), "w",
          encoding="utf-8") as out:
    out.write("# Place names that are also frequent English words (derived by\n"
              "# corpus/make_place_words.py from the gazetteers and SCOWL's\n"
              "# size-35 British English list).  A capital at the start of a\n"
              "# sentence is no evidence for these; an alternative name among\n"
              "# them needs a place preposition or a hashtag (common_words.txt).\n")
    out.write("".join(w + "\n" for w in found))
print(len(found), "words")
