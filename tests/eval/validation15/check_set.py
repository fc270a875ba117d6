#!/usr/bin/env python3
"""Self-checks for validation15 (touches only this directory)."""
import json, os, re, sys, tomllib, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("grade", "/work/shared/eval/grade.py")
grade = importlib.util.module_from_spec(spec); spec.loader.exec_module(grade)

UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words(n):
    """English words for 0..999 (enough for the small counts written out in articles)."""
    if n < 20: return [UNITS[n]]
    if n < 100:
        t, u = divmod(n, 10)
        return [TENS[t]] if u == 0 else [f"{TENS[t]}-{UNITS[u]}", f"{TENS[t]} {UNITS[u]}"]
    h, r = divmod(n, 100)
    if r == 0: return [f"{UNITS[h]} hundred"]
    return [f"{UNITS[h]} hundred and {w}" for w in words(r)] + [f"{UNITS[h]} hundred {w}" for w in words(r)]
def has_number(n, body):
    if str(n) in grade.numbers_in(body): return True
    if isinstance(n, int) and n < 1000:
        fb = grade.fold(body)
        return any(re.search(r"(?<![a-z-])" + re.escape(w) + r"(?![a-z-])", fb) for w in words(n))
    return False

errs = []
arts = {}
for name in sorted(os.listdir(os.path.join(HERE, "articles"))):
    raw = open(os.path.join(HERE, "articles", name), encoding="utf-8").read()
    parts = raw.split("+++", 2)
    if not raw.startswith("+++") or len(parts) != 3:
        errs.append(f"{name}: no front matter"); continue
    fm = tomllib.loads(parts[1])
    for k in ["id", "title", "outlet", "url", "published"]:
        if k not in fm: errs.append(f"{name}: missing {k}")
    if fm.get("id") != name[:-3]: errs.append(f"{name}: id {fm.get('id')} != stem")
    if not fm.get("outlet", "").endswith("(validation15 sample)"): errs.append(f"{name}: outlet suffix")
    if not re.fullmatch(r"v15-\d{4}-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-[a-z0-9-]+", name[:-3]): errs.append(f"{name}: bad name")
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", fm.get("published", "")): errs.append(f"{name}: published")
    arts[fm["id"]] = parts[2]
print(f"{len(arts)} articles parsed")

Q = json.load(open(os.path.join(HERE, "questions.json"), encoding="utf-8"))
ids = [q["id"] for q in Q]
assert ids == [f"v15-{i:02d}" for i in range(1, len(Q) + 1)], "ids not sequential"
for q in Q:
    e = q["expect"]
    src = e.get("sources_any", [])
    for s in src:
        if s not in arts: errs.append(f"{q['id']}: unknown source {s}")
    if e.get("answered", True) is not False and not src:
        errs.append(f"{q['id']}: answerable question without sources_any")
    bodies = [arts[s] for s in src if s in arts]
    for n in e.get("numbers", []):
        if not any(has_number(n, b) for b in bodies):
            errs.append(f"{q['id']}: number {n} not in any cited article")
    for t in e.get("terms", []):
        alts = t if isinstance(t, list) else [t]
        if not any(grade.fold(a) in grade.fold(b) for a in alts for b in bodies):
            errs.append(f"{q['id']}: term {alts} not in any cited article")
    # a forbidden number must not be an expected one
    if set(e.get("numbers", [])) & set(e.get("forbid_numbers", [])):
        errs.append(f"{q['id']}: number both expected and forbidden")
print(f"{len(Q)} questions checked")
print("\n".join(errs) if errs else "ALL CHECKS PASSED")
sys.exit(1 if errs else 0)
