#!/usr/bin/env python3
"""Opens N logged-in, idle control connections and holds them until stdin closes.

Usage: idle_sessions.py PORT USER PASSWORD N
Prints 'ready <N>' once every session is logged in.
"""
import socket
import sys


def reply(sock):
    data = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            raise SystemExit("connection closed: %r" % data)
        data += chunk
        lines = data.split(b"\r\n")
        for line in lines[:-1]:
            if len(line) >= 4 and line[3:4] == b" ":
                return line.decode()


def main():
    port, user, password, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    sessions = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=20)
        assert reply(sock).startswith("220")
        sock.sendall(("USER %s\r\n" % user).encode())
        assert reply(sock).startswith("331")
        sock.sendall(("PASS %s\r\n" % password).encode())
        answer = reply(sock)
        assert answer.startswith("230"), answer
        sessions.append(sock)
    print("ready", len(sessions), flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
