#!/usr/bin/env bash
# Sets up Elasticsearch and Kibana security for Vigie, per watch, with an administrator's credentials:
#   1. installs the index templates (dashboards/templates/*.json) and creates the four indices;
#   2. per watch: filtered aliases vigie-<watch>-{mentions,page-changes,alerts,runs}, a Kibana space <watch>,
#      a read-only role vigie-analyst-<watch> (those aliases, that space), and the dashboards imported into that
#      space, reading those aliases (deploy/kibana/import-dashboards.sh --watch);
#   3. an API key with least privilege for the jobs (job-api-key.json), stored as the Kubernetes secret
#      vigie-es-job (key api_key) unless --no-secret.
#
#   ES_URL=http://localhost:9200 KIBANA_URL=http://localhost:5601 ES_USER=elastic ES_PASSWORD=... \
#     deploy/kubernetes/security/setup-security.sh --watch acme [--watch other] [--no-secret]
#
# With ECK: kubectl -n vigie port-forward svc/vigie-es-http 9200 & kubectl -n vigie port-forward svc/vigie-kb-http 5601 &
# and ES_PASSWORD=$(kubectl -n vigie get secret vigie-es-elastic-user -o go-template='{{.data.elastic | base64decode}}')
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
ES="${ES_URL:-http://localhost:9200}"
KIBANA="${KIBANA_URL:-http://localhost:5601}"
AUTH="${ES_USER:-elastic}:${ES_PASSWORD:?set ES_PASSWORD (the elastic user password)}"
WATCHES=()
SECRET=1

while [ $# -gt 0 ]; do
  case "$1" in
    --watch) WATCHES+=("${2:?--watch needs an id}"); shift 2 ;;
    --no-secret) SECRET=0; shift ;;
    *) echo "usage: $0 --watch ID [--watch ID...] [--no-secret]" >&2; exit 2 ;;
  esac
done
[ ${#WATCHES[@]} -gt 0 ] || { echo "at least one --watch is needed" >&2; exit 2; }
for w in "${WATCHES[@]}"; do
  [[ "$w" =~ ^[a-z0-9-]+$ ]] || { echo "bad watch id (expected [a-z0-9-]+): $w" >&2; exit 2; }
done

es() { curl -fsS -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
kb() { curl -fsS -u "$AUTH" -H 'kbn-xsrf: vigie' -H 'Content-Type: application/json' "$@"; }
render() { sed "s/__WATCH__/$2/g" "$HERE/$1"; }

for template in "$ROOT"/dashboards/templates/*.json; do
  name="$(basename "$template" .json)"
  es -X PUT "$ES/_index_template/$name" --data-binary "@$template" >/dev/null
  if ! curl -fsS -o /dev/null -u "$AUTH" -I "$ES/$name"; then
    es -X PUT "$ES/$name" >/dev/null
  fi
  echo "index template and index $name ready"
done

for w in "${WATCHES[@]}"; do
  render aliases.template.json "$w" | es -X POST "$ES/_aliases" --data-binary @- >/dev/null
  echo "aliases vigie-$w-* ready"
  if curl -fsS -o /dev/null -u "$AUTH" "$KIBANA/api/spaces/space/$w"; then
    render space.template.json "$w" | kb -X PUT "$KIBANA/api/spaces/space/$w" --data-binary @- >/dev/null
  else
    render space.template.json "$w" | kb -X POST "$KIBANA/api/spaces/space" --data-binary @- >/dev/null
  fi
  render analyst-role.template.json "$w" | kb -X PUT "$KIBANA/api/security/role/vigie-analyst-$w" --data-binary @- >/dev/null
  echo "space $w and role vigie-analyst-$w ready (give it to analysts' users)"
  KIBANA_URL="$KIBANA" KIBANA_API_KEY="" KIBANA_USER="${AUTH%%:*}" KIBANA_PASSWORD="${AUTH#*:}" sh "$ROOT/deploy/kibana/import-dashboards.sh" \
    --space "$w" --watch "$w" 2>&1 | sed 's/^/  /'
done

key="$(es -X POST "$ES/_security/api_key" --data-binary "@$HERE/job-api-key.json")"
encoded="$(echo "$key" | sed -n 's/.*"encoded":"\([^"]*\)".*/\1/p')"
[ -n "$encoded" ] || { echo "API key creation failed: $key" >&2; exit 1; }
if [ "$SECRET" = 1 ]; then
  kubectl -n vigie create secret generic vigie-es-job --from-literal=api_key="$encoded" --dry-run=client -o yaml \
    | kubectl apply -f -
  echo "API key vigie-job stored in secret vigie/vigie-es-job"
else
  echo "API key vigie-job created (id $(echo "$key" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')); pass it as ES_API_KEY"
fi
