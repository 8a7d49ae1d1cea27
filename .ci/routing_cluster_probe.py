#!/usr/bin/env python3
"""Issue 16 (ADR 0044): one routing engine per cluster, driven through two servers.

usage:
  routing_cluster_probe.py offer-and-race <engine base> <other base> <bot key> <database> [attempts]
      Signs alice in on both servers (on the other one her presence goes to the engine as a routing
      request), posts an escalation through the server WITHOUT the engine, waits for its offer to
      alice (made by the engine's server) and its push on alice's inbox socket on that other server, then
      fires <attempts> (200 unless given; the check gives 1,000) accepts of it through alice's
      portal sessions on both servers at once. Prints JSON; exits 1 unless exactly one accept won and
      the database shows one owner, one accepted offer and one "joined" notice.
  escalate <base> <bot key> <agent>
      Signs <agent> in on <base> and posts an escalation through it; prints the conversation id.
  carried-sign-in <base A> <base B>
      ADR 0048: sam (a supervisor) signs in on A only; the same browser (its cookies, A's session id
      unknown to B) opens the supervisor's queue on B and is served it, not the login page; signs out
      there; a browser that kept the cookies from before the sign-out is sent to the login page on A
      and on B. Prints JSON; exits 1 on any other outcome.
  routed <database> <conversation> <seconds>
      Waits until the conversation has a pending offer or an owner; prints the seconds it took.
"""
import base64
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

PASSWORD = "handoff-demo"
VIEW_STATE = re.compile(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"')
ESCALATE = "this isn't helping, I need a person - I was charged twice"


def sql(db, query):
    out = subprocess.run(["mysql", "-uroot", "-N", "-B", db, "-e", query], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Portal:
    """One browser session of an agent on one server."""

    def __init__(self, base, user):
        self.base, self.user = base.rstrip("/"), user
        self.jar = http.cookiejar.CookieJar()
        self.open = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect).open

    def get(self, path):
        try:
            with self.open(self.base + path, timeout=60) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def post(self, path, form, ajax=False):
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}
        if ajax:
            headers["Faces-Request"] = "partial/ajax"
        request = urllib.request.Request(self.base + path, data=form.encode(), headers=headers, method="POST")
        try:
            with self.open(request, timeout=60) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def sign_in(self):
        status, page = self.get("/login.xhtml")
        vs = VIEW_STATE.search(page).group(1)
        form = urllib.parse.urlencode({"login": "login", "login:username": self.user, "login:password": PASSWORD,
                                       "login:submit": "", "jakarta.faces.ViewState": vs})
        status, _ = self.post("/login.xhtml", form)
        if status not in (302, 303):
            raise SystemExit("sign-in of %s on %s answered %d" % (self.user, self.base, status))
        self.get("/agent/inbox.xhtml")  # opening the portal, as a browser does after signing in
        return self

    def heartbeat(self):
        self.post("/agent/heartbeat", "active=1")

    def accept_button(self, conversation):
        """The inbox's Accept button on this conversation's offer card, and the page's view state."""
        status, page = self.get("/agent/inbox.xhtml")
        at = page.find('data-conversation="%s"' % conversation)
        if at < 0:
            return None, None
        button = re.compile(r'<button id="([^"]+)"[^>]*class="[^"]*\baccept"').search(page, at)
        vs = VIEW_STATE.search(page)
        return (button.group(1) if button else None), (vs.group(1) if vs else None)

    def accept(self, button, vs):
        form = urllib.parse.urlencode({"jakarta.faces.partial.ajax": "true", "jakarta.faces.source": button,
                                       "jakarta.faces.partial.execute": "@all", "jakarta.faces.partial.render": "inbox",
                                       button: button, "inbox": "inbox", "jakarta.faces.ViewState": vs})
        return self.post("/agent/inbox.xhtml", form, ajax=True)


class PushSocket:
    """The inbox page's Faces push socket of one portal session (a minimal WebSocket client: the
    handshake with the session's cookies, then the server's unmasked text frames)."""

    PUSH_URL = re.compile(r'(/jakarta\.faces\.push/inbox\?[^"\'\\]+)')

    def __init__(self, portal):
        status, page = portal.get("/agent/inbox.xhtml")
        found = self.PUSH_URL.search(page)
        if not found:
            raise SystemExit("no push socket on alice's inbox page at %s (status %d)" % (portal.base, status))
        parts = urllib.parse.urlsplit(portal.base)
        cookies = "; ".join("%s=%s" % (c.name, c.value) for c in portal.jar)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        handshake = ("GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\nCookie: %s\r\n\r\n"
                     % (found.group(1).replace("&amp;", "&"), parts.hostname, parts.port,
                        base64.b64encode(os.urandom(16)).decode(), cookies))
        self.sock.sendall(handshake.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                break
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise SystemExit("the push socket at %s was refused: %s" % (portal.base, head.split(b"\r\n", 1)[0].decode()))

    def _exactly(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise EOFError("push socket closed")
            data += chunk
        return data

    def next_text(self):
        while True:
            b0, b1 = self._exactly(2)
            length = b1 & 0x7F
            if length == 126:
                length = int.from_bytes(self._exactly(2), "big")
            elif length == 127:
                length = int.from_bytes(self._exactly(8), "big")
            mask = self._exactly(4) if b1 & 0x80 else None
            payload = self._exactly(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if b0 & 0x0F == 1:
                return payload.decode("utf-8", "replace")
            if b0 & 0x0F == 8:
                raise EOFError("push socket closed by the server")


def bot(base, key, path, body):
    request = urllib.request.Request(base.rstrip("/") + "/api/v1/conversations" + path, method="POST",
                                     data=json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.load(r)


def escalate(base, key, name):
    conversation = bot(base, key, "", {"customer": {"externalId": "%s-%d" % (name, time.time_ns()), "name": name},
                                       "channel": "web"})["id"]
    bot(base, key, "/%s/messages" % conversation, {"author": "customer", "text": ESCALATE})
    return conversation


def pending_offer(db, conversation):
    rows = sql(db, "SELECT u.username FROM offer o JOIN agent a ON a.id = o.agent_id JOIN app_user u ON u.id = a.user_id"
                   " WHERE o.conversation_id = '%s' AND o.state = 'PENDING'" % conversation)
    return [r[0] for r in rows]


def offer_and_race(engine, other, key, db, attempts):
    # 10 portal sessions of alice on each server, signed in one after the other: signing in sets the
    # agent online, and simultaneous sign-ins of one agent conflict on the agent's row (seen: an
    # optimistic lock, the sign-in refused). Twenty sign-ins on a busy machine can outlast the check's
    # presence time-to-live (30 s), so the first session sends the page's heartbeat after each one.
    sessions = []
    for _ in range(10):
        for base in (engine, other):
            sessions.append(Portal(base, "alice").sign_in())
            sessions[0].heartbeat()
    # alice's push socket on the server the escalation is posted to, which is not the engine's: the offer
    # is made on the engine's server and must reach this socket over the data grid (ADR 0042)
    push = PushSocket(sessions[1])
    pushed = {}

    def listen():
        try:
            while True:
                text = push.next_text()
                if "offer" in text and "at" not in pushed:
                    pushed["at"] = time.monotonic()
                    pushed["text"] = text
        except (EOFError, OSError):
            pass

    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)
    t0 = time.monotonic()
    conversation = escalate(other, key, "Race Probe")
    offered_to, offered_s = None, None
    while time.monotonic() - t0 < 15:
        who = pending_offer(db, conversation)
        if who:
            offered_to, offered_s = who[0], time.monotonic() - t0
            break
        time.sleep(0.1)
    if offered_to != "alice":
        raise SystemExit("the escalation posted through the server without the engine was not offered to alice within 15 s"
                         " (pending offers: %s)" % pending_offer(db, conversation))
    while "at" not in pushed and time.monotonic() - t0 < 15:
        time.sleep(0.05)
    if "at" not in pushed:
        raise SystemExit("the offer made on the engine's server was not pushed to alice's socket on %s within 15 s" % other)
    push_ms = round((pushed["at"] - t0) * 1000)
    joined_before = int(sql(db, "SELECT COUNT(*) FROM message WHERE conversation_id = '%s' AND author = 'SYSTEM' AND text LIKE '%%Alice Martin%%'" % conversation)[0][0])
    ready = []
    for s in sessions:
        button, vs = s.accept_button(conversation)
        if not button or not vs:
            raise SystemExit("no Accept button on the offer card in alice's inbox at %s" % s.base)
        ready.append((s, button, vs))
    # "card gone": the offer card had left the page (the chat was taken) before this attempt was processed,
    # so the button no longer existed and the accept was not invoked
    outcomes = {"won": 0, "refused": 0, "card gone": 0, "other": 0}
    samples = []
    per_server = {}
    lock = threading.Lock()
    go = threading.Event()

    def attempt(i):
        s, button, vs = ready[i % len(ready)]
        go.wait()
        status, body = s.accept(button, vs)
        kind = ("won" if status == 200 and "<redirect" in body and ("id=" + conversation) in body
                else "refused" if status == 200 and ("already own" in body or "already been taken" in body or "no longer waiting" in body
                                                     or "changed while you were accepting" in body)
                else "card gone" if status == 200 and "<partial-response" in body and "<error>" not in body
                else "other")
        if kind == "other" and not samples:
            samples.append("%d %s" % (status, body[:300]))
        with lock:
            outcomes[kind] += 1
            per_server.setdefault(s.base, 0)
            per_server[s.base] += 1

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(attempts)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join()
    owner = sql(db, "SELECT c.state, u.username FROM conversation c LEFT JOIN agent a ON a.id = c.assigned_agent_id"
                    " LEFT JOIN app_user u ON u.id = a.user_id WHERE c.id = '%s'" % conversation)[0]
    accepted = int(sql(db, "SELECT COUNT(*) FROM offer WHERE conversation_id = '%s' AND state = 'ACCEPTED'" % conversation)[0][0])
    joined = int(sql(db, "SELECT COUNT(*) FROM message WHERE conversation_id = '%s' AND author = 'SYSTEM' AND text LIKE '%%Alice Martin%%'" % conversation)[0][0])
    result = {"conversation": conversation, "offered_to": offered_to, "offered_after_ms": round(offered_s * 1000),
              "offer_pushed_on_other_server_ms": push_ms, "push": pushed["text"][:40],
              "attempts": attempts, "per_server": per_server, "outcomes": outcomes, "state": owner[0], "owner": owner[1],
              "accepted_offer_rows": accepted, "joined_notices": joined - joined_before, "other_sample": samples[:1]}
    print(json.dumps(result))
    if outcomes["won"] != 1 or outcomes["other"] > 0 or owner != ["ASSIGNED", "alice"] or accepted != 1 or joined - joined_before != 1:
        sys.exit(1)


def carried_sign_in(base_a, base_b):
    browser = Portal(base_a, "sam").sign_in()
    cookies = {c.name: c.value for c in browser.jar}
    if "handoff_signin" not in cookies:
        raise SystemExit("no handoff_signin cookie after signing in on %s (cookies: %s)" % (base_a, sorted(cookies)))
    kept = [c for c in browser.jar]  # what a thief, or a tab left open, keeps
    browser.base = base_b.rstrip("/")
    status, page = browser.get("/supervisor/queue.xhtml")
    served = status == 200 and "login:password" not in page
    # signing out on B: the header's "Sign out" (an ajax action of the form "account")
    vs = VIEW_STATE.search(page)
    out_status, out_body = browser.post("/supervisor/queue.xhtml", urllib.parse.urlencode({
        "jakarta.faces.partial.ajax": "true", "jakarta.faces.source": "account:logout", "jakarta.faces.partial.execute": "account:logout",
        "account:logout": "account:logout", "account": "account", "jakarta.faces.ViewState": vs.group(1) if vs else ""}), ajax=True)
    signed_out = out_status == 200 and "login.xhtml" in out_body
    after = {}
    for name, base in (("a", base_a), ("b", base_b)):
        replay = Portal(base, "sam")
        for c in kept:
            if c.name == "handoff_signin":
                replay.jar.set_cookie(c)
        st, pg = replay.get("/supervisor/queue.xhtml")
        after[name] = "login" if st in (302, 303) or "login:password" in pg else "served %d" % st
    result = {"served_on_b": served, "status_on_b": status, "signed_out_on_b": signed_out, "replayed_after_sign_out": after}
    print(json.dumps(result))
    if not served or not signed_out or after != {"a": "login", "b": "login"}:
        sys.exit(1)


def main():
    command = sys.argv[1]
    if command == "carried-sign-in":
        carried_sign_in(sys.argv[2], sys.argv[3])
    elif command == "offer-and-race":
        offer_and_race(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]) if len(sys.argv) > 6 else 200)
    elif command == "escalate":
        Portal(sys.argv[2], sys.argv[4]).sign_in().heartbeat()
        print(escalate(sys.argv[2], sys.argv[3], "Fail-over Probe"))
    elif command == "routed":
        db, conversation, limit = sys.argv[2], sys.argv[3], float(sys.argv[4])
        t0 = time.monotonic()
        while time.monotonic() - t0 < limit:
            if pending_offer(db, conversation) or sql(db, "SELECT COUNT(*) FROM conversation WHERE id = '%s' AND state = 'ASSIGNED'"
                                                      % conversation)[0][0] == "1":
                print("%.1f" % (time.monotonic() - t0))
                return
            time.sleep(0.2)
        sys.exit("conversation %s neither offered nor owned within %s s" % (conversation, limit))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
