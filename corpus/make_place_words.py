#!/usr/bin/env python3
"""Write corpus/lexicon/place_words.txt: the one-word place names of the
gazetteers (refdata/places.tsv, main and alternative names, and
lexicon/places_world.txt) that are also frequent English words, i.e. in
the lower-case entries of SCOWL's size-35 British English list (Debian
package wbritish-small, /usr/share/dict/british-english-small).

usage: python3 corpus/make_place_words.py [WORDLIST]
"""
import os
import sys

top = os.path.dirname(os.path.abspath(__file__))
wordlist = sys.argv[1] if len(sys.argv) > 1 else \
    "/usr/share/dict/british-english-small"
words = {w.strip() for w in open(wordlist, encoding="utf-8")
         if w.strip()[:1].islower() and "'" not in w}
names = set()
with open(os.path.join(top, "refdata/places.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        cols = line.rstrip("\n").split("\t")
        names.add(cols[0])
        names.update(a for a in cols[1].split("|") if a)
with open(os.path.join(top, "lexicon/places_world.txt"),
          encoding="utf-8") as f:
    for line in f:
        if line.strip() and not line.startswith("#"):
            names.add(line.split("\t")[0].strip())
found = sorted({n.lower() for n in names
                if " " not in n and "-" not in n and n.lower() in words})
with open(os.path.join(top, "lexicon/place_words.txt"), "w",
          encoding="utf-8") as out:
    out.write("# Place names that are also frequent English words (derived by\n"
              "# corpus/make_place_words.py from the gazetteers and SCOWL's\n"
              "# size-35 British English list).  A capital at the start of a\n"
              "# sentence is no evidence for these; an alternative name among\n"
              "# them needs a place preposition or a hashtag (common_words.txt).\n")
    out.write("".join(w + "\n" for w in found))
print(len(found), "words")
