#!/usr/bin/env bash
# Usage: scripts/scan-logs-for-secrets.sh <log dir> [source dir ...]
# Fails when any log line holds a secret: token shapes (Slack, our API tokens, webhook secrets, bearer and
# basic credentials), URLs that are credentials (Slack response_urls, webhook URLs; the suite's doubles serve
# both under /hooks/) and every secret value the test suite configures (string literals in the sources given
# that name a secret, password or key). Prints where, never the secret itself.
set -euo pipefail
logs=${1:?log directory}; shift
shopt -s nullglob
files=("$logs"/*.log)
if [ ${#files[@]} -eq 0 ]; then echo "secret scan: no logs in $logs, so nothing was proven" >&2; exit 1; fi

patterns=$(mktemp)
trap 'rm -f "$patterns"' EXIT
cat >"$patterns" <<'PATTERNS'
xox[abpre]-[A-Za-z0-9-]{6,}
xapp-[A-Za-z0-9-]{6,}
cbt_[A-Za-z0-9_-]{10,}
whsec_[A-Za-z0-9+/=]{10,}
Bearer [A-Za-z0-9._~+/-]{12,}
Basic [A-Za-z0-9+/]{12,}={0,2}
hooks\.slack\.com/[A-Za-z0-9_-]+/[A-Za-z0-9/_-]{6,}
https?://[^ "']+/hooks/[A-Za-z0-9_-][^ "']*
PATTERNS
if [ $# -gt 0 ]; then
  # Literals such as "test-ops-password" or "e2e-signing-secret": lower-case words joined by dashes.
  grep -rhoE --include='*.cs' '"[a-z0-9]+(-[a-z0-9]+)*-(secret|password|api-key|apikey|token)(-[a-z0-9]+)*"' "$@" \
    | tr -d '"' | grep -vx 'x-api-key' | sort -u | sed 's/[.[\*^$()+?{|]/\\&/g' >>"$patterns" || true
fi

hits=$(grep -nEo -f "$patterns" "${files[@]}" | cut -d: -f1,2 | sort -u || true)
if [ -n "$hits" ]; then
  echo "secret scan: secrets found in test logs (file:line):" >&2
  echo "$hits" | head -50 >&2
  exit 1
fi
echo "secret scan: $(cat "${files[@]}" | wc -l) log lines in ${#files[@]} files, $(wc -l <"$patterns") patterns, no secret found"
