#!/usr/bin/env bash
# Adds a migration with the same name for both providers: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version '10.0.*'
export PATH="$PATH:$HOME/.dotnet/tools"
for provider in Sqlite Postgres; do
  dotnet-ef migrations add "$name" --project src/ChatBot.Persistence --context "${provider}ChatBotDbContext" \
    --output-dir "Migrations/$provider"
done
