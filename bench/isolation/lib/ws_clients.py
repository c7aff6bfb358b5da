#!/usr/bin/env python3
"""Many WebSocket clients on one run's live feed, as a dashboard full of viewers would be.

  ws_clients.py PORT TOKEN RUN_ID_FILE CLIENTS MAX_SECONDS OUTFILE

Opens CLIENTS connections to ws://127.0.0.1:PORT/api/v1/live (Authorization: Bearer TOKEN) and, once
every handshake is answered, creates OUTFILE.ready. Then, as soon as RUN_ID_FILE exists (the caller
writes the run's id there after starting it), it sends {"subscribe": RUN_ID} on each socket, reads every
frame on one selector and throws it away (answering pings): the handshakes happen before the run, the
subscriptions as it starts. Stops when every socket has seen the run's final status, after MAX_SECONDS,
or on SIGTERM, and writes "key value" lines to OUTFILE: clients, connected, connect_s (until every
handshake was answered), snapshots, intervals, messages, bytes, all_subscribed_s (from the subscriptions
until every client had its snapshot; empty when some never did), finished (sockets that saw the final
status), refused, closed, cpu_s (its own). A minimal RFC 6455 client (no extensions, masking);
127.0.0.1 only. Standard library only.
"""

import base64
import json
import os
import selectors
import signal
import socket
import sys
import time

FINAL = {"completed", "failed", "cancelled", "interrupted"}


class Client:
    def __init__(self, port, token):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Origin: http://127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n\r\n").encode())
        self.sock.setblocking(False)
        self.buf = bytearray()
        self.open = False
        self.snapshot = False
        self.finished = False

    def send(self, opcode, payload):
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x80 | opcode]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + n.to_bytes(2, "big"))
        self.sock.setblocking(True)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        self.sock.setblocking(False)

    def frames(self):
        """Complete frames in the buffer, as (opcode, fin, payload); the rest stays buffered."""
        buf, at, out = self.buf, 0, []
        while len(buf) - at >= 2:
            b0, b1 = buf[at], buf[at + 1]
            n, head = b1 & 0x7F, 2
            if n == 126:
                if len(buf) - at < 4:
                    break
                n, head = int.from_bytes(buf[at + 2:at + 4], "big"), 4
            elif n == 127:
                if len(buf) - at < 10:
                    break
                n, head = int.from_bytes(buf[at + 2:at + 10], "big"), 10
            if b1 & 0x80:
                head += 4  # servers do not mask; skip a mask if one came
            if len(buf) - at < head + n:
                break
            out.append((b0 & 0x0F, b0 & 0x80, bytes(buf[at + head:at + head + n])))
            at += head + n
        del buf[:at]
        return out


def main():
    port, token, run_id_file, count, limit, outfile = sys.argv[1:7]
    port, count, limit = int(port), int(count), float(limit)
    stats = dict(clients=count, connected=0, connect_s="", snapshots=0, intervals=0, messages=0, bytes=0,
                 all_subscribed_s="", finished=0, refused=0, closed=0)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    sel = selectors.DefaultSelector()
    t0 = time.monotonic()
    clients = []
    for _ in range(count):
        c = Client(port, token)
        clients.append(c)
        sel.register(c.sock, selectors.EVENT_READ, c)
    subscribe, t_sub = None, 0.0
    live = count
    while live and not stop and time.monotonic() - t0 < limit:
        if subscribe is None:
            if not stats["connect_s"] and stats["connected"] + stats["refused"] == count:
                stats["connect_s"] = f"{time.monotonic() - t0:.2f}"
                open(outfile + ".ready", "w").close()
            if stats["connect_s"] and os.path.exists(run_id_file):
                subscribe = json.dumps({"subscribe": int(open(run_id_file).read())}).encode()
                t_sub = time.monotonic()
                for c in clients:
                    if c.open:
                        c.send(0x1, subscribe)
        for key, _ in sel.select(timeout=0.01 if subscribe is None else 0.5):
            c = key.data
            try:
                data = c.sock.recv(1 << 18)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:
                stats["closed"] += 1
                sel.unregister(c.sock)
                live -= 1
                continue
            stats["bytes"] += len(data)
            c.buf += data
            if not c.open:
                end = c.buf.find(b"\r\n\r\n")
                if end < 0:
                    continue
                status = bytes(c.buf[:c.buf.find(b"\r\n")])
                del c.buf[:end + 4]
                if b" 101 " not in status + b" ":
                    stats["refused"] += 1
                    print(f"ws_clients: handshake refused: {status.decode(errors='replace')}", file=sys.stderr)
                    sel.unregister(c.sock)
                    live -= 1
                    continue
                c.open = True
                stats["connected"] += 1
            for opcode, fin, payload in c.frames():
                if opcode == 0x9:
                    c.send(0xA, payload)
                elif opcode == 0x8:
                    stats["closed"] += 1
                    sel.unregister(c.sock)
                    live -= 1
                    break
                elif opcode in (0x0, 0x1):
                    # the server sends each message in one frame; a continuation counts as its own message
                    stats["messages"] += 1
                    if payload.startswith(b'{"type":"snapshot"') and not c.snapshot:
                        c.snapshot = True
                        stats["snapshots"] += 1
                        if stats["snapshots"] == count:
                            stats["all_subscribed_s"] = f"{time.monotonic() - t_sub:.2f}"
                    elif payload.startswith(b'{"type":"interval"'):
                        stats["intervals"] += 1
                    elif payload.startswith(b'{"type":"status"') and not c.finished:
                        if json.loads(payload).get("status") in FINAL:
                            c.finished = True
                            stats["finished"] += 1
                            sel.unregister(c.sock)
                            live -= 1
                            break
    for c in clients:
        c.sock.close()
    usage = os.times()
    stats["cpu_s"] = f"{usage.user + usage.system:.2f}"
    with open(outfile, "w") as out:
        out.writelines(f"{k} {v}\n" for k, v in stats.items())


if __name__ == "__main__":
    main()
