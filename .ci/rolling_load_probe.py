#!/usr/bin/env python3
"""Issue 16: bot traffic over two servers while they restart one after the other.

usage: rolling_load_probe.py <base a> <base b> <bot key> <stop file> <result file> [ask every (25; 0: never)]

Six bot connections start conversations and post customer and bot messages, each message with a
unique text and a clientMessageId, spread over both servers like a load balancer would (round
robin). A message whose post fails (refused connection, time-out, 5xx: the server is restarting) is
sent again to the other server with the same clientMessageId, as a bot platform retries; it counts as
acknowledged only on a 2xx. A 4xx that is not Handoff's own problem+json (a server still deploying
answers 404 from the container) is treated like a refused connection, as a load balancer that checks
/health/ready would keep traffic away from that server. One customer message in 25 asks for a
person, so handoffs are routed meanwhile; the probe closes those conversations at the end, so that
later steps do not queue behind them. Runs until <stop file> exists, then writes JSON to <result
file>: acknowledged messages (conversation id, text), posts answered, retries, errors by kind and a
few answers of each kind. The check compares the acknowledged messages with the database.
"""
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

bases = [sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")]
key, stop_file, result_file = sys.argv[3], sys.argv[4], sys.argv[5]
ask_every = int(sys.argv[6]) if len(sys.argv) > 6 else 25
headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
lock = threading.Lock()
acked = []
errors = {}
counts = {"posts": 0, "retries": 0, "conversations": 0}
samples = {}
escalated = []
turn = [0]


def note_error(kind):
    with lock:
        errors[kind] = errors.get(kind, 0) + 1


def next_base():
    with lock:
        turn[0] += 1
        return turn[0] % 2


def call(i, path, body):
    request = urllib.request.Request(bases[i] + "/api/v1/conversations" + path, method="POST",
                                     data=json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=20) as r:
        return r.status, json.load(r)


def send(path, body):
    """Posts on the next server; on failure, on the other one, and so on for up to 120 s."""
    i = next_base()
    deadline = time.monotonic() + 120
    first = True
    while True:
        try:
            status, answer = call(i, path, body)
            with lock:
                counts["posts"] += 1
            return answer
        except urllib.error.HTTPError as e:
            kind = "http %d" % e.code
            note_error(kind)
            with lock:
                if len(samples.setdefault(kind, [])) < 3:
                    samples[kind].append("%s %s: %s" % (["a", "b"][i], path[:12], e.read(300).decode("utf-8", "replace")))
            from_handoff = "json" in (e.headers.get("Content-Type") or "")
            if e.code < 500 and e.code != 429 and from_handoff:
                return None  # Handoff's own answer (problem+json): sending it again would not help
            # otherwise the server's, not Handoff's (still deploying, already undeployed): a load balancer
            # checking /health/ready would not have sent it there; try the other server
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            note_error(type(getattr(e, "reason", e)).__name__)
        if time.monotonic() > deadline:
            note_error("gave up")
            return None
        if not first:
            time.sleep(0.5)
        first = False
        with lock:
            counts["retries"] += 1
        i = 1 - i


def worker(n):
    k = 0
    asked = 0  # customer messages so far: one in 25 asks for a person
    while not os.path.exists(stop_file):
        started = send("", {"customer": {"externalId": "rolling-%d-%d-%d" % (n, k, time.time_ns()), "name": "Rolling Probe"},
                            "channel": "web"})
        if started is None:
            time.sleep(0.5)
            continue
        conversation = started["id"]
        with lock:
            counts["conversations"] += 1
        for m in range(6):
            if os.path.exists(stop_file):
                break
            k += 1
            author = "customer" if m % 2 == 0 else "bot"
            asked += author == "customer"
            text = ("rolling %d-%d: I want to talk to a person please" % (n, k)) if (author == "customer" and ask_every > 0 and asked % ask_every == 0) \
                else ("rolling %d-%d: where is my parcel number %d?" % (n, k, k) if author == "customer"
                      else "rolling %d-%d: it ships within two days." % (n, k))
            answer = send("/%s/messages" % conversation, {"author": author, "text": text, "clientMessageId": str(uuid.uuid4())})
            if answer is None:
                continue
            with lock:
                acked.append([conversation, text])
            if answer.get("state", "bot") != "bot":
                with lock:
                    escalated.append(conversation)
                break  # handed to a person: the bot stops here
        time.sleep(0.05)


threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# the handoffs this probe asked for are closed again, so that later steps do not queue behind them
closed = 0
for conversation in escalated:
    closed += send("/%s/close" % conversation, {}) is not None
counts["escalated"] = len(escalated)
counts["closed"] = closed
with open(result_file, "w") as out:
    json.dump({"acknowledged": acked, "counts": counts, "errors": errors, "samples": samples}, out)
print(json.dumps({"acknowledged": len(acked), "counts": counts, "errors": errors}))
print(json.dumps({"samples": samples}))
