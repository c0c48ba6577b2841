#!/usr/bin/env python3
# Where a JFR recording's CPU samples went, by component: python3 bench/jfr-summary.py bench/results/<run>/hot-*.jfr
# Each sample goes to the innermost frame that names a known component (leaf first).
import collections, os, re, subprocess, sys
cats = [
 ("JWT verification (nimbus/RSA)", re.compile(r"sun\.security\.rsa|com\.nimbusds|oauth2\.jwt")),
 ("voucher ES256 signing", re.compile(r"sun\.security\.ec|ECDSA|VoucherSigner|PreSigned")),
 ("rate limits (Bucket4j)", re.compile(r"io\.github\.bucket4j|ratelimit\.")),
 ("claim path (coordinator/writer/JDBC)", re.compile(r"flashsale\.claim\.|org\.postgresql|com\.zaxxer")),
 ("Lettuce/Redis", re.compile(r"io\.lettuce|io\.netty")),
 ("JSON (Jackson)", re.compile(r"tools\.jackson|com\.fasterxml")),
 ("Spring Security other", re.compile(r"org\.springframework\.security")),
 ("Spring MVC", re.compile(r"org\.springframework\.web")),
 ("Tomcat", re.compile(r"org\.apache\.(catalina|coyote|tomcat)")),
]
total = 0; counts = collections.Counter(); tops = collections.Counter()
for f in sys.argv[1:]:
    out = subprocess.run([os.environ.get("JFR", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", f], capture_output=True, text=True).stdout
    for ev in out.split("jdk.ExecutionSample")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", ev, re.S)
        if not m: continue
        frames = [l.strip() for l in m.group(1).splitlines() if l.strip()]
        total += 1
        tops[frames[0].split("(")[0] if frames else "?"] += 1
        found = None
        for fr in frames:  # leaf first: the innermost known component gets the sample
            for name, rx in cats:
                if rx.search(fr):
                    found = name; break
            if found: break
        counts[found or "other (JDK, GC-free runtime)"] += 1
print("samples", total)
for k, v in counts.most_common(): print(f"{v/total*100:5.1f}%  {k}")
print("top frames:")
for k, v in tops.most_common(15): print(f"{v/total*100:5.1f}%  {k}")
