#!/usr/bin/env bash
# Builds the Teams app package (manifest + two icons) to upload in Teams or the Developer Portal:
#   scripts/teams-package.sh <Teams__AppId> <public host, e.g. chatbot.example.com>  →  chatbot-teams.zip
set -euo pipefail
cd "$(dirname "$0")/.."
app_id=${1:?usage: scripts/teams-package.sh <Teams__AppId> <public host>}
host=${2:?usage: scripts/teams-package.sh <Teams__AppId> <public host>}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -e "s/00000000-0000-0000-0000-000000000000/$app_id/g" -e "s/chatbot.example.com/$host/g" manifests/teams/manifest.json > "$work/manifest.json"
cp assets/color.png "$work/color.png"
cp assets/outline.png "$work/outline.png"
rm -f chatbot-teams.zip
python3 -c "import sys,zipfile; z=zipfile.ZipFile('chatbot-teams.zip','w',zipfile.ZIP_DEFLATED); [z.write(f'$work/'+n, n) for n in ('manifest.json','color.png','outline.png')]; z.close()"
echo "chatbot-teams.zip"
