#!/usr/bin/env bash
# Runs every command line of the READMEs that builds or starts something, in a fresh clone of
# this repository's HEAD, as a newcomer would: builds must exit 0, servers and apps must come up
# (a server answers /api/v1/ping, a desktop app stays alive under Xvfb) and are then stopped.
#
#   bash .ci/readme-commands.sh            # all READMEs
#   KEEP=1 bash .ci/readme-commands.sh     # keep the clone and the logs (printed at the end)
#
# Opt-in (it builds the project again and takes several minutes); `./mvnw verify` itself is the
# CI command and is not repeated here. Needs curl; the desktop lines need xvfb-run, which it installs
# (apt-get install xvfb) when run as root on a machine that lacks it, and otherwise skips them.
set -uo pipefail
if ! command -v xvfb-run >/dev/null && command -v apt-get >/dev/null && [[ $(id -u) -eq 0 ]]; then
  timeout 300 apt-get install -y -qq xvfb >/dev/null 2>&1 \
    || { timeout 300 apt-get update -qq && timeout 300 apt-get install -y -qq xvfb; } >/dev/null 2>&1 \
    || echo "xvfb could not be installed: the desktop lines will be skipped"
fi
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/readme-check.XXXXXX)"
git clone -q "$REPO" "$WORK/clone"
cd "$WORK/clone" || exit 1
pass=0; fail=0; skipped=0

# Logical command lines (continuations joined) from the ```bash blocks of each README.
commands() {
  awk '
    /^```bash/ { inblock = 1; next }
    /^```/ { inblock = 0; next }
    inblock {
      line = $0
      sub(/^[ \t]+/, "", line)
      if (line ~ /\\$/) { sub(/\\$/, "", line); acc = acc line " "; next }
      acc = acc line
      print FILENAME "\t" acc
      acc = ""
    }' README.md */README.md
}

wait_ping() { # url seconds pid
  local deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    kill -0 "$3" 2>/dev/null || return 1
    curl -fsS -m 2 "$1" >/dev/null 2>&1 && return 0
    sleep 2
  done
  return 1
}

stop_tree() { kill -- -"$1" 2>/dev/null; sleep 3; kill -9 -- -"$1" 2>/dev/null; wait "$1" 2>/dev/null; }

run_server() { # command log
  setsid bash -c "$1" >"$2" 2>&1 &
  local pid=$!
  if wait_ping "http://127.0.0.1:8080/api/v1/ping" 600 "$pid"; then result=0; else result=1; fi
  stop_tree "$pid"
  return $result
}

run_desktop() { # command log: the app's own --smoke-test opens the window, prints its size, exits
  if ! command -v xvfb-run >/dev/null; then return 2; fi
  local cmd="$1"
  case "$cmd" in
    *javafx:run*) cmd="$cmd -Djavafx.args=--smoke-test" ;;
    *) cmd="$cmd --smoke-test" ;;
  esac
  timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$cmd" >"$2" 2>&1 && grep -q "verifier window shown" "$2"
}

i=0
while IFS=$'\t' read -r file cmd; do
  cmd="${cmd%%  #*}"; cmd="${cmd%"${cmd##*[![:space:]]}"}"   # a trailing comment is the reader's, not the shell's
  case "$cmd" in
    *"./mvnw verify"*|*"mvnw -B"*"verify"*) continue ;;                       # the CI command itself
    *".example.com"*|*"idp.example"*) echo "skip  $file: $cmd (a template: names the reader's own provider)"; skipped=$((skipped + 1)); continue ;;
    *"bin/flashdeal --help"*) ;;                                            # the CLI builds and starts
    *"bin/flashdeal"*) continue ;;                                          # a flow against a running server
    *"./mvnw"*|*"java -jar"*|*"bin/verifier"*|*"bin/package-app-image"*|*"bin/check-app-image"*|*"bin/flashsale-verifier"*) ;;
    *) continue ;;
  esac
  i=$((i + 1)); log="$WORK/cmd-$i.log"
  case "$cmd" in
    *bin/check-app-image*) if command -v xvfb-run >/dev/null; then timeout 900 bash -c "$cmd" >"$log" 2>&1 </dev/null; rc=$?; else rc=2; fi ;;
    *spring-boot:run*|*"java -jar server/"*) run_server "$cmd" "$log" </dev/null; rc=$? ;;
    *javafx:run*|*bin/verifier|*"verifier.jar"|*/bin/flashsale-verifier) run_desktop "$cmd" "$log" </dev/null; rc=$? ;;
    *) timeout 900 bash -c "$cmd" >"$log" 2>&1 </dev/null; rc=$? ;;   # stdin is the list of commands
  esac
  case $rc in
    0) pass=$((pass + 1)); echo "ok    $file: $cmd" ;;
    2) skipped=$((skipped + 1)); echo "skip  $file: $cmd (no xvfb-run)" ;;
    *) fail=$((fail + 1)); echo "FAIL  $file: $cmd (log: $log)"; tail -5 "$log" | sed 's/^/      /' ;;
  esac
done < <(commands)

echo "README commands: $pass ok, $fail failed, $skipped skipped"
if [[ -z "${KEEP:-}" && $fail -eq 0 ]]; then rm -rf "$WORK"; else echo "clone and logs: $WORK"; fi
((fail == 0))
