#!/usr/bin/env python3
"""pyftpdlib 1.5.7 peer for bench/compare: one process, FTP + explicit TLS (AUTH TLS) on one port.

Usage: pyftpdlib_server.py PORT PASV_LOW PASV_HIGH HOME USER PASSWORD CERT KEY
Stock DummyAuthorizer (plain-text password compare); sendfile for plain RETR (the default).
"""
import sys

from OpenSSL import SSL
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import TLS_FTPHandler
from pyftpdlib.servers import FTPServer


def main():
    port, low, high, home, user, password, cert, key = sys.argv[1:9]
    authorizer = DummyAuthorizer()
    authorizer.add_user(user, password, home, perm="elradfmwMT")
    handler = TLS_FTPHandler
    handler.authorizer = authorizer
    handler.certfile = cert
    handler.keyfile = key
    handler.ssl_protocol = SSL.TLS_METHOD
    handler.tls_control_required = False
    handler.tls_data_required = False
    handler.passive_ports = range(int(low), int(high) + 1)
    handler.timeout = 3600
    handler.banner = "pyftpdlib ready"
    server = FTPServer(("127.0.0.1", int(port)), handler)
    server.max_cons = 11000
    server.max_cons_per_ip = 0
    print("ready", flush=True)
    server.serve_forever(handle_exit=True)


if __name__ == "__main__":
    main()
