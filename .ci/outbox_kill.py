#!/usr/bin/env python3
"""Helpers for .ci/outbox-kill-check.sh (issue 14, acceptance 4: a kill -9 between commit and delivery loses no event).

  receiver   a webhook receiver as docs/integrations.md describes one: it checks Handoff-Signature
             with the documented verify(), records every request (event id, type, attempt,
             conversation) as a JSON line, and answers 503 to the first --fail-first requests, then
             200 after --delay seconds (so that deliveries pile up and one is in flight), or at once
             after POST /__mode?to=ok. GET /__state says how many it took and how many it holds.
  configure  adds a signed-webhook connector the way an admin does: signs in to the portal and saves
             the form on Admin -> Integrations (JSF postbacks, as the browser sends them).
  drive      starts N conversations through the bot API (a few at a time), each with a message that
             escalates it, then closes them: four domain events each.
  report     compares what the receiver took with the outbox and the domain_event journal, prints
             the figures and a PASS/FAIL line; exit status 1 on FAIL.

Python 3 standard library only (the CI machine has nothing else).
"""
import argparse
import collections
import concurrent.futures
import datetime
import hashlib
import hmac
import http.cookiejar
import http.server
import json
import re
import sys
import threading
import time
import urllib.parse
import urllib.request


# --- the receiver -----------------------------------------------------------------------------

def verify(secret: str, headers: dict, body: bytes, tolerance=300, now=None) -> bool:
    """True when a Handoff webhook is genuine and fresh. body: the raw bytes, before any JSON parsing.
    (Copied from docs/integrations.md, "Verifying a webhook": the check proves the documented snippet.)"""
    timestamp = headers.get("Handoff-Timestamp", "")
    signature = headers.get("Handoff-Signature", "")
    if not timestamp.isdigit() or abs((now or time.time()) - int(timestamp)) > tolerance:
        return False
    expected = "v1=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


class Receiver:
    def __init__(self, secret, log_path, fail_first, delay):
        self.secret, self.fail_first, self.delay = secret, fail_first, delay
        self.mode = "slow"
        self.lock = threading.Lock()
        self.log = open(log_path, "a", encoding="utf-8")
        self.requests = self.accepted = self.failed = self.bad = self.inflight = 0
        self.ids = set()

    def take(self, headers, body):
        """What to answer, and after how long; the request is recorded before the answer (a receiver
        that takes an event has processed it before its 200 leaves, or dies trying)."""
        genuine = verify(self.secret, headers, body)
        try:
            event = json.loads(body)
        except ValueError:
            event = {}
        with self.lock:
            self.requests += 1
            if not genuine:
                self.bad += 1
                status, wait = 401, 0
            elif self.requests <= self.fail_first:
                self.failed += 1
                status, wait = 503, 0
            else:
                self.accepted += 1
                self.ids.add(headers.get("Handoff-Event-Id"))
                status, wait = 200, (self.delay if self.mode == "slow" else 0)
            if wait:
                self.inflight += 1
            self.log.write(json.dumps({
                "n": self.requests, "t": time.time(), "id": headers.get("Handoff-Event-Id"),
                "type": headers.get("Handoff-Event-Type"), "attempt": event.get("attempt"),
                "bodyId": event.get("id"), "bodyType": event.get("type"),
                "conversationId": (event.get("data") or {}).get("conversationId"), "at": (event.get("data") or {}).get("at"),
                "verified": genuine, "answer": status}) + "\n")
            self.log.flush()
        return status, wait

    def answered(self, wait):
        if wait:
            with self.lock:
                self.inflight -= 1

    def state(self):
        with self.lock:
            return {"mode": self.mode, "requests": self.requests, "accepted": self.accepted, "distinct": len(self.ids),
                    "failed": self.failed, "badSignatures": self.bad, "inflight": self.inflight}


def serve(args):
    receiver = Receiver(args.secret, args.log, args.fail_first, args.delay)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def reply(self, status, body=b"{}"):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path == "/__state":
                self.reply(200, json.dumps(receiver.state()).encode())
            else:
                self.reply(404)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/__mode"):
                receiver.mode = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("to", ["ok"])[0]
                self.reply(200, json.dumps(receiver.state()).encode())
                return
            status, wait = receiver.take(self.headers, body)  # case-insensitive, as HTTP headers are
            try:
                time.sleep(wait)
                self.reply(status, b'{"received":true}' if status == 200 else b'{"error":"not now"}')
            except OSError:
                pass  # Handoff was killed while waiting for the answer
            finally:
                receiver.answered(wait)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"receiver on 127.0.0.1:{args.port}", flush=True)
    server.serve_forever()


# --- the portal, as an admin uses it ------------------------------------------------------------

class Portal:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.http.open(self.base + path, timeout=60) as r:
            return r.read().decode("utf-8", "replace")

    def post(self, path, fields, ajax=False):
        request = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(fields).encode())
        if ajax:
            request.add_header("Faces-Request", "partial/ajax")
            request.add_header("X-Requested-With", "XMLHttpRequest")
        with self.http.open(request, timeout=60) as r:
            return r.read().decode("utf-8", "replace")

    @staticmethod
    def view_state(html):
        m = re.search(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"', html) \
            or re.search(r'<update id="[^"]*jakarta\.faces\.ViewState[^"]*"><!\[CDATA\[([^\]]+)\]\]>', html)
        if not m:
            raise SystemExit("portal: no view state in the page")
        return m.group(1)

    def sign_in(self, user, password):
        page = self.get("/login.xhtml")
        home = self.post("/login.xhtml", {"login": "login", "login:username": user, "login:password": password,
                                          "login:submit": "", "jakarta.faces.ViewState": self.view_state(page)})
        if "login:password" in home:
            raise SystemExit(f"portal: signing in as {user} failed")

    def add_webhook(self, name, url, settings, secret):
        page = self.get("/admin/integrations.xhtml")
        state = self.view_state(page)
        form = {"editor": "editor", "editor:kind_input": "WEBHOOK", "editor:name": name, "editor:enabled_input": "on",
                "editor:url": url, "editor:settings": settings, "jakarta.faces.ViewState": state}
        # choosing the kind re-renders the form with that kind's secret fields (p:ajax on change)
        partial = self.post("/admin/integrations.xhtml", {**form, "jakarta.faces.partial.ajax": "true",
                                                         "jakarta.faces.source": "editor:kind", "jakarta.faces.partial.execute": "editor:kind",
                                                         "jakarta.faces.partial.render": "editor", "jakarta.faces.behavior.event": "change",
                                                         "jakarta.faces.partial.event": "change"}, ajax=True)
        labels = dict((label, field) for field, label in re.findall(r'<label[^>]*for="(editor:[^"]*:secret)"[^>]*>([^<]+)</label>', partial))
        if "signingSecret" not in labels:
            raise SystemExit(f"portal: the webhook form has no signingSecret field (fields: {labels})")
        form["jakarta.faces.ViewState"] = self.view_state(partial)
        saved = self.post("/admin/integrations.xhtml", {**form, labels["signingSecret"]: secret, "editor:save": "editor:save",
                                                       "jakarta.faces.partial.ajax": "true", "jakarta.faces.source": "editor:save",
                                                       "jakarta.faces.partial.execute": "editor", "jakarta.faces.partial.render": "editor connectors"},
                          ajax=True)
        if f"Connector {name} added." not in saved:
            raise SystemExit("portal: saving the connector failed:\n" + re.sub(r"<[^>]+>", " ", saved)[:2000])


def configure(args):
    portal = Portal(args.base)
    portal.sign_in(args.user, args.password)
    portal.add_webhook(args.name, args.url, args.settings, args.secret)
    if args.name not in portal.get("/admin/integrations.xhtml"):
        raise SystemExit("portal: the new connector is not listed")
    print(f"connector '{args.name}' added on Admin -> Integrations (signed webhook to {args.url})")


# --- the bot's side -----------------------------------------------------------------------------

def drive(args):
    """N customers through the bot API, a few at a time: start, a message that escalates, close."""
    def call(path, body=None):
        request = urllib.request.Request(args.base.rstrip("/") + "/api/v1/conversations" + path, method="POST",
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Authorization": "Bearer " + args.key, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as r:
            return json.load(r)

    def one(i):
        conversation = call("", {"customer": {"externalId": f"{args.prefix}-{i}", "name": f"Kill Check {i}"}, "channel": "web"})["id"]
        posted = call(f"/{conversation}/messages", {"author": "customer", "text": "I was charged twice, I want to talk to a person"})
        if not posted.get("escalatedNow"):
            raise SystemExit(f"conversation {conversation} did not escalate: {posted}")
        call(f"/{conversation}/close")
        return conversation

    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        ids = list(pool.map(one, range(1, args.count + 1)))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(ids) + "\n")
    print(f"{len(ids)} conversations started, escalated and closed through the bot API")


# --- the verdict ------------------------------------------------------------------------------

def rows_of(path, *names):
    """Rows of `mysql -N -B` output (tab-separated) as dicts."""
    with open(path, encoding="utf-8") as f:
        return [dict(zip(names, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def instant(text):
    """An ISO-8601 instant as Java writes it (Z, up to nine fraction digits) as a datetime."""
    m = re.fullmatch(r"(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z", text)
    return datetime.datetime.fromisoformat(m.group(1) + "." + (m.group(2) or "0").ljust(6, "0")[:6] + "+00:00")


def report(args):
    receipts = [json.loads(line) for line in open(args.log, encoding="utf-8") if line.strip()]
    outbox = rows_of(args.outbox, "id", "eventId", "type", "conversationId", "status", "attempts")
    journal = rows_of(args.journal, "id", "type", "conversationId")
    kill = json.load(open(args.at_kill, encoding="utf-8"))
    conversations = {line.strip() for line in open(args.conversations, encoding="utf-8") if line.strip()}
    problems = []

    taken = [r for r in receipts if r["answer"] == 200]
    by_id = collections.Counter(r["id"] for r in taken)
    duplicates = sum(n - 1 for n in by_id.values())
    unsigned = [r for r in receipts if not r["verified"]]
    mismatched = [r for r in receipts if r["id"] != r["bodyId"] or r["type"] != r["bodyType"]]
    if unsigned:
        problems.append(f"{len(unsigned)} requests failed the signature check")
    if mismatched:
        problems.append(f"{len(mismatched)} requests whose headers and body disagree")

    mine = [r for r in outbox if r["conversationId"] in conversations]
    undelivered = [r for r in mine if r["status"] != "DELIVERED"]
    missing = [r for r in mine if r["eventId"] not in by_id]
    if undelivered:
        problems.append(f"{len(undelivered)} outbox rows not DELIVERED: {undelivered[:3]}")
    if missing:
        problems.append(f"{len(missing)} outbox events never reached the receiver: {[(r['type'], r['eventId']) for r in missing[:5]]}")

    # the journal is written by a different observer in the same transactions: every journaled event
    # of these conversations must have arrived, as often as it was journaled (type per conversation)
    journaled = collections.Counter((r["conversationId"], r["type"]) for r in journal if r["conversationId"] in conversations)
    first = {}
    for r in taken:
        first.setdefault(r["id"], r)
    arrived = collections.Counter((r["conversationId"], r["type"]) for r in first.values() if r["conversationId"] in conversations)
    lost = journaled - arrived
    extra = arrived - journaled
    if lost:
        problems.append(f"{sum(lost.values())} journaled events did not arrive: {list(lost.items())[:5]}")
    if extra:
        problems.append(f"{sum(extra.values())} events arrived that the journal does not have: {list(extra.items())[:5]}")

    # the documented order per conversation: each event is first taken after the events of its
    # conversation whose outbox rows are older, and never before one that happened earlier (the
    # events of one transaction, e.g. conversation.closed and handoff.abandoned, share an instant)
    row_order = collections.defaultdict(list)
    for r in sorted(mine, key=lambda r: int(r["id"])):
        row_order[r["conversationId"]].append(r["eventId"])
    arrival = collections.defaultdict(list)
    for r in sorted(first.values(), key=lambda r: r["n"]):
        arrival[r["conversationId"]].append(r)
    out_of_order = [c for c in row_order if row_order[c] != [r["id"] for r in arrival.get(c, [])]]
    if out_of_order:
        problems.append(f"{len(out_of_order)} conversations whose events arrived out of their outbox order, e.g. {out_of_order[0]}")
    instants = lambda c: [instant(r["at"]) for r in arrival[c]]
    back_in_time = [c for c in arrival if c in conversations and instants(c) != sorted(instants(c))]
    if back_in_time:
        problems.append(f"{len(back_in_time)} conversations where an event arrived before an earlier one, e.g. "
                        f"{[(r['type'], r['at']) for r in arrival[back_in_time[0]]]}")

    pending_at_kill = kill["committed"] - kill["delivered"]
    if pending_at_kill <= 0:
        problems.append("nothing was pending at the kill: the test did not test anything")
    if kill["sending"] > 1:
        problems.append(f"{kill['sending']} rows claimed at the kill: one server drains a connector one row at a time, so "
                        "an outcome was not written (the row waits for its claim to lapse and is sent again)")
    if duplicates > kill["sending"]:
        problems.append(f"{duplicates} duplicates, more than the {kill['sending']} deliveries in flight at the kill")
    stray = [i for i, n in by_id.items() if n > 1 and i not in kill["sendingEventIds"]]
    if stray:
        problems.append(f"{len(stray)} events arrived twice that were not in flight at the kill: {stray[:3]}")

    events = sum(journaled.values())
    print(f"conversations: {len(conversations)}; journaled events: {events} "
          f"({', '.join(f'{t} {n}' for t, n in sorted(collections.Counter(t for _, t in journaled.elements()).items()))})")
    print(f"at the kill: {kill['committed']} committed, {kill['delivered']} delivered, {kill['sending']} in flight (claimed), "
          f"{kill['pending']} waiting; the receiver was holding {kill['receiverInflight']} answer(s) just before")
    print(f"receiver: {len(receipts)} requests, {len(taken)} taken, {len(by_id)} distinct event ids, {duplicates} duplicate(s), "
          f"{sum(1 for r in receipts if r['answer'] == 503)} answered 503, {len(unsigned)} bad signature(s)")
    figures = (f"{events} events, {pending_at_kill} undelivered at kill -9 ({kill['sending']} in flight), "
               f"{len(missing) + sum(lost.values())} lost, {duplicates} duplicate(s), {len(taken) - len(unsigned)}/{len(taken)} signatures ok")
    if problems:
        for p in problems:
            print("  problem: " + p)
        print("OUTBOX KILL CHECK: FAIL (" + figures + ")")
        return 1
    print("OUTBOX KILL CHECK: PASS (" + figures + ")")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("receiver")
    r.add_argument("--port", type=int, required=True)
    r.add_argument("--secret", required=True)
    r.add_argument("--log", required=True)
    r.add_argument("--fail-first", type=int, default=0)
    r.add_argument("--delay", type=float, default=0.0)
    c = sub.add_parser("configure")
    for name in ("base", "user", "password", "name", "url", "secret"):
        c.add_argument("--" + name, required=True)
    c.add_argument("--settings", default="{}")
    d = sub.add_parser("drive")
    for name in ("base", "key", "prefix", "out"):
        d.add_argument("--" + name, required=True)
    d.add_argument("--count", type=int, default=40)
    d.add_argument("--parallel", type=int, default=8)
    p = sub.add_parser("report")
    for name in ("log", "outbox", "journal", "at-kill", "conversations"):
        p.add_argument("--" + name, required=True)
    args = parser.parse_args()
    if args.command == "receiver":
        serve(args)
    elif args.command == "configure":
        configure(args)
    elif args.command == "drive":
        drive(args)
    else:
        sys.exit(report(args))


if __name__ == "__main__":
    main()
