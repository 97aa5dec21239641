#!/usr/bin/env bash
# ChatBot's two entry points for a fresh machine:
#   ./build.sh run    start the server on the embedded default (SQLite, no other setup)
#   ./build.sh test   run the whole test suite against a throwaway PostgreSQL cluster
# and for measuring:
#   ./build.sh reliability  the long reliability runs (a node killed with 1,000 runs in flight)
#   ./build.sh bench  run the benchmarks (Release, throwaway PostgreSQL) into bench/results/<date>.md
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

log() { printf '[build] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing $* from Debian packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 55432-55532" >&2; return 1
}

# Starts a throwaway cluster on a free loopback port; exports CHATBOT_TEST_POSTGRES.
start_postgres() {
  [ -n "$(postgres_bin)" ] || apt_install postgresql
  # Global on purpose: the EXIT trap runs after this function has returned.
  pg_bin=$(postgres_bin)
  local bin=$pg_bin
  pg_dir=$(mktemp -d /tmp/chatbot-pg.XXXXXX)
  local port; port=$(free_port)
  pg_port=$port
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root; the Debian package brings a postgres user.
    id postgres >/dev/null 2>&1 || useradd --system --home "$pg_dir" postgres
    chown postgres "$pg_dir"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$pg_dir/data" -U chatbot -A trust -E UTF8 --no-locale >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
  pg_run_as=("${run_as[@]}")
  pg_stop() { "${pg_run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
  trap pg_stop EXIT
  export CHATBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=chatbot;Database=postgres;Include Error Detail=true"
  export CHATBOT_TEST_POSTGRES_BIN="$bin"
  export CHATBOT_TEST_POSTGRES_DATA="$pg_dir/data"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# The secret scan must catch a planted token before its verdict on the real logs counts.
scan_test_logs() {
  local canary; canary=$(mktemp -d /tmp/chatbot-canary.XXXXXX)
  echo "Information Canary: posting with xoxb-canary-0000-planted" >"$canary/canary.log"
  if "$root/scripts/scan-logs-for-secrets.sh" "$canary" >/dev/null 2>&1; then
    rm -rf "$canary"; echo "secret scan: missed a planted token" >&2; return 1
  fi
  rm -rf "$canary"
  "$root/scripts/scan-logs-for-secrets.sh" "$CHATBOT_TEST_LOG_DIR" "$root/tests"
}

cmd_test() {
  # The web pages are tested in Debian's headless Chromium (no browser download is possible here).
  [ -x /usr/bin/chromium ] || apt_install chromium
  # The Teams test client (the Agents Playground) comes from npm into tests/teams-playground (see its package.json).
  command -v node >/dev/null || apt_install nodejs npm
  [ -d "$root/tests/teams-playground/node_modules" ] || (cd "$root/tests/teams-playground" && npm ci --no-audit --no-fund --loglevel=error)
  start_postgres
  local out; out=$(mktemp /tmp/chatbot-test.XXXXXX)
  # Every test host logs here; after the suite the logs are scanned for secrets.
  export CHATBOT_TEST_LOG_DIR; CHATBOT_TEST_LOG_DIR=$(mktemp -d /tmp/chatbot-test-logs.XXXXXX)
  set +e
  # The long reliability runs have their own command (./build.sh reliability).
  # For a part of the suite while working: ./build.sh test [test project] with CHATBOT_TEST_FILTER=<dotnet test filter>.
  local target=${1:-$root/ChatBot.sln}
  local filter="Category!=Long"
  [ -z "${CHATBOT_TEST_FILTER:-}" ] || filter="$filter&(${CHATBOT_TEST_FILTER})"
  dotnet test "$target" -c Release --nologo --filter "$filter" 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]}
  if scan_test_logs; then
    rm -rf "$CHATBOT_TEST_LOG_DIR"
  else
    status=1
    echo "the test logs are kept in $CHATBOT_TEST_LOG_DIR for a look" >&2
  fi
  set -e
  # One closing line across all test assemblies.
  local passed failed skipped
  passed=$(grep -oE 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -oE 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  skipped=$(grep -oE 'Skipped: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  rm -f "$out"
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  if [ "$status" -eq 0 ] && [ "$skipped" -ne 0 ]; then echo "skipped tests are defects here" >&2; status=1; fi
  if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran" >&2; status=1; fi
  return "$status"
}

cmd_bench() {
  # The ack benchmark drives load with Debian's wrk and compares against a Bolt-JS app (bench/ack/bolt).
  command -v wrk >/dev/null || apt_install wrk
  command -v node >/dev/null || apt_install nodejs npm
  [ -d "$root/bench/ack/bolt/node_modules" ] || (cd "$root/bench/ack/bolt" && npm ci --no-audit --no-fund --loglevel=error)
  start_postgres
  "$(postgres_bin)/psql" -q -h 127.0.0.1 -p "$pg_port" -U chatbot -d postgres -c "CREATE DATABASE bench" >/dev/null
  export CHATBOT_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=chatbot;Database=bench;Maximum Pool Size=200"
  dotnet run -c Release --project "$root/bench/ChatBot.Bench" -- "$root/bench/results/$(date -u +%F).md" "$@"
}

# The long reliability runs (a node killed with 1,000 runs in flight): minutes, so not in the regular suite.
cmd_reliability() {
  start_postgres
  dotnet test "$root/tests/ChatBot.Server.Tests" -c Release --nologo --filter "Category=Long" "$@"
}

cmd_run() {
  # Built first and visibly (one line per project; a live view in a terminal): `dotnet run` alone says only
  # "Building..." for the minute or two a fresh clone needs to restore and compile.
  log "building the server (the first build restores packages and takes a minute or two)"
  dotnet build "$root/src/ChatBot.Server" -c Release --nologo -v minimal -clp:NoSummary
  log "starting the server; it prints where to go once it listens"
  exec dotnet run --project "$root/src/ChatBot.Server" -c Release --no-build
}

case "${1:-}" in
  test) shift; cmd_test "$@" ;;
  run) shift; cmd_run "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  reliability) shift; cmd_reliability "$@" ;;
  *) echo "usage: ./build.sh run | test | bench | reliability" >&2; exit 2 ;;
esac
