#!/usr/bin/env bash
# Opt-in end-to-end test of the container deployment, for a machine where no image can be pulled:
# builds a local base image from local files (debootstrap'd Debian + a jlink'd Java runtime),
# builds the server image from deploy/Dockerfile on it, starts deploy/compose.yaml (nginx, two
# server containers, PostgreSQL primary + streaming replica, Redis + replica + Sentinel, RabbitMQ)
# with host networking only, drives claims through nginx and checks the invariants in the database
# and that every domain event reached the broker.
#
#   sudo deploy/container-test.sh        (root; docker.io, docker-compose, debootstrap installed;
#                                          network to Debian's mirror on the first run; ~3 GB disk)
#
# It runs its own dockerd (own socket and data folder, --bridge=none --iptables=false) and stops
# it at the end (KEEP=1 leaves everything running). Work files: $WORK (cached between runs).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/var/tmp/flashsale-container}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
USERS=${USERS:-400}        # distinct shoppers, each claiming twice
UNITS=${UNITS:-250}        # units of the deal they fight over
HEALTH_WAIT=${HEALTH_WAIT:-900}  # seconds for both servers to become healthy (a loaded 2-core host needs ~8 min)
export DOCKER_HOST=unix://$WORK/docker.sock
export FLASHSALE_ADMIN_TOKEN=container-test-admin-token
# Shoppers' identity provider: bench/idp/TokenMint.java's key and pre-minted RS256 tokens, the JWKS
# served from the host's loopback (the servers validate them as they would any provider's).
IDP_PORT=${IDP_PORT:-18090}
export FLASHSALE_JWT_ISSUER_URI=http://127.0.0.1:$IDP_PORT
export FLASHSALE_JWT_JWK_SET_URI=http://127.0.0.1:$IDP_PORT/jwks.json
export FLASHSALE_JWT_AUDIENCE=flashsale-container
export FLASHSALE_VOUCHERS_KEY_ENCRYPTION_KEY=${FLASHSALE_VOUCHERS_KEY_ENCRYPTION_KEY:-$(head -c32 /dev/urandom | base64)}
export FLASHSALE_WEBHOOKS_SECRET_KEY=${FLASHSALE_WEBHOOKS_SECRET_KEY:-$(head -c32 /dev/urandom | base64)}
COMPOSE=(docker-compose -p flashsale -f "$ROOT/deploy/compose.yaml")
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.prefs,\
java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,\
jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.localedata

step() { echo "== $(date -u +%T) $*"; }
die() { echo "container-test: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (dockerd, debootstrap)"
for tool in dockerd docker docker-compose debootstrap curl python3; do
  command -v $tool >/dev/null || die "$tool missing: apt-get install -y docker.io docker-compose debootstrap curl"
done
for port in 18080 18081 18082 19081 19082 18379 18380 18381 18432 18433 18672 18673 14369 $IDP_PORT; do
  ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || die "loopback port $port is taken"
done
mkdir -p "$WORK"

# --- local files -> root filesystems and a Java runtime ------------------------------------
if [ ! -x "$WORK/rootfs-min/bin/bash" ]; then
  step "debootstrap a minimal Debian for the server image"
  debootstrap --variant=minbase bookworm "$WORK/rootfs-min" "$MIRROR" > "$WORK/debootstrap-min.log"
fi
if [ ! -x "$WORK/rootfs/usr/lib/rabbitmq/bin/rabbitmq-server" ]; then
  step "debootstrap Debian with postgresql, redis, rabbitmq, nginx for the dependencies' image"
  rm -rf "$WORK/rootfs"
  NEW_DEPS=1
  debootstrap --variant=minbase --include=postgresql,redis-server,redis-sentinel,rabbitmq-server,nginx-light,procps \
    bookworm "$WORK/rootfs" "$MIRROR" > "$WORK/debootstrap.log"
fi
if [ ! -x "$WORK/runtime/bin/java" ]; then
  step "jlink a Java runtime from $JDK"
  "$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=en --strip-debug --no-header-files \
    --no-man-pages --output "$WORK/runtime"
fi

# --- our own dockerd: no bridge, no iptables --------------------------------------------------
STARTED_DOCKERD=
if ! docker info >/dev/null 2>&1; then
  step "start dockerd (host networking only)"
  dockerd --host "$DOCKER_HOST" --data-root "$WORK/docker-data" --exec-root "$WORK/docker-exec" \
    --pidfile "$WORK/dockerd.pid" --bridge=none --iptables=false --ip-masq=false \
    > "$WORK/dockerd.log" 2>&1 &
  STARTED_DOCKERD=$!
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || die "dockerd did not start, see $WORK/dockerd.log"
fi
cleanup() {
  [ -n "${KEEP:-}" ] && return
  if [ -n "${IDP_PID:-}" ]; then kill "$IDP_PID" 2>/dev/null || true; fi
  "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  if [ -n "$STARTED_DOCKERD" ]; then kill "$STARTED_DOCKERD" 2>/dev/null || true; wait "$STARTED_DOCKERD" 2>/dev/null || true; fi
}
trap cleanup EXIT

# --- images -------------------------------------------------------------------------------------
slim() { # a root filesystem as a tar stream, without apt's caches, docs and manuals
  tar -C "$1" --exclude=./var/cache/apt --exclude=./var/lib/apt/lists --exclude=./usr/share/doc \
    --exclude=./usr/share/man --exclude=./usr/share/locale --exclude=./proc --exclude=./sys --exclude=./dev -c .
}
if ! docker image inspect flashsale-local-jre >/dev/null 2>&1; then
  step "import the local JRE base image (Debian minbase + jlink'd runtime at /opt/java/openjdk)"
  rm -rf "$WORK/rootfs-min/opt/java/openjdk" && mkdir -p "$WORK/rootfs-min/opt/java"
  cp -a "$WORK/runtime" "$WORK/rootfs-min/opt/java/openjdk"
  slim "$WORK/rootfs-min" | docker import \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' - flashsale-local-jre >/dev/null
fi
if [ -n "${NEW_DEPS:-}" ] || ! docker image inspect flashsale-deps >/dev/null 2>&1; then
  step "import the dependencies' image (Debian + postgresql-15, redis, sentinel, rabbitmq, nginx)"
  slim "$WORK/rootfs" | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - flashsale-deps >/dev/null
fi
if [ -z "${SKIP_JAR:-}" ] || [ ! -f "$ROOT/server/target/server-0.1.0-SNAPSHOT.jar" ]; then
  step "package the server jar (SKIP_JAR=1 reuses server/target's)"
  (cd "$ROOT" && JAVA_HOME=$JDK ./mvnw -B -ntp -q -pl server -am package -DskipTests)
fi
step "docker build -f deploy/Dockerfile --build-arg BASE_IMAGE=flashsale-local-jre -t flashsale-server ."
docker build --network host -q -f "$ROOT/deploy/Dockerfile" --build-arg BASE_IMAGE=flashsale-local-jre \
  -t flashsale-server "$ROOT" >/dev/null
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^flashsale-(server|local-jre|deps):'
echo "server image runs as user $(docker image inspect -f '{{.Config.User}}' flashsale-server)," \
  "health check: $(docker image inspect -f '{{join .Config.Healthcheck.Test " "}}' flashsale-server | cut -c1-60)..."

# --- the shoppers' identity provider --------------------------------------------------------------
step "mint $USERS shopper tokens (RS256) and serve the JWKS on 127.0.0.1:$IDP_PORT"
rm -rf "$WORK/idp"
"$JDK/bin/java" "$ROOT/bench/idp/TokenMint.java" "$WORK/idp" "$FLASHSALE_JWT_ISSUER_URI" "$FLASHSALE_JWT_AUDIENCE" \
  7200 "shoppers:user:$USERS" > "$WORK/mint.log" 2>&1 || die "token minting failed, see $WORK/mint.log"
python3 -m http.server "$IDP_PORT" --bind 127.0.0.1 --directory "$WORK/idp" > "$WORK/idp.log" 2>&1 &
IDP_PID=$!

# --- the topology -------------------------------------------------------------------------------
step "docker-compose up (host networking)"
"${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
"${COMPOSE[@]}" up -d 2>&1 | sed 's/^/   /'
[ "$(docker network ls -q --filter driver=bridge | wc -l)" = 0 ] || die "a bridge network exists"
step "wait for both server containers to be healthy"
up_at=$SECONDS
for _ in $(seq $((HEALTH_WAIT / 5))); do
  healthy=$(for c in flashsale_server-1_1 flashsale_server-2_1; do docker inspect -f '{{.State.Health.Status}}' $c; done | grep -c '^healthy$' || true)
  [ "$healthy" = 2 ] && break
  sleep 5
done
echo "healthy after $((SECONDS - up_at)) s"
[ "$healthy" = 2 ] || { "${COMPOSE[@]}" logs --tail 40 server-1 server-2; die "servers not healthy"; }
"${COMPOSE[@]}" ps | sed 's/^/   /'

psql_primary() { docker exec -u postgres flashsale_pg-primary_1 /usr/lib/postgresql/15/bin/psql -h /tmp -p 18432 -d flashsale -At -c "$1"; }
echo "replication: $(psql_primary "SELECT application_name || ' ' || state FROM pg_stat_replication")"
echo "sentinel master: $(docker exec flashsale_sentinel_1 redis-cli -p 18381 sentinel get-master-addr-by-name flashsale | paste -sd:)"

# --- claims through nginx ---------------------------------------------------------------------
step "create a merchant and a deal of $UNITS units through nginx"
API=http://127.0.0.1:18080/api/v1
KEY=$(curl -sf -X POST $API/admin/merchants -H "Authorization: Bearer $FLASHSALE_ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Container test"}' | sed -n 's/.*"apiKey":"\([^"]*\)".*/\1/p')
UNTIL=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
DEAL=$(curl -sf -X POST $API/deals -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Container sale\",\"latitude\":12.9716,\"longitude\":77.5946,\"totalInventory\":$UNITS,\"validUntil\":\"$UNTIL\"}" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
[ -n "$DEAL" ] || die "deal not created"
found=0
for _ in $(seq 20); do  # discovery reads the replica: the deal shows within the lag bound
  curl -s "$API/deals/nearby?lat=12.97&lng=77.59&radiusKm=2" | grep -q "$DEAL" && { found=1; break; }
  sleep 0.5
done
echo "discovery through nginx finds the new deal: $found; replica reads so far on :19081/:19082:" \
  "$(for port in 19081 19082; do curl -s 127.0.0.1:$port/actuator/prometheus \
      | grep '^flashsale_discovery_reads_total{reason="fresh",target="replica"' | sed 's/.* //'; done | paste -sd/)"
[ "$found" = 1 ] || die "discovery does not show the new deal"
step "$((USERS * 2)) claims by $USERS signed-in shoppers (each twice), 32 at a time"
start=$(date +%s%N)
for round in 1 2; do cat "$WORK/idp/shoppers.tokens"; done | shuf \
  | xargs -P 32 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST "$API/deals/$DEAL/claims" \
      -H 'Authorization: Bearer {}' > "$WORK/answers.txt"
ms=$((($(date +%s%N) - start) / 1000000))
echo "answers in ${ms} ms: $(sort "$WORK/answers.txt" | uniq -c | awk '{printf "%s x %s  ", $1, $2}')"
for port in 19081 19082; do
  n=$(curl -s 127.0.0.1:$port/actuator/prometheus | grep '^http_server_requests_seconds_count' \
      | grep 'claims' | sed 's/.* //' | awk '{s+=$1} END {printf "%d", s}')
  echo "claim requests served by the instance with Actuator on :$port: $n"
  [ "$n" -gt 0 ] || die "the instance on :$port served no claim"
done

# --- the invariants, in the database ----------------------------------------------------------
step "invariant check in PostgreSQL"
read -r total remaining claims users twice <<< "$(psql_primary "
  SELECT d.total_inventory, d.remaining_inventory, count(c.deal_id), count(DISTINCT c.user_id),
         (SELECT count(*) FROM (SELECT user_id FROM claims WHERE deal_id = d.id GROUP BY user_id HAVING count(*) > 1) t)
  FROM deals d LEFT JOIN claims c ON c.deal_id = d.id WHERE d.id = '$DEAL' GROUP BY d.id" | tr '|' ' ')"
created=$(grep -c '^201$' "$WORK/answers.txt" || true)
echo "total=$total remaining=$remaining claims=$claims distinct_users=$users users_twice=$twice answered_201=$created"
[ "$claims" = $((total - remaining)) ] || die "claims != units sold"
[ "$twice" = 0 ] && [ "$users" = "$claims" ] || die "a user holds two claims"
[ "$remaining" -ge 0 ] || die "negative stock"
[ "$created" = "$claims" ] || die "201 answers ($created) != claim rows ($claims)"
# 503 = lock busy past its 2 s wait or a dependency away, with Retry-After: a client retries it.
[ "$(grep -vc '^\(201\|409\|503\)$' "$WORK/answers.txt" || true)" = 0 ] || die "answers other than 201/409/503"
# The domain events (one claims.granted per claim batch, deal.created, ...) leave through the broker:
# an event is marked published only once RabbitMQ has confirmed it.
for _ in $(seq 60); do
  read -r events unpublished <<< "$(psql_primary "SELECT count(*), count(*) FILTER (WHERE published_at IS NULL) FROM outbox_events" | tr '|' ' ')"
  [ "$unpublished" = 0 ] && break
  sleep 1
done
echo "domain events: $events written, $unpublished not yet confirmed by RabbitMQ"
[ "$events" -gt 0 ] && [ "$unpublished" = 0 ] || die "domain events not published to the broker"
step "PASS: claims = units sold, nobody twice, remaining >= 0, every 201 is a row, every event published"
