#!/usr/bin/env node
/*
 * occupations_from_soc.js -- build corpus/refdata/occupations.tsv so that
 * every job title the extractor knows (corpus/lexicon/occupations.txt)
 * has a price, and check that it does.
 *
 *   node occupations_from_soc.js            # writes ../occupations.tsv
 *   node occupations_from_soc.js --check    # exit 1 if it differs or a title is missing
 *
 * Inputs, beside this script:
 *   soc2020_unit_groups.tsv   ONS SOC 2020 unit groups (code, title)
 *   lexicon_soc.tsv           SOC 2020 unit group -> the lexicon titles coded to it
 *   occupations_counted.tsv   titles with a count of their own (a register, a workforce
 *                             statistic): these win over the unit group
 *   occupation_statuses.tsv   not occupations (retired, unemployed, student...): priced
 *                             from their own figure, no SOC major group (major 0)
 * and ../occupation_groups.tsv (major group share of the employed), ../totals.tsv.
 *
 * A title priced only through its unit group gets the stated default
 * "major group / unit groups": the major group's share of people in
 * employment times the people in employment, divided by the number of
 * unit groups in that major group.
 *
 * SPDX-License-Identifier: MIT
 */
'use strict';
const fs = require('fs');
const path = require('path');

const HERE = __dirname;
const REFDATA = path.join(HERE, '..');
const LEXICON = path.join(REFDATA, '..', 'lexicon', 'occupations.txt');
const OUT = path.join(REFDATA, 'occupations.tsv');
const HEADER = 'title\talt_titles\tmajor\tcount\tof\tfemale_share\tsource';

function fail(msg) {
  process.stderr.write(`occupations_from_soc: ${msg}\n`);
  process.exit(1);
}

/* Rows of a TSV with a header, as objects; every row must have every field. */
function readTsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const names = lines[0].split('\t');
  return lines.slice(1).map((line, i) => {
    const f = line.split('\t');
    if (f.length !== names.length)
      fail(`${path.basename(file)}: line ${i + 2}: ${f.length} fields, want ${names.length}`);
    return Object.fromEntries(names.map((n, j) => [n, f[j]]));
  });
}

/* The lexicon's titles: every surface form and its canonical value. */
function lexiconTitles() {
  const out = new Set();
  for (const line of fs.readFileSync(LEXICON, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    for (const t of line.split('\t')) if (t.trim()) out.add(t.trim().toLowerCase());
  }
  return out;
}

const norm = (s) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const people = (n) => Math.round(n).toLocaleString('en-GB');

function build() {
  const groups = new Map(readTsv(path.join(REFDATA, 'occupation_groups.tsv'))
    .map((r) => [r.major, r]));
  const totals = new Map(readTsv(path.join(REFDATA, 'totals.tsv')).map((r) => [r.key, r]));
  const employed = Number(totals.get('in_employment').value);
  const uk = Number(totals.get('uk_population').value);
  const units = new Map(readTsv(path.join(HERE, 'soc2020_unit_groups.tsv'))
    .map((r) => [r.soc, r.title]));
  const perMajor = new Map();
  for (const soc of units.keys()) perMajor.set(soc[0], (perMajor.get(soc[0]) || 0) + 1);

  const rows = [];
  const priced = new Map(); /* normalised title -> row title */
  const claim = (t, owner, where) => {
    const k = norm(t);
    if (priced.has(k) && priced.get(k) !== owner)
      fail(`${where}: '${t}' is already priced by '${priced.get(k)}'`);
    priced.set(k, owner);
  };
  const unitName = (soc, where) => {
    if (!units.has(soc)) fail(`${where}: '${soc}' is not a SOC 2020 unit group`);
    return `SOC 2020 ${soc} ${units.get(soc)}`;
  };

  for (const r of readTsv(path.join(HERE, 'occupations_counted.tsv'))) {
    const alts = r.alt_titles ? r.alt_titles.split('|') : [];
    [r.title].concat(alts).forEach((t) => claim(t, r.title, 'occupations_counted.tsv'));
    rows.push([r.title, r.alt_titles, r.soc[0], r.count, r.of, r.female_share,
               `${unitName(r.soc, 'occupations_counted.tsv')}; ${r.source}`]);
  }
  for (const r of readTsv(path.join(HERE, 'occupation_statuses.tsv'))) {
    const alts = r.alt_titles ? r.alt_titles.split('|') : [];
    [r.title].concat(alts).forEach((t) => claim(t, r.title, 'occupation_statuses.tsv'));
    rows.push([r.title, r.alt_titles, '0', r.count, r.of, '',
               `not an occupation (no SOC group); ${r.source}`]);
  }
  for (const r of readTsv(path.join(HERE, 'lexicon_soc.tsv'))) {
    const name = unitName(r.soc, 'lexicon_soc.tsv');
    const own = r.titles.split('|').filter((t) => {
      if (priced.has(norm(t))) return false; /* a count of its own wins */
      return true;
    });
    if (!own.length) continue;
    own.forEach((t) => claim(t, own[0], 'lexicon_soc.tsv'));
    const major = r.soc[0], g = groups.get(major);
    if (!g) fail(`occupation_groups.tsv: no major group ${major}`);
    const n = perMajor.get(major);
    const count = Math.round(Number(g.share_of_employed) * employed / n);
    rows.push([own[0], own.slice(1).join('|'), major, String(count), String(uk), '',
               `${name}; default: major group / unit groups: ${g.title} ` +
               `(${(100 * g.share_of_employed).toFixed(1)}% of ${people(employed)} in ` +
               `employment) / ${n} unit groups = ${people(count)} people, UK`]);
  }
  const missing = [...lexiconTitles()].filter((t) => !priced.has(norm(t)));
  if (missing.length) fail(`lexicon titles with no price: ${missing.join(', ')}`);
  return [HEADER].concat(rows.map((r) => r.join('\t'))).join('\n') + '\n';
}

function main() {
  const text = build();
  if (process.argv[2] === '--check') {
    const now = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (now !== text) fail('occupations.tsv is not what the tools build: run occupations_from_soc.js');
    return;
  }
  fs.writeFileSync(OUT, text);
}

main();
