#!/bin/sh
# Imports Vigie's Kibana dashboards (dashboards/kibana/*.ndjson: each file holds one dashboard, its
# visualizations and data views) through Kibana's saved objects API, overwriting earlier imports.
#
#   deploy/kibana/import-dashboards.sh [--kibana URL] [--space ID] [--api-key KEY] [--watch ID] [FILE.ndjson...]
#
#   --kibana   Kibana base URL (env KIBANA_URL, default http://localhost:5601)
#   --space    Kibana space to import into (env KIBANA_SPACE, default: the default space)
#   --api-key  Elasticsearch API key sent as "Authorization: ApiKey ..." (env KIBANA_API_KEY; default: none)
#   KIBANA_USER / KIBANA_PASSWORD  basic authentication instead of an API key (e.g. an administrator)
#   --watch    make the data views read the watch's filtered aliases (vigie-<watch>-mentions...) instead of
#              vigie-mentions*: use it with one Kibana space per watch (see deploy/kubernetes/security)
# Without FILE arguments every dashboard file is imported. POSIX sh and curl only, so it runs in small images.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
KIBANA="${KIBANA_URL:-http://localhost:5601}"
SPACE="${KIBANA_SPACE:-}"
API_KEY="${KIBANA_API_KEY:-}"
WATCH=""
FILES=""

usage() {
  echo "usage: $0 [--kibana URL] [--space ID] [--api-key KEY] [--watch ID] [FILE.ndjson...]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --kibana) [ $# -ge 2 ] || usage; KIBANA="$2"; shift 2 ;;
    --space) [ $# -ge 2 ] || usage; SPACE="$2"; shift 2 ;;
    --api-key) [ $# -ge 2 ] || usage; API_KEY="$2"; shift 2 ;;
    --watch) [ $# -ge 2 ] || usage; WATCH="$2"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *) FILES="$FILES $1"; shift ;;
  esac
done
if [ -z "$FILES" ]; then
  FILES="$(ls "$HERE"/../../dashboards/kibana/*.ndjson)"
fi
if [ -n "$WATCH" ] && ! echo "$WATCH" | grep -Eq '^[a-z0-9-]+$'; then
  echo "bad watch id (expected [a-z0-9-]+): $WATCH" >&2; exit 2
fi

BASE="${KIBANA%/}"
[ -n "$SPACE" ] && BASE="$BASE/s/$SPACE"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

status=0
for file in $FILES; do
  [ -f "$file" ] || { echo "no such file: $file" >&2; exit 2; }
  upload="$file"
  if [ -n "$WATCH" ]; then
    # vigie-mentions* -> vigie-<watch>-mentions: the data view reads the watch's filtered alias only.
    upload="$TMP/$(basename "$file")"
    sed -E "s/\"title\":\"vigie-([a-z-]+)\\*\"/\"title\":\"vigie-$WATCH-\\1\"/g" "$file" > "$upload"
  fi
  if [ -n "$API_KEY" ]; then
    set -- -H "Authorization: ApiKey $API_KEY"
  elif [ -n "${KIBANA_USER:-}" ]; then
    set -- -u "$KIBANA_USER:${KIBANA_PASSWORD:-}"
  else
    set --
  fi
  response="$(curl -sS -X POST "$BASE/api/saved_objects/_import?overwrite=true" \
    -H "kbn-xsrf: vigie" "$@" --form "file=@$upload;type=application/ndjson")" || {
    echo "cannot reach Kibana at $BASE" >&2; exit 1; }
  if echo "$response" | grep -q '"success":true'; then
    count="$(echo "$response" | sed -n 's/.*"successCount":\([0-9]*\).*/\1/p')"
    echo "imported $(basename "$file"): ${count:-?} objects into ${SPACE:-default space}"
  else
    echo "import of $(basename "$file") failed: $response" >&2
    status=1
  fi
done
exit $status
