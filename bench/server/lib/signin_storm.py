#!/usr/bin/env python3
"""Sign-in load for bench/server/run.sh signin (issue 11). Python 3 standard library only.

  signin_storm.py users BASE OUTDIR TOKEN PREFIX COUNT     # COUNT viewers PREFIX-000… (admin token)
  signin_storm.py cost  BASE OUTDIR USER PASSWORD N         # N right sign-ins, N unknown names, N GETs
  signin_storm.py storm BASE OUTDIR NAME ACCOUNTS ADDRESSES OCTET ATTEMPTS SECONDS

A storm sends ATTEMPTS wrong passwords evenly over SECONDS (an open schedule: a refused attempt does not
slow the next), round the accounts NAME-000… and the source addresses 127.OCTET.x.y (Linux answers every
127/8 address on the loopback, so the server sees ADDRESSES different clients). Each attempt is written
to OUTDIR/signin-NAME.tsv: intended offset s, status, latency ms, Retry-After, account, address.
"""

import concurrent.futures
import http.client
import json
import os
import secrets
import sys
import threading
import time
from urllib.parse import urlsplit


def connect(base, address=None):
    u = urlsplit(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=30,
                                      source_address=(address, 0) if address else None)


def request(base, method, path, body=None, headers=None, address=None):
    """(status, headers dict lower-cased, body bytes, ms) on a connection of its own."""
    conn = connect(base, address)
    headers = dict(headers or {})
    # the server checks Host against its names: the source address must not leak into it
    headers["Host"] = urlsplit(base).netloc
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        headers["Content-Type"] = "application/json"
    t0 = time.perf_counter()
    try:
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        payload = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, payload, (time.perf_counter() - t0) * 1000
    finally:
        conn.close()


def xsrf(base, address):
    """The dashboard's CSRF pair for one client: the cookie header and the X-XSRF-TOKEN value."""
    status, headers, _, _ = request(base, "GET", "/api/v1/auth/state", address=address)
    for part in headers.get("set-cookie", "").split(","):
        name, _, rest = part.strip().partition("=")
        if name == "XSRF-TOKEN":
            value = rest.split(";")[0]
            return {"Cookie": f"XSRF-TOKEN={value}", "X-XSRF-TOKEN": value}
    raise SystemExit(f"no XSRF-TOKEN cookie from {address} (status {status})")


def sign_in(base, address, csrf, username, password):
    status, headers, _, ms = request(base, "POST", "/api/v1/auth/sign-in",
                                     {"username": username, "password": password}, csrf, address)
    return status, ms, headers.get("retry-after", "")


def users(base, out, token, prefix, count):
    auth = {"Authorization": f"Bearer {token}"}
    for i in range(int(count)):
        name = f"{prefix}-{i:03d}"
        status, _, body, _ = request(base, "POST", "/api/v1/users",
                                     {"username": name, "password": secrets.token_urlsafe(18), "role": "viewer"}, auth)
        if status not in (201, 409):
            raise SystemExit(f"creating {name}: {status} {body[:300]!r}")


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else None


def cost(base, out, user, password, n):
    n = int(n)
    right_addr, unknown_addr = "127.0.0.2", "127.0.0.3"
    csrf = xsrf(base, right_addr)
    right, unknown, plain = [], [], []
    for _ in range(n):
        status, ms, _ = sign_in(base, right_addr, csrf, user, password)
        if status != 200:
            raise SystemExit(f"a right sign-in answered {status}")
        right.append(ms)
    csrf_unknown = xsrf(base, unknown_addr)
    for i in range(n):
        status, ms, _ = sign_in(base, unknown_addr, csrf_unknown, f"nobody-{i}", "a wrong password 123")
        unknown.append((status, ms))
    for _ in range(n):
        status, _, _, ms = request(base, "GET", "/api/v1/auth/state", address=right_addr)
        plain.append(ms)
    with open(os.path.join(out, "signin-cost.json"), "w") as f:
        json.dump({"right_ms": right, "unknown": unknown, "state_get_ms": plain,
                   "right_p50": median(right), "unknown_p50": median([ms for s, ms in unknown if s == 401]),
                   "state_get_p50": median(plain)}, f, indent=1)


def storm(base, out, name, accounts, addresses, octet, attempts, seconds):
    accounts, addresses, attempts, seconds = int(accounts), int(addresses), int(attempts), float(seconds)
    addrs = [f"127.{octet}.{1 + i // 250}.{1 + i % 250}" for i in range(addresses)]
    csrf = {a: xsrf(base, a) for a in addrs}
    names = [f"{name}-{i:03d}" for i in range(accounts)]
    rows, lock = [], threading.Lock()

    def attempt(i, due):
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        account, addr = names[i % accounts], addrs[i % addresses]
        try:
            status, ms, retry = sign_in(base, addr, csrf[addr], account, f"wrong password {i:06d}")
        except OSError as e:
            status, ms, retry = f"error:{type(e).__name__}", 0.0, ""
        with lock:
            rows.append((i, due - t0, status, ms, retry, account, addr))

    t0 = time.monotonic() + 0.5
    gap = seconds / attempts
    # enough workers that attempts waiting on a hash do not delay the schedule
    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        for i in range(attempts):
            pool.submit(attempt, i, t0 + i * gap)
    rows.sort()
    with open(os.path.join(out, f"signin-{name}.tsv"), "w") as f:
        f.write("i\toffset_s\tstatus\tms\tretry_after\taccount\taddress\n")
        for i, off, status, ms, retry, account, addr in rows:
            f.write(f"{i}\t{off:.3f}\t{status}\t{ms:.1f}\t{retry}\t{account}\t{addr}\n")
    with open(os.path.join(out, f"signin-{name}.meta"), "w") as f:
        f.write(f"accounts {accounts}\naddresses {addresses}\nattempts {attempts}\nseconds {seconds:g}\n"
                f"wall_s {time.monotonic() - t0:.1f}\n")


def main(argv):
    commands = {"users": users, "cost": cost, "storm": storm}
    if len(argv) < 2 or argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[argv[1]](*argv[2:])


if __name__ == "__main__":
    main(sys.argv)
