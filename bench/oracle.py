#!/usr/bin/env python3
"""Discovery oracle: compares nearby answers from the API with a brute-force query.

For random points (same distribution as bench/lua/nearby.lua: mostly near the hot spots) it asks
GET /api/v1/deals/nearby and runs, in one psql session, the same Haversine over ALL deal rows with
no box prefilter; the ordered id lists must be equal. Writes "matches N" / "mismatches N" to --out.
"""
import argparse, json, math, os, random, subprocess, sys, urllib.request

R_KM = 6371.0088  # Haversine.EARTH_RADIUS_KM

BRUTE = """SELECT {i}, coalesce(string_agg(id::text, ',' ORDER BY distance_km, id), '') FROM (
  SELECT id, distance_km FROM (
    SELECT d.id, 2 * {r} * asin(least(1.0, sqrt(
             power(sin(radians(d.latitude - {lat}) / 2), 2)
             + cos(radians({lat})) * cos(radians(d.latitude))
               * power(sin(radians(d.longitude - {lng}) / 2), 2)))) AS distance_km
    FROM deals d
    WHERE d.valid_from <= now() AND d.valid_until > now() AND d.remaining_inventory > 0) all_rows
  WHERE distance_km <= {radius} ORDER BY distance_km, id LIMIT 20) s;"""


def point(rng, spots, box):
    if rng.random() < 0.8:
        lat0, lng0 = rng.choice(spots)
        r, t = 6.0 * math.sqrt(rng.random()), 2 * math.pi * rng.random()
        lat = lat0 + r * math.cos(t) / 111.195
        return lat, lng0 + r * math.sin(t) / (111.195 * math.cos(math.radians(lat)))
    return rng.uniform(box[0], box[1]), rng.uniform(box[2], box[3])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--radii", default="1 5 25")
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    spots = [tuple(map(float, s.split(":"))) for s in os.environ["BENCH_HOTSPOTS"].split(",")]
    box = [float(v) for v in os.environ["BENCH_BOX"].split(":")]
    radii = a.radii.split()
    rng = random.Random(20240601)
    api, queries = {}, []
    for i in range(a.samples):
        lat, lng = point(rng, spots, box)
        radius = radii[i % len(radii)]
        # repr(float) round-trips, so the server and psql see the same doubles
        url = f"{a.base}/api/v1/deals/nearby?lat={lat!r}&lng={lng!r}&radiusKm={radius}&limit=20"
        with urllib.request.urlopen(url, timeout=30) as resp:
            api[i] = [d["id"] for d in json.load(resp)["deals"]]
        queries.append(BRUTE.format(i=i, r=R_KM, lat=repr(lat), lng=repr(lng), radius=radius))
    # Each brute-force query scans every row (~1 s per search at 1M deals), so run them in one
    # psql session per CPU, each single-threaded.
    jobs = max(1, min(a.jobs, len(queries)))
    procs = []
    for j in range(jobs):
        p = subprocess.Popen(["psql", "-X", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                              "-U", "postgres", "-d", a.db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        procs.append((p, "SET max_parallel_workers_per_gather = 0;\n" + "\n".join(queries[j::jobs])))
    out = ""
    for p, script in procs:
        stdout, stderr = p.communicate(script, timeout=900)
        if p.returncode != 0:
            sys.exit(f"psql failed: {stderr}")
        out += stdout
    brute = {}
    for line in out.splitlines():
        if "|" not in line:
            continue
        i, ids = line.split("|", 1)
        brute[int(i)] = ids.split(",") if ids else []
    matches = sum(1 for i in api if api[i] == brute.get(i))
    empty = sum(1 for i in api if not api[i])
    for i in api:
        if api[i] != brute.get(i):
            print(f"mismatch #{i}: api={api[i]} brute={brute.get(i)}", file=sys.stderr)
    with open(a.out, "w") as f:
        f.write(f"matches {matches}\nmismatches {len(api) - matches}\nempty_answers {empty}\n")
    print(f"oracle: {matches} match, {len(api) - matches} mismatch ({empty} empty answers)")


if __name__ == "__main__":
    main()
