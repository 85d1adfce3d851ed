#!/usr/bin/env bash
# Local Keycloak for Agora (dev on 8180, tests on 8181). Everything binds to 127.0.0.1.
#
#   keycloak.sh fetch                                  unpack the Keycloak dist into .work/ (via Maven) if missing
#   keycloak.sh start [--port N] [--data DIR] [--fresh] start-dev in the background, import the agora realm, wait until ready
#   keycloak.sh stop  [--port N] [--data DIR]          stop the instance started with the same port/data dir
#   keycloak.sh status [--port N] [--data DIR]         say whether it runs
#   keycloak.sh token USERNAME PASSWORD [--port N]     print an access token (login form and code, client agora-web)
#
# Environment: KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (master realm admin created on the
# first start of a data dir; default admin/admin, loopback dev only), KC_LOG_LEVEL (default info),
# AGORA_KC_START_TIMEOUT (seconds, default 300).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
WORK_DIR="$ROOT_DIR/.work"
REALM_FILE="$SCRIPT_DIR/realm/agora-realm.json"
REALM_NAME="agora"
CLIENT_ID="agora-web"
CLIENT_SECRET="agora-dev-secret"
HOST="127.0.0.1"

log() { echo "[keycloak] $*" >&2; }
die() { echo "[keycloak] ERROR: $*" >&2; exit 1; }

kc_version() {
    local v
    v="$(sed -n 's:.*<keycloak\.version>\([^<]*\)</keycloak\.version>.*:\1:p' "$ROOT_DIR/pom.xml" | head -n1)"
    [[ -n "$v" ]] || die "cannot read <keycloak.version> from $ROOT_DIR/pom.xml"
    echo "$v"
}

KC_VERSION="$(kc_version)"
KC_HOME="$WORK_DIR/keycloak-$KC_VERSION"

# ---------------------------------------------------------------------------------------------- fetch
cmd_fetch() {
    if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
        log "Keycloak $KC_VERSION already unpacked at $KC_HOME"
        return 0
    fi
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to fetch Keycloak: apt-get install maven"
    log "Keycloak $KC_VERSION not found; fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz (~200 MB) into $WORK_DIR ..."
    mkdir -p "$WORK_DIR"
    local mvn_log="$WORK_DIR/fetch-keycloak.log"
    if ! (cd "$ROOT_DIR" && mvn -B -Dstyle.color=never -f keycloak-realm/pom.xml dependency:unpack@fetch-keycloak) >"$mvn_log" 2>&1; then
        tail -n 30 "$mvn_log" >&2
        die "Maven could not fetch Keycloak (full log: $mvn_log)"
    fi
    [[ -x "$KC_HOME/bin/kc.sh" ]] || die "after the Maven run, $KC_HOME/bin/kc.sh is still missing"
    log "Keycloak $KC_VERSION unpacked at $KC_HOME"
}

# ---------------------------------------------------------------------------------------------- java
java_major() { # $1 = java binary; prints the major version or nothing
    local line v
    line="$("$1" -version 2>&1 | grep -m1 -E 'version "' || true)"
    v="$(sed -E 's/.*version "([^"]+)".*/\1/' <<<"$line")"
    [[ -n "$line" && -n "$v" ]] || return 0
    if [[ "$v" == 1.* ]]; then v="${v#1.}"; fi
    echo "${v%%[.+-]*}"
}

pick_java_home() { # prints a JAVA_HOME with java >= 17
    local m cand best="" best_m=0 j
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        m="$(java_major "$JAVA_HOME/bin/java")"
        if [[ -n "$m" && "$m" -ge 17 ]]; then echo "$JAVA_HOME"; return 0; fi
    fi
    if j="$(command -v java 2>/dev/null)"; then
        m="$(java_major "$j")"
        if [[ -n "$m" && "$m" -ge 17 ]]; then
            j="$(readlink -f "$j")"; echo "$(dirname "$(dirname "$j")")"; return 0
        fi
    fi
    for cand in /usr/lib/jvm/*/; do
        cand="${cand%/}"
        [[ -L "$cand" ]] && continue
        [[ -x "$cand/bin/java" ]] || continue
        m="$(java_major "$cand/bin/java")"
        if [[ -n "$m" && "$m" -ge 17 && "$m" -gt "$best_m" ]]; then best="$cand"; best_m="$m"; fi
    done
    if [[ -n "$best" ]]; then echo "$best"; return 0; fi
    die "Keycloak $KC_VERSION needs Java 17 or newer and none was found (JAVA_HOME, PATH, /usr/lib/jvm). Install one: apt-get install openjdk-17-jdk"
}

# ---------------------------------------------------------------------------------------------- helpers
PORT=8180
DATA_DIR=""
FRESH=false

parse_opts() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --port) [[ $# -ge 2 ]] || die "--port needs a value"; PORT="$2"; shift 2 ;;
            --port=*) PORT="${1#*=}"; shift ;;
            --data) [[ $# -ge 2 ]] || die "--data needs a value"; DATA_DIR="$2"; shift 2 ;;
            --data=*) DATA_DIR="${1#*=}"; shift ;;
            --fresh) FRESH=true; shift ;;
            *) die "unknown option: $1" ;;
        esac
    done
    [[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number: $PORT"
    [[ -n "$DATA_DIR" ]] || DATA_DIR="$WORK_DIR/keycloak-data/$PORT"
    mkdir -p "$(dirname "$DATA_DIR")"
    DATA_DIR="$(cd "$(dirname "$DATA_DIR")" && pwd)/$(basename "$DATA_DIR")"
    PID_FILE="$DATA_DIR/keycloak.pid"
    LOG_FILE="$DATA_DIR/keycloak.log"
}

base_url() { echo "http://$HOST:$PORT"; }

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

realm_ready() { [[ "$(http_code "$(base_url)/realms/$REALM_NAME/.well-known/openid-configuration")" == "200" ]]; }

port_busy() { # something listens on HOST:PORT
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
}

running_pid() { # prints the PID from the pid file if that process is alive
    local pid
    [[ -f "$PID_FILE" ]] || return 1
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
    return 1
}

stop_pid() { # $1 = pid (process-group leader started by us through setsid)
    local pid="$1" i
    log "stopping Keycloak (pid $pid) ..."
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still alive after 30 s: KILL"
        kill -KILL -- "-$pid" 2>/dev/null || true
        pkill -KILL -P "$pid" 2>/dev/null || true
        kill -KILL "$pid" 2>/dev/null || true
    fi
    # children that may have left the group (none expected)
    kill -KILL -- "-$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------- start
cmd_start() {
    parse_opts "$@"
    local start_ts pid java_home timeout="${AGORA_KC_START_TIMEOUT:-300}"
    start_ts=$(date +%s)

    if realm_ready; then
        if [[ "$FRESH" != true ]]; then
            log "Keycloak with realm '$REALM_NAME' already answers on $(base_url): reusing it"
            return 0
        fi
        # --fresh promises a newly imported realm: never hand over an instance with old state
        pid="$(running_pid)" || die "--fresh: a Keycloak not started from $DATA_DIR answers on $(base_url); stop it first"
        log "--fresh: stopping the running instance first"
        stop_pid "$pid"
    fi
    if pid="$(running_pid)"; then
        if [[ "$FRESH" == true ]]; then
            stop_pid "$pid"
        else
            die "Keycloak pid $pid from $PID_FILE is running but $(base_url) does not serve realm '$REALM_NAME' (still starting? see $LOG_FILE). Use stop first."
        fi
    fi
    if port_busy; then
        die "port $PORT on $HOST is in use by something that is not a Keycloak with realm '$REALM_NAME'"
    fi

    # Serialise fetch and the build step: the first start-dev re-augments the dist (writes lib/quarkus);
    # two starts at the same moment must not fetch or build at the same time. Released once the build is over.
    mkdir -p "$WORK_DIR"
    exec 9>"$WORK_DIR/.keycloak-$KC_VERSION.start.lock"
    if ! flock -n 9; then
        log "another start is fetching/building Keycloak: waiting for it ..."
        flock -w "$((timeout + 300))" 9 || die "could not get the start lock $WORK_DIR/.keycloak-$KC_VERSION.start.lock"
    fi
    cmd_fetch
    java_home="$(pick_java_home)"
    log "Java: $java_home ($("$java_home/bin/java" -version 2>&1 | head -n1))"

    if [[ "$FRESH" == true && -d "$DATA_DIR" ]]; then
        log "--fresh: deleting $DATA_DIR"
        rm -rf "$DATA_DIR"
    fi
    mkdir -p "$DATA_DIR"

    # realm import folder of the dist (shared by all instances: write atomically)
    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_FILE" "$KC_HOME/data/import/.agora-realm.json.$$"
    mv -f "$KC_HOME/data/import/.agora-realm.json.$$" "$KC_HOME/data/import/agora-realm.json"

    log "starting Keycloak $KC_VERSION on $(base_url) (data: $DATA_DIR, log: $LOG_FILE)"
    : >"$LOG_FILE"
    (
        export JAVA_HOME="$java_home"
        export PATH="$java_home/bin:$PATH"
        export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
        export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
        # per-instance transaction log store (the default lies inside the shared dist)
        export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -Dquarkus.transaction-manager.object-store.directory=$DATA_DIR/transaction-logs -Djava.io.tmpdir=$DATA_DIR/tmp"
        mkdir -p "$DATA_DIR/tmp"
        cd "$DATA_DIR"
        exec 9>&-
        exec setsid "$KC_HOME/bin/kc.sh" start-dev \
            --http-host="$HOST" --http-port="$PORT" \
            --db=dev-file --db-url="jdbc:h2:file:$DATA_DIR/h2/keycloakdb;NON_KEYWORDS=VALUE" \
            --import-realm \
            --log-level="${KC_LOG_LEVEL:-info}" \
            </dev/null >>"$LOG_FILE" 2>&1
    ) &
    pid=$!
    echo "$pid" >"$PID_FILE"

    local ok=false locked=true launch_ts
    launch_ts=$(date +%s)
    while (($(date +%s) - launch_ts < timeout)); do
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        # the build step (if any) is over once start-dev prints this line: let the next start go
        if [[ "$locked" == true ]] && grep -q 'Running the server in development mode' "$LOG_FILE" 2>/dev/null; then
            flock -u 9; exec 9>&-; locked=false
        fi
        if realm_ready; then ok=true; break; fi
        sleep 1
    done
    if [[ "$locked" == true ]]; then flock -u 9; exec 9>&-; fi
    if [[ "$ok" != true ]]; then
        echo "[keycloak] Keycloak did not become ready on $(base_url) within ${timeout}s; last log lines ($LOG_FILE):" >&2
        tail -n 40 "$LOG_FILE" >&2 || true
        if kill -0 "$pid" 2>/dev/null; then stop_pid "$pid"; fi
        rm -f "$PID_FILE"
        exit 1
    fi
    log "ready in $(($(date +%s) - start_ts)) s: $(base_url)/realms/$REALM_NAME (pid $pid; admin console $(base_url)/admin/)"
}

# ---------------------------------------------------------------------------------------------- stop
cmd_stop() {
    parse_opts "$@"
    local pid
    if pid="$(running_pid)"; then
        stop_pid "$pid"
        rm -f "$PID_FILE"
        log "stopped"
    else
        rm -f "$PID_FILE"
        if realm_ready; then
            log "no PID file in $DATA_DIR, but something serves realm '$REALM_NAME' on $(base_url): not started by this data dir, left alone"
        else
            log "not running ($DATA_DIR)"
        fi
    fi
}

cmd_status() {
    parse_opts "$@"
    local pid
    if realm_ready; then
        log "realm '$REALM_NAME' answers on $(base_url)"
    elif pid="$(running_pid)"; then
        log "process $pid is running but $(base_url) does not answer yet"; return 1
    else
        log "not running on $(base_url)"; return 1
    fi
}

# ---------------------------------------------------------------------------------------------- token
cmd_token() {
    # the web client takes no password grant: sign in on Keycloak's login form as the platform does (authorization
    # code flow), keep the code from the redirect without following it, and exchange it with the client's secret
    [[ $# -ge 2 ]] || die "usage: keycloak.sh token USERNAME PASSWORD [--port N]"
    local user="$1" pass="$2" jar page action location code resp token
    shift 2
    parse_opts "$@"
    local redirect="http://127.0.0.1:8080/agora/cli-callback"
    local redirect_encoded="http%3A%2F%2F127.0.0.1%3A8080%2Fagora%2Fcli-callback"
    jar="$(mktemp)"
    page="$(curl -s -m 15 -c "$jar" -b "$jar" \
        "$(base_url)/realms/$REALM_NAME/protocol/openid-connect/auth?client_id=$CLIENT_ID&response_type=code&scope=openid&redirect_uri=$redirect_encoded&state=cli&nonce=cli")" \
        || { rm -f "$jar"; die "no answer from $(base_url)"; }
    action="$(tr -d '\n' <<<"$page" | grep -o '<form[^>]*id="kc-form-login"[^>]*>' | sed -n 's/.*action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')"
    [[ -n "$action" ]] || { rm -f "$jar"; die "no login form at $(base_url)"; }
    location="$(curl -s -m 15 -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
        --data-urlencode username="$user" --data-urlencode password="$pass" -d credentialId= "$action")"
    rm -f "$jar"
    code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$location")"
    [[ -n "$code" ]] || die "Keycloak did not sign $user in (wrong password?)"
    resp="$(curl -s -m 15 -X POST "$(base_url)/realms/$REALM_NAME/protocol/openid-connect/token" \
        -d grant_type=authorization_code --data-urlencode code="$code" --data-urlencode redirect_uri="$redirect" \
        -d client_id="$CLIENT_ID" -d client_secret="$CLIENT_SECRET")" || die "no answer from $(base_url)"
    token="$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$resp")"
    [[ -n "$token" ]] || die "no token: $resp"
    echo "$token"
}

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
    fetch) shift; cmd_fetch "$@" ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    status) shift; cmd_status "$@" ;;
    token) shift; cmd_token "$@" ;;
    -h | --help | help | "") usage ;;
    *) usage >&2; exit 2 ;;
esac
