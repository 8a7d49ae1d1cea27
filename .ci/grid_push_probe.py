#!/usr/bin/env python3
"""Issue 16: a bot's event stream on one server hears of messages posted through another.

usage: grid_push_probe.py <base of the posting server> <base of the listening server> <bot key> [messages]

Starts a conversation through the posting server, opens GET .../messages/stream on the listening
server, then posts customer messages through the posting server one at a time and measures, for
each, the time from the post's answer to the "message" event on the other server's stream. Prints
the figures as JSON: {"messages": n, "received": n, "p50_ms": .., "max_ms": ..}; exits 1 if a
message does not arrive within 5 s.
"""
import json
import sys
import threading
import time
import urllib.request

post_base, listen_base, key = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3]
count = int(sys.argv[4]) if len(sys.argv) > 4 else 20
headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}


def call(base, path, body=None):
    request = urllib.request.Request(base + "/api/v1/conversations" + path, method="POST",
                                     data=json.dumps(body).encode() if body is not None else None, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.load(r)


conversation = call(post_base, "", {"customer": {"externalId": "grid-probe-%d" % time.time_ns(), "name": "Grid Probe"},
                                    "channel": "web"})["id"]
arrived = {}
ready = threading.Event()


def listen():
    request = urllib.request.Request(listen_base + "/api/v1/conversations/%s/messages/stream" % conversation,
                                     headers={"Authorization": "Bearer " + key, "Accept": "text/event-stream"})
    with urllib.request.urlopen(request, timeout=60) as stream:
        ready.set()
        name = None
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:") and name == "message":
                text = json.loads(line[5:].strip()).get("text", "")
                if text.startswith("grid probe "):
                    arrived[text] = time.monotonic()
            elif line == "":
                name = None


threading.Thread(target=listen, daemon=True).start()
if not ready.wait(30):
    sys.exit("the stream on the listening server did not open")
time.sleep(1)
latencies = []
for i in range(count):
    text = "grid probe %d: where is my parcel?" % i
    call(post_base, "/%s/messages" % conversation, {"author": "customer", "text": text})
    answered = time.monotonic()
    deadline = answered + 5
    while text not in arrived and time.monotonic() < deadline:
        time.sleep(0.002)
    if text not in arrived:
        print(json.dumps({"messages": count, "received": len(latencies), "missing": text}))
        sys.exit(1)
    latencies.append(max(0.0, (arrived[text] - answered) * 1000))
call(post_base, "/%s/close" % conversation)
latencies.sort()
print(json.dumps({"messages": count, "received": len(latencies), "p50_ms": round(latencies[len(latencies) // 2], 1),
                  "max_ms": round(latencies[-1], 1)}))
