"""Reads a Prometheus text exposition on stdin with prometheus_client's own parser (which refuses what Prometheus
would) and prints each sample as one JSON line: {"name": ..., "labels": {...}, "value": ..., "type": ...}."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        print(json.dumps({"name": sample.name, "labels": sample.labels, "value": sample.value, "type": family.type}))
