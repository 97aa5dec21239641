#!/usr/bin/env python3
"""Extracts the Monitor API seed's component schemas (../shared/seeds/monitor-api-openapi.txt, OpenAPI YAML
wrapped in page text) into the JSON file the conformance test pins. Run again if the seed changes:
    python3 scripts/monitor-api-schemas.py ../shared/seeds/monitor-api-openapi.txt \
        tests/ChatBot.Server.Tests/Api/MonitorApiSchema/monitor-api-schemas.json
OpenAPI's `nullable: true` becomes a JSON Schema type union so a plain JSON Schema validator understands it."""
import json, sys, yaml

text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("openapi: 3.1.0")
end = text.index("\nWeekly Installs") if "\nWeekly Installs" in text else len(text)
document = yaml.safe_load(text[start:end])

def nullable(node):
    if isinstance(node, dict):
        if node.pop("nullable", False) is True:
            if "type" in node:
                node["type"] = [node["type"], "null"] if isinstance(node["type"], str) else node["type"] + ["null"]
            else:
                return {"anyOf": [nullable(node), {"type": "null"}]}
        node.pop("discriminator", None)  # oneOf alone decides; the mapping is documentation
        node.pop("example", None); node.pop("examples", None); node.pop("deprecated", None)
        return {key: nullable(value) for key, value in node.items()}
    if isinstance(node, list):
        return [nullable(item) for item in node]
    return node

schemas = nullable(document["components"]["schemas"])
json.dump({"components": {"schemas": schemas}}, open(sys.argv[2], "w", encoding="utf-8"), indent=2, sort_keys=True)
print(f"{len(schemas)} schemas written to {sys.argv[2]}")
