#!/usr/bin/python3
"""Drives Debian's official Python client (python3-elasticsearch 7.17) against an Elasticsearch-compatible URL.

Usage: /usr/bin/python3 python_scenario.py URL
With OBS_ES_API_KEY set (the encoded key), every request authenticates with `Authorization: ApiKey ...`.
Puts an ILM policy, a component template and a data-stream index template, bulk-indexes 100 documents into
logs-clienttest-default, refreshes, searches with a bool/range query plus terms and date_histogram
aggregations, and checks every answer against values computed from the generated documents.
Exits 1 with a message naming the first mismatch, 2 when the client is missing.

The 7.17 client sends plain application/json unless ELASTIC_CLIENT_APIVERSIONING=1 (then it asks for
compatible-with=7, which Elasticsearch 9 rejects), so this scenario runs without that variable.
"""
import datetime
import os
import sys

try:
    from elasticsearch import Elasticsearch
except ImportError:
    print("python3-elasticsearch is not installed: run scripts/install-test-deps.sh", file=sys.stderr)
    sys.exit(2)

STREAM = "logs-clienttest-default"
SERVICES = ["checkout", "cart", "search", "auth"]
BASE = datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc)
WINDOW = (BASE + datetime.timedelta(minutes=20), BASE + datetime.timedelta(minutes=80))
BUCKET = datetime.timedelta(minutes=30)


class Mismatch(Exception):
    pass


def expect(what, actual, expected):
    if actual != expected:
        raise Mismatch(f"{what}: expected {expected!r} but got {actual!r}")
    print(f"ok   {what} = {actual!r}")


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def documents():
    for i in range(100):
        yield {
            "@timestamp": iso(BASE + datetime.timedelta(minutes=i)),
            "service": {"name": SERVICES[i % 4]},
            "http": {"response": {"status_code": 500 if i % 10 == 0 else 200}},
            "event": {"duration": i},
            "message": f"request {i} served",
        }


def expected_answers(docs):
    """What a correct cluster returns, computed from the documents themselves."""
    matching = [
        d for d in docs
        if WINDOW[0] <= datetime.datetime.fromisoformat(d["@timestamp"].replace("Z", "+00:00")) < WINDOW[1]
        and d["http"]["response"]["status_code"] != 500
    ]
    services = {}
    buckets = {}
    for d in matching:
        services[d["service"]["name"]] = services.get(d["service"]["name"], 0) + 1
        moment = datetime.datetime.fromisoformat(d["@timestamp"].replace("Z", "+00:00"))
        start = BASE + ((moment - BASE) // BUCKET) * BUCKET
        key = int(start.timestamp() * 1000)
        buckets[key] = buckets.get(key, 0) + 1
    terms = sorted(services.items(), key=lambda kv: (-kv[1], kv[0]))
    latest = max(d["@timestamp"] for d in matching)
    return len(matching), terms, sorted(buckets.items()), latest


def run(url):
    api_key = os.environ.get("OBS_ES_API_KEY")
    es = Elasticsearch([url], request_timeout=30, api_key=api_key) if api_key else Elasticsearch([url], request_timeout=30)
    info = es.info()
    print(f"connected to {info.get('cluster_name')} version {info.get('version', {}).get('number')}")

    expect("put ILM policy acknowledged", es.ilm.put_lifecycle(policy="clienttest-policy", body={
        "policy": {"phases": {
            "hot": {"actions": {"rollover": {"max_age": "1d", "max_docs": 100000}}},
            "delete": {"min_age": "30d", "actions": {"delete": {}}},
        }}
    }).get("acknowledged"), True)
    expect("ILM policy readable", "clienttest-policy" in es.ilm.get_lifecycle(policy="clienttest-policy"), True)

    expect("put component template acknowledged", es.cluster.put_component_template(name="clienttest-mappings", body={
        "template": {"mappings": {"properties": {
            "@timestamp": {"type": "date"},
            "service": {"properties": {"name": {"type": "keyword"}}},
            "http": {"properties": {"response": {"properties": {"status_code": {"type": "long"}}}}},
            "event": {"properties": {"duration": {"type": "long"}}},
            "message": {"type": "text"},
        }}}
    }).get("acknowledged"), True)

    expect("put index template acknowledged", es.indices.put_index_template(name="clienttest-template", body={
        "index_patterns": ["logs-clienttest-*"],
        "data_stream": {},
        "priority": 200,
        "composed_of": ["clienttest-mappings"],
        "template": {"settings": {"index.lifecycle.name": "clienttest-policy"}},
    }).get("acknowledged"), True)

    docs = list(documents())
    operations = []
    for d in docs:
        operations.append({"create": {"_index": STREAM}})
        operations.append(d)
    bulk = es.bulk(body=operations)
    expect("bulk errors", bulk.get("errors"), False)
    expect("bulk item count", len(bulk.get("items", [])), len(docs))
    expect("bulk item statuses", sorted({item["create"]["status"] for item in bulk["items"]}), [201])

    es.indices.refresh(index=STREAM)

    streams = es.indices.get_data_stream(name=STREAM)["data_streams"]
    expect("data stream name", [s["name"] for s in streams], [STREAM])
    expect("data stream template", streams[0].get("template"), "clienttest-template")
    backing = streams[0]["indices"][0]["index_name"]
    expect("backing index prefix", backing.startswith(f".ds-{STREAM}-"), True)

    total, terms, histogram, latest = expected_answers(docs)
    response = es.search(index=STREAM, body={
        "size": 3,
        "track_total_hits": True,
        "sort": [{"@timestamp": {"order": "desc"}}],
        "query": {"bool": {
            "filter": [{"range": {"@timestamp": {"gte": iso(WINDOW[0]), "lt": iso(WINDOW[1])}}}],
            "must_not": [{"term": {"http.response.status_code": 500}}],
        }},
        "aggs": {
            "services": {"terms": {"field": "service.name", "size": 10}},
            "per_half_hour": {"date_histogram": {"field": "@timestamp", "fixed_interval": "30m"}},
        },
    })
    expect("total hits", response["hits"]["total"], {"value": total, "relation": "eq"})
    expect("hits returned", len(response["hits"]["hits"]), 3)
    expect("newest hit first", response["hits"]["hits"][0]["_source"]["@timestamp"], latest)
    expect("hit index is a backing index", response["hits"]["hits"][0]["_index"].startswith(f".ds-{STREAM}-"), True)
    expect("terms buckets", [(b["key"], b["doc_count"]) for b in response["aggregations"]["services"]["buckets"]], terms)
    expect("date_histogram buckets",
           [(b["key"], b["doc_count"]) for b in response["aggregations"]["per_half_hour"]["buckets"]], histogram)

    es.indices.delete_data_stream(name=STREAM)
    print("python client scenario passed")


def main():
    if len(sys.argv) != 2:
        print("usage: /usr/bin/python3 python_scenario.py URL", file=sys.stderr)
        return 2
    os.environ.pop("ELASTIC_CLIENT_APIVERSIONING", None)
    try:
        run(sys.argv[1])
    except Mismatch as e:
        print(f"MISMATCH {e}", file=sys.stderr)
        return 1
    except Exception as e:  # any client error (HTTP status, connection, shape) is a scenario failure
        print(f"ERROR {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
