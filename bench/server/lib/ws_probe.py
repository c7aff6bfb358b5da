#!/usr/bin/env python3
"""Times the live feed's snapshot with a bare WebSocket client that offers no extensions.

  ws_probe.py PORT RUN_ID TIMES    # prints "ws_plain I MS BYTES" per subscription

Browsers and Node's client negotiate permessage-deflate; this one does not, so comparing the two
shows what compressing the snapshot costs. A minimal RFC 6455 client (text frames, continuation,
masking); 127.0.0.1 only. Standard library only.
"""

import base64
import json
import os
import socket
import sys
import time


class Conn:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                           f"Origin: http://127.0.0.1:{port}\r\n\r\n").encode())
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        status = head.split(b"\r\n", 1)[0]
        if b" 101 " not in status + b" ":
            raise SystemExit(f"handshake refused: {status.decode(errors='replace')}")
        if b"sec-websocket-extensions" in head.lower():
            raise SystemExit("the server chose an extension although none was offered")

    def _fill(self):
        data = self.sock.recv(1 << 20)
        if not data:
            raise SystemExit("connection closed")
        self.buf += data

    def _take(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send_text(self, text):
        payload = text.encode()
        assert len(payload) < 126
        mask = os.urandom(4)
        self.sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask
                          + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def read_message(self):
        parts = []
        while True:
            b0, b1 = self._take(2)
            n = b1 & 0x7F
            if n == 126:
                n = int.from_bytes(self._take(2), "big")
            elif n == 127:
                n = int.from_bytes(self._take(8), "big")
            if b1 & 0x80:
                self._take(4)  # servers do not mask, but skip a mask if one came
            payload = self._take(n)
            opcode = b0 & 0x0F
            if opcode in (0x1, 0x0):
                parts.append(payload)
                if b0 & 0x80:
                    return b"".join(parts)
            elif opcode == 0x8:
                raise SystemExit("server closed the connection")
            # ping/pong: ignored

    def close(self):
        self.sock.close()


def main():
    port, run_id, times = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    for i in range(1, times + 1):
        conn = Conn(port)
        t0 = time.perf_counter()
        conn.send_text(json.dumps({"subscribe": run_id}))
        message = conn.read_message()
        ms = (time.perf_counter() - t0) * 1000
        if not message.startswith(b'{"type":"snapshot"'):
            raise SystemExit(f"expected a snapshot, got {message[:80]!r}")
        print(f"ws_plain {i} {ms:.1f} {len(message)}")
        conn.close()
        time.sleep(0.2)


if __name__ == "__main__":
    main()
