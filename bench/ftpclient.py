#!/usr/bin/env python3
"""The benchmark's own FTP client (used by bench/compare; stdlib only).

One workload per process; the result is one JSON object on the last line of stdout,
an error is a message on stderr and exit status 1.

  ftpclient.py retr   --port P --user U --password W --file NAME --size BYTES [--tls] [--server-pid PID]
  ftpclient.py stor   --port P ... --file NAME --size BYTES [--tls]
  ftpclient.py logins --port P ... --count N --inflight 32 [--tls]
  ftpclient.py many   --port P ... --file NAME --size BYTES --count N
  ftpclient.py list   --port P ... --dir DIR --expect N [--mlsd]
  ftpclient.py idle   --port P ...        (reads "open N", "check", "quit" lines on stdin)

Data is read into one reused buffer (recv_into) and written from one reused buffer.
TLS: explicit AUTH TLS, PBSZ 0, PROT P, TLS 1.3 only, and every data connection offers the
control connection's TLS session for resumption (wrap_socket(session=...)).
"""
import argparse
import json
import os
import re
import resource
import socket
import ssl
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HOST = "127.0.0.1"
BUF = 1 << 20
CLK_TCK = os.sysconf("SC_CLK_TCK")


class FtpError(Exception):
    pass


def tls_context(cafile=None):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    if cafile:
        ctx.load_verify_locations(cafile)
        ctx.verify_mode = ssl.CERT_REQUIRED
    else:
        ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3
    return ctx


class Ftp:
    """A minimal control connection: line replies, AUTH TLS, PASV data connections."""

    def __init__(self, port, timeout=60.0, ctx=None):
        self.port = port
        self.timeout = timeout
        self.ctx = ctx
        self.sock = socket.create_connection((HOST, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.pending = b""
        self.tls = False
        self.prot_p = False
        self.expect(self.reply(), "2", "banner")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass

    def _line(self):
        while b"\n" not in self.pending:
            chunk = self.sock.recv(8192)
            if not chunk:
                raise FtpError("control connection closed by the server (after %r)" % self.pending[-200:])
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def reply(self):
        first = self._line()
        if len(first) < 3 or not first[:3].isdigit():
            raise FtpError("bad reply %r" % first)
        code = first[:3]
        lines = [first]
        if first[3:4] == "-":
            while True:
                line = self._line()
                lines.append(line)
                if line[:3] == code and line[3:4] == " ":
                    break
        return code, "\n".join(lines)

    @staticmethod
    def expect(answer, prefixes, what):
        code, text = answer
        if not code.startswith(tuple(prefixes)):
            raise FtpError("%s: unexpected reply %s" % (what, text[:300].replace("\n", " | ")))
        return answer

    def send(self, line):
        self.sock.sendall((line + "\r\n").encode())

    def cmd(self, line, prefixes=("2",)):
        self.send(line)
        shown = "PASS ***" if line.startswith("PASS") else line
        return self.expect(self.reply(), prefixes, shown)

    def auth_tls(self):
        if self.pending:
            raise FtpError("unexpected data before AUTH TLS")
        self.cmd("AUTH TLS", ("234",))
        self.sock = self.ctx.wrap_socket(self.sock)
        if self.sock.version() != "TLSv1.3":
            raise FtpError("control connection negotiated %s, not TLSv1.3" % self.sock.version())
        self.tls = True

    def login(self, user, password):
        code, _ = self.cmd("USER " + user, ("230", "331"))
        if code == "331":
            self.cmd("PASS " + password, ("230",))

    def protect(self):
        self.cmd("PBSZ 0")
        self.cmd("PROT P")
        self.prot_p = True

    def pasv(self):
        _, text = self.cmd("PASV", ("227",))
        m = re.search(r"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)", text)
        if not m:
            raise FtpError("cannot parse %r" % text)
        n = [int(x) for x in m.groups()]
        return "%d.%d.%d.%d" % tuple(n[:4]), n[4] * 256 + n[5]

    def transfer(self, line):
        """PASV, connect, send the command, read its 1xx, then the TLS handshake (if PROT P)."""
        host, port = self.pasv()
        data = socket.create_connection((host, port), timeout=self.timeout)
        try:
            self.cmd(line, ("1",))
            if self.prot_p:
                data = self.ctx.wrap_socket(data, session=self.sock.session)
                data.settimeout(self.timeout)
            return data
        except BaseException:
            data.close()
            raise

    def finish(self, data, what):
        if isinstance(data, ssl.SSLSocket):
            try:
                data.unwrap()
            except (OSError, ssl.SSLError, ValueError):
                pass
        data.close()
        return self.expect(self.reply(), ("2",), what + " completion")

    def quit(self):
        try:
            self.send("QUIT")
            self.reply()
        except (OSError, FtpError):
            pass
        self.close()


def session(args, ctx, tls, protect=False):
    ftp = Ftp(args.port, args.timeout, ctx)
    try:
        if tls:
            ftp.auth_tls()
        ftp.login(args.user, args.password)
        if protect:
            ftp.protect()
        return ftp
    except BaseException:
        ftp.close()
        raise


# ---------------------------------------------------------------- server CPU


def proc_tree_ticks(root):
    """utime+stime (+ waited-for children) of root and all its descendants, in clock ticks."""
    parents, ticks = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        pid = int(name)
        parents[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    total, todo = 0, [root]
    children = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


# ---------------------------------------------------------------- workloads


def w_retr(args, ctx):
    ftp = session(args, ctx, args.tls, args.tls)
    try:
        ftp.cmd("TYPE I")
        buf = bytearray(BUF)
        cpu0 = proc_tree_ticks(args.server_pid) if args.server_pid else None
        t0 = time.perf_counter()
        data = ftp.transfer("RETR " + args.file)
        got = 0
        recv_into = data.recv_into
        while True:
            n = recv_into(buf)
            if not n:
                break
            got += n
        reused = getattr(data, "session_reused", None)
        ftp.finish(data, "RETR")
        elapsed = time.perf_counter() - t0
        cpu1 = proc_tree_ticks(args.server_pid) if args.server_pid else None
        if got != args.size:
            raise FtpError("RETR received %d bytes, expected %d" % (got, args.size))
        result = {"seconds": elapsed, "bytes": got, "MBps": got / elapsed / 1e6}
        if cpu0 is not None:
            cpu = (cpu1 - cpu0) / CLK_TCK
            result["server_cpu_s"] = cpu
            result["server_cpu_s_per_GiB"] = cpu / (got / 2**30)
        if args.tls:
            result["data_session_reused"] = reused
        return result
    finally:
        ftp.quit()


def w_stor(args, ctx):
    ftp = session(args, ctx, args.tls, args.tls)
    try:
        ftp.cmd("TYPE I")
        buf = memoryview(os.urandom(BUF))
        t0 = time.perf_counter()
        data = ftp.transfer("STOR " + args.file)
        left = args.size
        sendall = data.sendall
        while left >= BUF:
            sendall(buf)
            left -= BUF
        if left:
            sendall(buf[:left])
        reused = getattr(data, "session_reused", None)
        if not isinstance(data, ssl.SSLSocket):
            data.shutdown(socket.SHUT_WR)
        ftp.finish(data, "STOR")
        elapsed = time.perf_counter() - t0
        try:
            _, text = ftp.cmd("SIZE " + args.file, ("213",))
            size = int(text.split()[1])
        except (FtpError, ValueError, IndexError):
            size = None
        if size is not None and size != args.size:
            raise FtpError("stored file has %d bytes, expected %d" % (size, args.size))
        try:
            ftp.cmd("DELE " + args.file)
        except FtpError:
            pass
        result = {"seconds": elapsed, "bytes": args.size, "MBps": args.size / elapsed / 1e6}
        if args.tls:
            result["data_session_reused"] = reused
        return result
    finally:
        ftp.quit()


def w_logins(args, ctx):
    errors = []

    def one(_):
        try:
            ftp = Ftp(args.port, args.timeout, ctx)
            try:
                if args.tls:
                    ftp.auth_tls()
                ftp.login(args.user, args.password)
            finally:
                ftp.quit()
        except Exception as e:  # noqa: BLE001 - counted and reported
            errors.append("%s: %s" % (type(e).__name__, e))

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.inflight) as pool:
        list(pool.map(one, range(args.count)))
    elapsed = time.perf_counter() - t0
    if errors:
        raise FtpError("%d of %d logins failed; first: %s" % (len(errors), args.count, errors[0]))
    return {"seconds": elapsed, "logins": args.count, "per_second": args.count / elapsed}


def w_many(args, ctx):
    """N logged-in clients, then all RETR the same file at once; time from the start signal to the last 226
    (and to the last 150: how long the last client waited for its transfer to begin)."""
    n = args.count
    sessions = [None] * n
    errors = []
    gate = threading.Semaphore(args.inflight)

    def open_one(i):
        with gate:
            try:
                ftp = session(args, ctx, False)
                ftp.cmd("TYPE I")
                sessions[i] = ftp
            except Exception as e:  # noqa: BLE001
                errors.append("login %d: %s" % (i, e))

    threads = [threading.Thread(target=open_one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        for s in sessions:
            if s:
                s.close()
        raise FtpError("%d of %d logins failed; first: %s" % (len(errors), n, errors[0]))
    start = threading.Barrier(n + 1)
    ends = [0.0] * n
    openings = [0.0] * n

    def run(i):
        ftp = sessions[i]
        buf = bytearray(BUF)
        start.wait()
        try:
            data = ftp.transfer("RETR " + args.file)
            openings[i] = time.perf_counter()
            got = 0
            while True:
                k = data.recv_into(buf)
                if not k:
                    break
                got += k
            ftp.finish(data, "RETR")
            ends[i] = time.perf_counter()
            if got != args.size:
                errors.append("client %d received %d bytes" % (i, got))
        except Exception as e:  # noqa: BLE001
            errors.append("client %d: %s: %s" % (i, type(e).__name__, e))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    start.wait()
    for t in threads:
        t.join()
    elapsed = max(ends) - t0 if all(ends) else time.perf_counter() - t0
    for s in sessions:
        s.quit()
    if errors:
        raise FtpError("%d of %d transfers failed; first: %s" % (len(errors), n, errors[0]))
    return {"seconds": elapsed, "clients": n, "bytes": n * args.size, "last_150_s": max(openings) - t0}


def w_list(args, ctx):
    ftp = session(args, ctx, False)
    try:
        if args.mlsd:
            _, feat = ftp.cmd("FEAT", ("2", "5"))
            if not re.search(r"^\s*MLST", feat, re.M | re.I):
                return {"unsupported": "no MLST in FEAT"}
        ftp.cmd("CWD " + args.dir)
        buf = bytearray(BUF)
        t0 = time.perf_counter()
        data = ftp.transfer("MLSD" if args.mlsd else "LIST")
        chunks = []
        while True:
            n = data.recv_into(buf)
            if not n:
                break
            chunks.append(bytes(buf[:n]))
        ftp.finish(data, "MLSD" if args.mlsd else "LIST")
        elapsed = time.perf_counter() - t0
        body = b"".join(chunks)
        names = sum(1 for line in body.split(b"\n") if b"entry-" in line)
        if names < args.expect:
            raise FtpError("listing names %d entries, expected %d" % (names, args.expect))
        return {"seconds": elapsed, "entries": names, "bytes": len(body)}
    finally:
        ftp.quit()


def mem_available():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 1 << 62


def threads_in_use():
    with open("/proc/loadavg") as f:
        total = int(f.read().split()[3].split("/")[1])
    with open("/proc/sys/kernel/pid_max") as f:
        return total, int(f.read())


def w_idle(args, ctx):
    """Opens logged-in idle sessions on command; stdin lines: 'open N', 'check', 'quit'."""
    sessions = []
    lock = threading.Lock()
    out = sys.stdout

    def emit(obj):
        out.write(json.dumps(obj) + "\n")
        out.flush()

    def open_until(target):
        stop = {"reason": None}
        failures = []

        def worker():
            while True:
                with lock:
                    if stop["reason"] or len(sessions) + worker.pending >= target:
                        return
                    worker.pending += 1
                try:
                    ftp = session(args, ctx, False)
                    ftp.sock.settimeout(args.timeout)
                    with lock:
                        sessions.append(ftp)
                except Exception as e:  # noqa: BLE001
                    with lock:
                        failures.append("%s: %s" % (type(e).__name__, e))
                        if len(failures) >= 20:
                            stop["reason"] = "%d logins failed; first: %s" % (len(failures), failures[0])
                finally:
                    with lock:
                        worker.pending -= 1
                if len(sessions) % 100 == 0:
                    if mem_available() < args.min_available_mib * 2**20:
                        with lock:
                            stop["reason"] = "memory guard: MemAvailable below %d MiB" % args.min_available_mib
                    tasks, pid_max = threads_in_use()
                    if tasks > pid_max - 4000:
                        with lock:
                            stop["reason"] = "pid guard: %d tasks of pid_max %d" % (tasks, pid_max)
        worker.pending = 0

        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(args.inflight)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return {"event": "opened", "sessions": len(sessions), "target": target,
                "seconds": time.perf_counter() - t0, "failures": len(failures),
                "stopped": stop["reason"], "first_failure": failures[0] if failures else None}

    def check():
        alive, dead = 0, []
        for ftp in sessions:
            try:
                ftp.cmd("NOOP")
                alive += 1
            except Exception as e:  # noqa: BLE001
                dead.append("%s: %s" % (type(e).__name__, e))
        return {"event": "checked", "alive": alive, "sessions": len(sessions),
                "first_dead": dead[0] if dead else None}

    emit({"event": "started"})
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "open":
            emit(open_until(int(words[1])))
        elif words[0] == "check":
            emit(check())
        elif words[0] == "quit":
            break
    for ftp in sessions:
        ftp.close()
    return {"event": "done", "sessions": len(sessions)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("workload", choices=["retr", "stor", "logins", "many", "list", "idle"])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--tls", action="store_true")
    p.add_argument("--cafile")
    p.add_argument("--file")
    p.add_argument("--size", type=int, default=0)
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--inflight", type=int, default=32)
    p.add_argument("--dir")
    p.add_argument("--expect", type=int, default=0)
    p.add_argument("--mlsd", action="store_true")
    p.add_argument("--server-pid", type=int)
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--min-available-mib", type=int, default=4096)
    args = p.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 65536
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, want), max(hard, want)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # no CAP_SYS_RESOURCE here
    ctx = tls_context(args.cafile)
    fn = {"retr": w_retr, "stor": w_stor, "logins": w_logins, "many": w_many,
          "list": w_list, "idle": w_idle}[args.workload]
    try:
        result = fn(args, ctx)
    except (FtpError, OSError, ssl.SSLError) as e:
        print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
