#!/usr/bin/env python3
"""Issue 16: an agent signed in to the portal of one server, working, until told to stop.

usage: portal_agent.py <base> <username> <password> <stop file>

Signs in through the portal's login form (as a browser does: the login page's view state, the form
post, the session cookie), opens the inbox (which registers the session for presence), then sends the
page's heartbeat (POST /agent/heartbeat, active=1) every 5 s until <stop file> exists or the server
stops answering for good. Prints "signed in" once the inbox answered 200, and at the end the number
of heartbeats answered.
"""
import http.cookiejar
import os
import re
import sys
import time
import urllib.parse
import urllib.request

base, user, password, stop_file = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
VIEW_STATE = re.compile(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"')

page = opener.open(base + "/login.xhtml", timeout=30).read().decode()
state = VIEW_STATE.search(page).group(1)
form = urllib.parse.urlencode({"login": "login", "login:username": user, "login:password": password, "login:submit": "",
                               "jakarta.faces.ViewState": state}).encode()
opener.open(urllib.request.Request(base + "/login.xhtml", data=form,
                                   headers={"Content-Type": "application/x-www-form-urlencoded"}), timeout=60).read()
inbox = opener.open(base + "/agent/inbox.xhtml", timeout=60)
if inbox.status != 200 or "login" in inbox.geturl():
    sys.exit("the inbox of %s answered %s at %s" % (user, inbox.status, inbox.geturl()))
print("signed in", flush=True)
beats = 0
failures = 0
while not os.path.exists(stop_file) and failures < 12:
    try:
        r = opener.open(urllib.request.Request(base + "/agent/heartbeat", data=b"active=1", method="POST",
                                               headers={"Content-Type": "application/x-www-form-urlencoded"}), timeout=10)
        beats += 1 if r.status // 100 == 2 and "login" not in r.geturl() else 0
        failures = 0
    except OSError:
        failures += 1
    time.sleep(5)
print("heartbeats answered: %d" % beats, flush=True)
