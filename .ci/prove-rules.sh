#!/usr/bin/env bash
# Proves that the build enforces its rules: in a fresh clone of HEAD it commits one deliberate
# violation at a time and checks that the build FAILS on it, for the reason expected.
#
#   bash .ci/prove-rules.sh          # all rules (a few minutes: each case builds the server)
#   bash .ci/prove-rules.sh format   # one case: format | nullness | boundary | http | schema | jackson2
set -uo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/prove-rules.XXXXXX)"
MVN_FLAGS=(-B -ntp -q)
SERVER=server/src/main/java/com/hyperlocal/flashsale
pass=0; fail=0

# case name, expected text in the build output, command, then the edit (a shell snippet).
prove() {
  local name=$1 expect=$2 cmd=$3 edit=$4
  if [[ -n "${ONLY:-}" && "$ONLY" != "$name" ]]; then return; fi
  rm -rf "$WORK/clone" && git clone -q "$REPO" "$WORK/clone"
  (cd "$WORK/clone" && eval "$edit")
  if (cd "$WORK/clone" && eval "$cmd") >"$WORK/$name.log" 2>&1; then
    echo "FAIL  $name: the build passed with the violation (log: $WORK/$name.log)"; fail=$((fail + 1))
  elif grep -q -- "$expect" "$WORK/$name.log"; then
    echo "ok    $name: the build fails ($expect)"; pass=$((pass + 1))
  else
    echo "FAIL  $name: the build failed, but not with \"$expect\" (log: $WORK/$name.log)"; fail=$((fail + 1))
  fi
}
ONLY="${1:-}"

prove format "spotless" "./mvnw ${MVN_FLAGS[*]} -pl common-crypto spotless:check" \
  "sed -i 's/^public final class AtomicFiles {/public   final class AtomicFiles{/' common-crypto/src/main/java/com/hyperlocal/flashsale/crypto/AtomicFiles.java"

prove nullness "NullAway" "./mvnw ${MVN_FLAGS[*]} -pl common-crypto compile" \
  "printf 'package com.hyperlocal.flashsale.crypto;\nfinal class NullSignal {\n    static String find() {\n        return null;\n    }\n}\n' > common-crypto/src/main/java/com/hyperlocal/flashsale/crypto/NullSignal.java"

prove boundary "non-exposed type" \
  "./mvnw ${MVN_FLAGS[*]} -pl server -am verify -Dtest=ModularityTests -Dsurefire.failIfNoSpecifiedTests=false" \
  "mkdir -p $SERVER/deal/internal && printf 'package com.hyperlocal.flashsale.deal.internal;\npublic final class Secret {\n    public static final int VALUE = 1;\n}\n' > $SERVER/deal/internal/Secret.java && printf 'package com.hyperlocal.flashsale.claim;\nfinal class Peek {\n    int value() {\n        return com.hyperlocal.flashsale.deal.internal.Secret.VALUE;\n    }\n}\n' > $SERVER/claim/Peek.java"

prove http "HTTP stays at the edge" \
  "./mvnw ${MVN_FLAGS[*]} -pl server -am verify -Dtest=ArchitectureRulesTest -Dsurefire.failIfNoSpecifiedTests=false" \
  "printf 'package com.hyperlocal.flashsale.claim;\nfinal class HttpInDomain {\n    org.springframework.http.HttpStatus status() {\n        return org.springframework.http.HttpStatus.OK;\n    }\n}\n' > $SERVER/claim/HttpInDomain.java"

prove schema "undeclared cross-feature table access" \
  "./mvnw ${MVN_FLAGS[*]} -pl server -am verify -Dtest=SchemaOwnershipTest -Dsurefire.failIfNoSpecifiedTests=false" \
  "printf 'package com.hyperlocal.flashsale.discovery;\nfinal class Sneaky {\n    static final String SQL = \"UPDATE claims SET user_id = NULL\";\n}\n' > $SERVER/discovery/Sneaky.java"

prove jackson2 "banned via the exclude/include list" "./mvnw ${MVN_FLAGS[*]} -pl merchant-cli validate" \
  "sed -i 's#<artifactId>picocli</artifactId>#<artifactId>picocli</artifactId>\n        </dependency>\n        <dependency>\n            <groupId>com.fasterxml.jackson.core</groupId>\n            <artifactId>jackson-databind</artifactId>#' merchant-cli/pom.xml"

echo "rules proven: $pass, not proven: $fail"
[[ $fail -eq 0 ]] && rm -rf "$WORK"
((fail == 0))
