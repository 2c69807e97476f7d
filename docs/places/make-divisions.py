#!/usr/bin/env python3
"""Trims modood/Administrative-divisions-of-China (dist/provinces.csv, cities.csv, areas.csv) to the table
Rekindle bundles: one row per prefecture-level division (and per county-level city governed directly by a
province, e.g. 仙桃市), with its province. Municipalities are their own city. Usage:
    python3 make-divisions.py DIST_FOLDER > app/src/main/resources/places/divisions.csv
"""
import csv, sys, os

dist = sys.argv[1]
def rows(name):
    with open(os.path.join(dist, name), encoding='utf-8') as f:
        return list(csv.DictReader(f))

provinces = {r['code']: r['name'] for r in rows('provinces.csv')}
out = []
for c in rows('cities.csv'):
    p = provinces[c['provinceCode']]
    if c['name'] in ('市辖区', '县'):
        out.append((c['provinceCode'], p, p))
    elif c['name'].endswith('直辖县级行政区划'):
        for a in rows('areas.csv'):
            if a['cityCode'] == c['code']:
                out.append((c['provinceCode'], p, a['name']))
    else:
        out.append((c['provinceCode'], p, c['name']))
# the special administrative regions and Taiwan, which the mainland tables leave out
out += [('81', '香港特别行政区', '香港特别行政区'), ('82', '澳门特别行政区', '澳门特别行政区'), ('71', '台湾省', '台湾省')]
seen = set()
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['province_code', 'province', 'city'])
for r in out:
    if r not in seen:
        seen.add(r)
        w.writerow(r)
