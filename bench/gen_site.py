#!/usr/bin/env python3
"""Seeded generator of synthetic Dossier sites, and the same documents as a Hugo site.

    python3 bench/gen_site.py --incidents 1000 --actors 200 --seed 1 \
        --out /dev/shm/site --hugo-out /dev/shm/hugo-site [--floor-out /dev/shm/floor.md]

--out gets a Dossier site (content/site.yml, content/incidents/<id>.md,
content/actors/<id>.md). --hugo-out gets the same documents as a Hugo site:
incidents in content/incidents/, actors as the term pages of an "actors"
taxonomy (content/actors/<id>/_index.md), minimal layouts, goldmark set up
like cmark-gfm. --floor-out gets every incident body concatenated into one
Markdown file for the cmark-gfm floor.

The same seed always gives byte-identical files. Standard library only.
"""

import argparse
import os
import random
import re
import shutil
import sys

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

WORDS = """
the attackers used a the of to and in on for with from by after before during
that which while this their its an as at into over under against between
operators campaign intrusion network access credentials domain controller
malware loader implant backdoor wiper ransomware payload dropper beacon
infrastructure server servers command control traffic exfiltration archive
victim victims organisation organisations ministry utility operator provider
email phishing lure document macro exploit vulnerability patch firmware
researchers analysts report reporting assessed assess likely unlikely
moderate confidence evidence overlap overlaps code tooling technique
techniques persistence lateral movement privilege escalation scheduled task
registry service account accounts password spraying brute force token tokens
cloud tenant mailbox mailboxes exchange vpn appliance edge router routers
telemetry logs log forensic forensics timeline initial compromise week weeks
month months later earlier first second third stage stages deployed observed
reported claimed denied attributed public statement government agency agencies
sector energy telecom finance healthcare transport logistics defence media
election elections disruption outage outages data stolen leaked published
channel site leak extortion ransom demand negotiation recovery restored backups
""".split()

ADJECTIVES = """crimson cobalt silent velvet iron amber obsidian scarlet azure
golden frozen hidden broken hollow lunar solar northern southern eastern western
emerald ivory onyx copper silver shadow storm thunder rusty quiet""".split()

ANIMALS = """otter heron lynx viper falcon badger raven jackal mantis cobra
panda bear tiger wolf fox hawk owl shark orca kraken hydra spider scorpion
beetle moth crane stork bison yak""".split()

EVENTS = [
    ("Wiper attack", "wiper-attack"),
    ("Ransomware intrusion", "ransomware-intrusion"),
    ("Espionage campaign", "espionage-campaign"),
    ("Supply-chain compromise", "supply-chain-compromise"),
    ("DDoS wave", "ddos-wave"),
    ("Hack-and-leak operation", "hack-and-leak"),
    ("Credential phishing campaign", "credential-phishing"),
    ("Defacement spree", "defacement-spree"),
    ("Data theft", "data-theft"),
    ("Edge-device exploitation", "edge-device-exploitation"),
]

TARGETS = [
    ("an energy utility", "energy-utility", "energy"),
    ("a telecom operator", "telecom-operator", "telecommunications"),
    ("a foreign ministry", "foreign-ministry", "government"),
    ("a regional hospital", "regional-hospital", "healthcare"),
    ("a national bank", "national-bank", "finance"),
    ("a port authority", "port-authority", "transport"),
    ("an election commission", "election-commission", "government"),
    ("a defence contractor", "defence-contractor", "defence"),
    ("a broadcaster", "broadcaster", "media"),
    ("a logistics firm", "logistics-firm", "logistics"),
    ("a water utility", "water-utility", "water"),
    ("a university", "university", "education"),
]

SECTORS = ["energy", "telecommunications", "government", "healthcare", "finance",
           "transport", "defence", "media", "logistics", "water", "education",
           "manufacturing", "retail", "technology"]

COUNTRIES = ["UA", "PL", "DE", "FR", "GB", "US", "NO", "SE", "FI", "EE", "LV",
             "LT", "NL", "BE", "IT", "ES", "JP", "KR", "TW", "IN", "IL", "SA",
             "AE", "BR", "MX", "CA", "AU", "GE", "MD", "RO"]

TECHNIQUES = ["T1485", "T1486", "T1490", "T1566.001", "T1566.002", "T1190",
              "T1078", "T1110.003", "T1059.001", "T1053.005", "T1021.001",
              "T1041", "T1567.002", "T1498", "T1491.002", "T1195.002",
              "T1133", "T1003.001", "T1027", "T1105"]

PUBLISHERS = [("Example Threat Intel", "www.example.com"),
              ("Northwind Security", "research.example.org"),
              ("CERT Example", "cert.example.net"),
              ("Contoso Labs", "labs.example.com"),
              ("Fabrikam Response", "blog.example.org"),
              ("Daily Example News", "news.example.net")]

ATTRIBUTORS = ["Example Threat Intel", "Northwind Security", "CERT Example",
               "Contoso Labs", "the national CERT", "a government statement"]

DATE_FORMS = ("day",) * 7 + ("month",) * 2 + ("year",)

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# References are generated as placeholders and rendered twice: once as
# Dossier's [[id]] / [[id|text]] syntax, once as relative Markdown links for Hugo.
REF_RE = re.compile("\x00([^\x00|]+)\\|?([^\x00]*)\x00")


def ref(target_id, text=""):
    return "\x00%s|%s\x00" % (target_id, text) if text else "\x00%s\x00" % target_id


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

def q(s):
    """A double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gen_date(rng, lo=2008, hi=2024):
    y = rng.randint(lo, hi)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    form = rng.choice(DATE_FORMS)
    if form == "day":
        return "%04d-%02d-%02d" % (y, m, d)
    if form == "month":
        return "%04d-%02d" % (y, m)
    return "%04d" % y


def full_date(given):
    """Pad YYYY / YYYY-MM to YYYY-MM-DD for Hugo, which wants a full date."""
    parts = given.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)


def sentence(rng, lo=8, hi=18):
    words = rng.choices(WORDS, k=rng.randint(lo, hi))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, lo=3, hi=6, extras=()):
    """A paragraph of sentences; `extras` are phrases spliced in at random places."""
    sents = [rng.choices(WORDS, k=rng.randint(8, 18)) for _ in range(rng.randint(lo, hi))]
    for extra in extras:
        words = sents[rng.randrange(len(sents))]
        words.insert(rng.randint(1, len(words)), extra)
    return " ".join(w[0].capitalize() + " " + " ".join(w[1:]) + "." for w in sents)


def hexstr(rng, bits):
    return "%0*x" % (bits // 4, rng.getrandbits(bits))


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------

def make_actors(rng, n):
    actors = []
    used_ids = set()
    n_states = max(1, n // 12)
    n_personas = max(1, n // 6)
    for i in range(n):
        if i < n_states:
            kind = "state"
            name = "Directorate %d of %s" % (i + 1, rng.choice(["Signals", "Security", "Intelligence", "Cyber Command"]))
            aid = "directorate-%d" % (i + 1)
        else:
            kind = "persona" if i >= n - n_personas else "group"
            adj, animal = rng.choice(ADJECTIVES), rng.choice(ANIMALS)
            aid = "%s-%s" % (adj, animal)
            k = 2
            while aid in used_ids:
                aid = "%s-%s-%d" % (adj, animal, k)
                k += 1
            name = " ".join(w.capitalize() for w in aid.split("-"))
            if kind == "persona":
                name += " Team"
        used_ids.add(aid)
        # Aliases: pattern + actor index keeps them unique across actors.
        patterns = ["APT%d" % (100 + i), "UNC%d" % (2000 + 7 * i), "Storm-%04d" % i,
                    "TA%d" % (400 + i), "G%04d" % (1000 + i)]
        aliases = rng.sample(patterns, rng.randint(0, 3)) if kind != "state" else []
        sponsor = None
        if kind == "group" and rng.random() < 0.5:
            sponsor = actors[rng.randrange(n_states)]["id"]
        elif kind == "persona" and rng.random() < 0.7:
            sponsor = actors[rng.randrange(n_states, max(n_states + 1, n - n_personas))]["id"]
        actors.append({
            "id": aid, "name": name, "kind": kind, "aliases": aliases,
            "country": rng.choice(COUNTRIES), "sponsor": sponsor,
            "incidents": [],
        })
    return actors


def make_incidents(rng, n, actors):
    # Skewed activity: a few prolific actors, a long tail.
    weights = [1.0 / (k + 1) ** 0.8 for k in range(len(actors))]
    order = list(range(len(actors)))
    rng.shuffle(order)
    incidents = []
    for i in range(n):
        ev_title, ev_slug = rng.choice(EVENTS)
        tg_title, tg_slug, sector = rng.choice(TARGETS)
        iid = "%s-%s-%d" % (ev_slug, tg_slug, i + 1)
        date = gen_date(rng)
        countries = rng.sample(COUNTRIES, rng.randint(1, 3))
        sources = []
        for j in range(rng.randint(1, 4)):
            pub, host = rng.choice(PUBLISHERS)
            sid = "%s-%d" % (re.sub(r"[^a-z0-9]+", "-", pub.lower()).strip("-"), j + 1)
            sources.append({
                "id": sid,
                "title": "%s: %s" % (pub, sentence(rng, 4, 8).rstrip(".")),
                "publisher": pub,
                "date": gen_date(rng, int(date[:4]), min(2025, int(date[:4]) + 1)),
                "url": "https://%s/reports/%s-%d" % (host, iid, j + 1),
            })
        entries = []
        picked = set()
        for _ in range(rng.choices([1, 2, 3], weights=[5, 3, 1])[0]):
            a = actors[order[rng.choices(range(len(actors)), weights=weights)[0]]]
            if a["id"] in picked:
                continue
            picked.add(a["id"])
            a["incidents"].append(iid)
            role = rng.choice(["attributed", "attributed", "claimed", "suspected", "denied"])
            e = {"id": a["id"], "role": role}
            if role == "attributed":
                e["by"] = rng.choice(ATTRIBUTORS)
                e["confidence"] = rng.choice(["low", "moderate", "high"])
                e["source"] = rng.choice(sources)["id"]
            elif role == "claimed":
                e["date"] = date
                e["source"] = rng.choice(sources)["id"]
            elif role == "denied":
                e["date"] = gen_date(rng, int(date[:4]), min(2025, int(date[:4]) + 1))
            else:
                e["confidence"] = "low"
            entries.append(e)
        related = []
        if i > 0 and rng.random() < 0.4:
            related = sorted({incidents[rng.randrange(i)]["id"] for _ in range(rng.randint(1, 3))})
        incidents.append({
            "id": iid,
            "title": "%s against %s (%s)" % (ev_title, tg_title, countries[0]),
            "date": date,
            "status": rng.choice(["reported", "confirmed", "confirmed", "disputed"]),
            "summary": sentence(rng, 10, 20) if rng.random() < 0.3 else None,
            "actors": entries,
            "countries": countries,
            "sectors": sorted({sector} | set(rng.sample(SECTORS, rng.randint(0, 2)))),
            "techniques": sorted(rng.sample(TECHNIQUES, rng.randint(1, 5))),
            "sources": sources,
            "related": related,
        })
    return incidents


# --------------------------------------------------------------------------
# Bodies (with reference placeholders)
# --------------------------------------------------------------------------

def incident_body(rng, inc, incidents, idx):
    actor_refs = [ref(e["id"]) for e in inc["actors"]]
    other = incidents[rng.randrange(len(incidents))]
    if other["id"] == inc["id"] and len(incidents) > 1:
        other = incidents[(idx + 1) % len(incidents)]
    other2 = incidents[rng.randrange(len(incidents))]
    out = []
    out.append(paragraph(rng, 2, 4, extras=actor_refs[:1]))
    out.append("## Background")
    out.append(paragraph(rng, 3, 6, extras=[
        "(see " + ref(other["id"]) + ")",
        "~~initially blamed on a hardware fault~~",
        "according to the operator[^1]",
    ]))
    out.append("## Timeline")
    rows = ["| Date | Event | Source |", "|------|-------|--------|"]
    for _ in range(rng.randint(3, 6)):
        rows.append("| %s | %s | %s |" % (
            gen_date(rng, int(inc["date"][:4]), int(inc["date"][:4]) + 1),
            sentence(rng, 4, 9).rstrip("."),
            rng.choice(inc["sources"])["publisher"]))
    out.append("\n".join(rows))
    out.append("## Technical details")
    out.append(paragraph(rng, 3, 6))
    bullets = []
    for k in range(rng.randint(3, 6)):
        b = sentence(rng, 5, 12)
        if k == 0:
            b = "Initial access: `%s` %s" % (rng.choice(TECHNIQUES), b)
        elif k == 1:
            b = "~~%s~~ %s" % (sentence(rng, 3, 5).rstrip("."), b)
        bullets.append("- " + b)
    out.append("\n".join(bullets))
    code = ["```text"]
    for _ in range(rng.randint(3, 8)):
        code.append("%s  %s.%s" % (hexstr(rng, 256), rng.choice(WORDS),
                                  rng.choice(["exe", "dll", "ps1", "sh", "lnk"])))
    code.append("schtasks /create /tn Update%d /tr C:\\ProgramData\\%s.exe /sc onlogon"
                % (rng.randint(1, 99), rng.choice(WORDS)))
    code.append("```")
    out.append("\n".join(code))
    if rng.random() < 0.3:
        out.append("## Response")
        out.append("\n".join("- [%s] %s" % (rng.choice("x "), sentence(rng, 3, 7))
                             for _ in range(rng.randint(2, 4))))
    out.append("## Assessment")
    extras = [ref(other2["id"], "a similar incident"), "www.example.com"]
    if len(actor_refs) > 1:
        extras.append(actor_refs[1])
    out.append(paragraph(rng, 3, 6, extras=extras))
    out.append("[^1]: " + sentence(rng, 6, 14))
    return "\n\n".join(out) + "\n"


def actor_body(rng, actor, incidents_by_id):
    out = []
    extras = []
    if actor["sponsor"]:
        extras.append("reportedly working for " + ref(actor["sponsor"]))
    out.append(paragraph(rng, 2, 5, extras=extras))
    if actor["incidents"]:
        out.append("## Notable activity")
        picks = actor["incidents"][:3]
        out.append("\n".join("- " + ref(iid) + ": " + sentence(rng, 5, 10) for iid in picks))
    out.append(paragraph(rng, 2, 4, extras=["~~previously tracked separately~~"]))
    return "\n\n".join(out) + "\n"


def render_dossier_refs(text):
    return REF_RE.sub(lambda m: "[[%s|%s]]" % (m.group(1), m.group(2)) if m.group(2)
                      else "[[%s]]" % m.group(1), text)


def render_hugo_refs(text, here, titles, kinds):
    """[[id]] as a relative Markdown link, from a page in section `here`."""
    def sub(m):
        tid, label = m.group(1), m.group(2) or titles[m.group(1)]
        section = kinds[tid]
        href = "%s.html" % tid if section == here else "../%s/%s.html" % (section, tid)
        return "[%s](%s)" % (label, href)
    return REF_RE.sub(sub, text)


# --------------------------------------------------------------------------
# Front-matter
# --------------------------------------------------------------------------

def incident_front_matter(inc, hugo=False):
    L = ["---", "title: " + q(inc["title"])]
    if hugo:
        L.append("date: " + full_date(inc["date"]))
        L.append("date_given: " + q(inc["date"]))
    else:
        L.append("date: " + inc["date"])
    L.append("tlp: clear")
    L.append("status: " + inc["status"])
    if inc["summary"]:
        L.append("summary: " + q(inc["summary"]))
    if hugo:
        # The taxonomy wants a list of terms; the full entries go to `attribution`.
        L.append("actors: [%s]" % ", ".join(sorted({e["id"] for e in inc["actors"]})))
        L.append("attribution:")
    else:
        L.append("actors:")
    for e in inc["actors"]:
        first = True
        for k in ("id", "role", "by", "date", "confidence", "source"):
            if k in e:
                v = q(e[k]) if k == "by" else e[k]
                L.append(("  - " if first else "    ") + "%s: %s" % (k, v))
                first = False
    L.append("countries: [%s]" % ", ".join(q(c) for c in inc["countries"]))
    L.append("sectors: [%s]" % ", ".join(inc["sectors"]))
    L.append("techniques: [%s]" % ", ".join(inc["techniques"]))
    L.append("sources:")
    for s in inc["sources"]:
        L.append("  - id: " + s["id"])
        L.append("    title: " + q(s["title"]))
        L.append("    publisher: " + q(s["publisher"]))
        L.append("    date: " + s["date"])
        L.append("    url: " + s["url"])
    if inc["related"]:
        L.append("related: [%s]" % ", ".join(inc["related"]))
    L.append("---")
    return "\n".join(L) + "\n\n"


def actor_front_matter(a, hugo=False):
    L = ["---", ("title: " if hugo else "name: ") + q(a["name"]), "tlp: clear",
         "kind: " + a["kind"]]
    if a["aliases"]:
        L.append("%s: [%s]" % ("alias_names" if hugo else "aliases",
                               ", ".join(q(x) for x in a["aliases"])))
    L.append("country: " + q(a["country"]))
    if a["sponsor"]:
        L.append("sponsor: " + a["sponsor"])
    L.append("---")
    return "\n".join(L) + "\n\n"


# --------------------------------------------------------------------------
# Hugo site skeleton
# --------------------------------------------------------------------------

HUGO_CONFIG = """\
title: Synthetic Threat Briefing
languageCode: en
baseURL: https://briefing.example.com/
# Dossier writes incidents/<id>.html and links relatively: do the same.
uglyURLs: true
relativeURLs: true
buildFuture: true
disableKinds: [RSS, sitemap, robotsTXT, "404"]
taxonomies:
  actor: actors
params:
  description: A synthetic intelligence briefing used to benchmark Dossier.
markup:
  goldmark:
    extensions:
      typographer: false
      table: true
      strikethrough: true
      linkify: true
      taskList: true
      footnote: true
      definitionList: false
    renderer:
      unsafe: false
  highlight:
    codeFences: false
"""

HUGO_LAYOUTS = {
    "partials/header.html": """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
<meta name="description" content="{{ site.Params.description }}"></head>
<body>
<div class="tlp" style="background:#000;color:#FFFFFF">TLP:{{ upper (.Params.tlp | default "clear") }}</div>
<header><a href="{{ relURL "index.html" }}">{{ site.Title }}</a>
<nav><a href="{{ relURL "incidents.html" }}">Timeline</a> <a href="{{ relURL "actors.html" }}">Actors</a></nav></header>
<main>
""",
    "partials/footer.html": """\
</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
""",
    "index.html": """\
{{ partial "header.html" . }}
<h1>{{ site.Title }}</h1>
<p>{{ site.Params.description }}</p>
<h2>Latest incidents</h2>
<ul>
{{ range first 20 (where site.RegularPages "Section" "incidents").ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date_given }}</li>
{{ end }}
</ul>
<h2>Actors</h2>
<ul>
{{ range site.Taxonomies.actors.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ partial "footer.html" . }}
""",
    # The incidents section page is the timeline: newest first, grouped by year.
    "_default/list.html": """\
{{ partial "header.html" . }}
<h1>{{ .Title }}</h1>
{{ range .Pages.GroupByDate "2006" }}
<h2>{{ .Key }}</h2>
<ul>
{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date_given }}
{{ range .Params.attribution }}{{ with site.GetPage (printf "/actors/%s" .id) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}{{ end }}</li>
{{ end }}
</ul>
{{ end }}
{{ partial "footer.html" . }}
""",
    "_default/single.html": """\
{{ partial "header.html" . }}
<article>
<h1>{{ .Title }}</h1>
<dl>
<dt>Date</dt><dd>{{ .Params.date_given }}</dd>
<dt>Status</dt><dd>{{ .Params.status }}</dd>
<dt>Countries</dt><dd>{{ delimit .Params.countries ", " }}</dd>
<dt>Sectors</dt><dd>{{ delimit .Params.sectors ", " }}</dd>
<dt>Techniques</dt><dd>{{ delimit .Params.techniques ", " }}</dd>
</dl>
<table>
<tr><th>Actor</th><th>Role</th><th>By</th><th>Confidence</th><th>Source</th></tr>
{{ range .Params.attribution }}
<tr><td>{{ with site.GetPage (printf "/actors/%s" .id) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</td>
<td>{{ .role }}</td><td>{{ .by }}</td><td>{{ .confidence }}</td><td>{{ with .source }}<a href="#src-{{ . }}">{{ . }}</a>{{ end }}</td></tr>
{{ end }}
</table>
{{ .Content }}
<h2>References</h2>
<ol>
{{ range .Params.sources }}
<li id="src-{{ .id }}"><a href="{{ .url }}">{{ .title }}</a>, {{ .publisher }}, {{ .date }}</li>
{{ end }}
</ol>
{{ with .Params.related }}
<h2>Related</h2>
<ul>
{{ range . }}{{ with site.GetPage (printf "/incidents/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}
</ul>
{{ end }}
</article>
{{ partial "footer.html" . }}
""",
    # Actors list: every actor with its incident count.
    "_default/taxonomy.html": """\
{{ partial "header.html" . }}
<h1>Actors</h1>
<table>
{{ range .Data.Terms.Alphabetical }}
<tr><td><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></td><td>{{ .Count }}</td>
<td>{{ with .Pages.ByDate }}{{ (index . 0).Params.date_given }} to {{ (index . (sub (len .) 1)).Params.date_given }}{{ end }}</td></tr>
{{ end }}
</table>
{{ partial "footer.html" . }}
""",
    # One actor: profile, aliases, sponsor, body, its incidents.
    "_default/term.html": """\
{{ partial "header.html" . }}
<h1>{{ .Title }}</h1>
<dl>
<dt>Kind</dt><dd>{{ .Params.kind }}</dd>
<dt>Country</dt><dd>{{ .Params.country }}</dd>
{{ with .Params.alias_names }}<dt>Aliases</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
{{ with .Params.sponsor }}{{ with site.GetPage (printf "/actors/%s" .) }}<dt>Sponsor</dt><dd><a href="{{ .RelPermalink }}">{{ .Title }}</a></dd>{{ end }}{{ end }}
</dl>
{{ .Content }}
<h2>Incidents</h2>
<ul>
{{ range .Pages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.date_given }}</li>
{{ end }}
</ul>
{{ partial "footer.html" . }}
""",
}


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

def _fresh(path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)


def _write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(incidents_n, actors_n, seed, out=None, hugo_out=None, floor_out=None):
    """Write the site(s). Returns a dict of counts and byte sizes."""
    rng = random.Random(seed)
    actors = make_actors(rng, actors_n)
    incidents = make_incidents(rng, incidents_n, actors)
    for x in actors + incidents:
        assert ID_RE.match(x["id"]), x["id"]
    titles = {a["id"]: a["name"] for a in actors}
    titles.update((i["id"], i["title"]) for i in incidents)
    kinds = {a["id"]: "actors" for a in actors}
    kinds.update((i["id"], "incidents") for i in incidents)
    assert len(kinds) == len(actors) + len(incidents), "ids must be unique"

    inc_bodies = [incident_body(rng, inc, incidents, k) for k, inc in enumerate(incidents)]
    act_bodies = [actor_body(rng, a, None) for a in actors]

    stats = {"incidents": incidents_n, "actors": actors_n, "seed": seed,
             "markdown_bytes": 0}

    if out:
        _fresh(out)
        c = os.path.join(out, "content")
        os.makedirs(os.path.join(c, "incidents"))
        os.makedirs(os.path.join(c, "actors"))
        _write(os.path.join(c, "site.yml"),
               "title: Synthetic Threat Briefing\n"
               "description: A synthetic intelligence briefing used to benchmark Dossier.\n"
               "language: en\npublish_tlp: clear\n")
        total = 0
        for inc, body in zip(incidents, inc_bodies):
            text = incident_front_matter(inc) + render_dossier_refs(body)
            total += len(text.encode("utf-8"))
            _write(os.path.join(c, "incidents", inc["id"] + ".md"), text)
        for a, body in zip(actors, act_bodies):
            text = actor_front_matter(a) + render_dossier_refs(body)
            total += len(text.encode("utf-8"))
            _write(os.path.join(c, "actors", a["id"] + ".md"), text)
        stats["markdown_bytes"] = total

    if hugo_out:
        _fresh(hugo_out)
        c = os.path.join(hugo_out, "content")
        os.makedirs(os.path.join(c, "incidents"))
        _write(os.path.join(hugo_out, "hugo.yaml"), HUGO_CONFIG)
        for rel, text in HUGO_LAYOUTS.items():
            p = os.path.join(hugo_out, "layouts", rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            _write(p, text)
        _write(os.path.join(c, "_index.md"), "---\ntitle: Home\n---\n")
        _write(os.path.join(c, "incidents", "_index.md"), "---\ntitle: Timeline\n---\n")
        os.makedirs(os.path.join(c, "actors"))
        _write(os.path.join(c, "actors", "_index.md"), "---\ntitle: Actors\n---\n")
        for inc, body in zip(incidents, inc_bodies):
            _write(os.path.join(c, "incidents", inc["id"] + ".md"),
                   incident_front_matter(inc, hugo=True)
                   + render_hugo_refs(body, "incidents", titles, kinds))
        for a, body in zip(actors, act_bodies):
            d = os.path.join(c, "actors", a["id"])
            os.makedirs(d)
            _write(os.path.join(d, "_index.md"),
                   actor_front_matter(a, hugo=True) + render_hugo_refs(body, "actors", titles, kinds))

    if floor_out:
        # Every incident body in one file. References become the same relative
        # links as on the Hugo side, and footnote labels are made unique per
        # incident so each body's footnote is rendered as it would be alone.
        parts = []
        for k, body in enumerate(inc_bodies):
            b = render_hugo_refs(body, "incidents", titles, kinds).replace("[^1]", "[^%d-1]" % k)
            parts.append(b)
        text = "\n".join(parts)
        _write(floor_out, text)
        stats["floor_bytes"] = len(text.encode("utf-8"))
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--incidents", type=int, default=1000)
    ap.add_argument("--actors", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="Dossier site folder to (re)create")
    ap.add_argument("--hugo-out", help="Hugo site folder to (re)create")
    ap.add_argument("--floor-out", help="file for all incident bodies concatenated")
    args = ap.parse_args(argv)
    if not (args.out or args.hugo_out or args.floor_out):
        ap.error("give at least one of --out, --hugo-out, --floor-out")
    stats = generate(args.incidents, args.actors, args.seed,
                     args.out, args.hugo_out, args.floor_out)
    print(", ".join("%s=%s" % kv for kv in stats.items()))


if __name__ == "__main__":
    sys.exit(main())
