#!/usr/bin/env python3
"""Side-by-side benchmark of this FTP server against vsftpd, pure-ftpd, ProFTPD, pyftpdlib and
Apache FtpServer on loopback. Entry point: bench/compare (see bench/README.md).

Stdlib only (plus what Debian ships). Runs as root: it installs packages, creates a system user
for vsftpd and raises RLIMIT_NOFILE.
"""
import argparse
import atexit
import datetime
import glob
import hashlib
import json
import os
import platform
import pwd
import queue
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import traceback
import zipfile

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
CLIENT = os.path.join(BENCH, "ftpclient.py")
PY = "/usr/bin/python3"  # Debian's python: python3-pyftpdlib and python3-openssl live there
USER = "ftpbench"
PASSWORD = "bench-Passw0rd-42"
P12_PASSWORD = "bench-keystore"
MIB = 1 << 20
GIB = 1 << 30

PEERS = ["vsftpd", "pure-ftpd", "proftpd", "pyftpdlib", "apache-ftpserver"]
TITLES = {"ours": "ours", "ours-nd": "ours, durable off", "vsftpd": "vsftpd", "pure-ftpd": "pure-ftpd",
          "proftpd": "ProFTPD", "pyftpdlib": "pyftpdlib", "apache-ftpserver": "Apache FtpServer"}
HASHING = {"ours", "vsftpd", "pure-ftpd", "proftpd"}  # servers that check a slow password hash

WORKLOADS = ["retr-plain", "retr-tls", "stor-plain", "stor-tls", "login-plain", "login-tls",
             "concurrent", "list", "mlsd", "idle-memory", "hold"]

PROCS = []  # every process we started (Popen), stopped by pid on exit


def log(msg):
    sys.stderr.write("[%s] %s\n" % (time.strftime("%H:%M:%S"), msg))
    sys.stderr.flush()


def run(cmd, timeout=600, check=True, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       timeout=timeout, **kw)
    if check and p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stdout[-2000:]))
    return p.stdout


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


# ------------------------------------------------------------------ processes


def descendants(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name) as f:
                    s = f.read()
                ppid = int(s[s.rindex(")") + 2:].split()[1])
            except (OSError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        for c in children.get(pid, ()):
            out.append(c)
            todo.append(c)
    return out


def stop_proc(p, grace=10):
    """Stops a process we started and every descendant of it, by pid."""
    if p is None:
        return
    tree = descendants(p.pid) if p.poll() is None else []
    if p.poll() is None:
        try:
            p.send_signal(signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            p.wait(grace)
        except subprocess.TimeoutExpired:
            try:
                p.kill()
            except ProcessLookupError:
                pass
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                pass
    tree += descendants(p.pid) if p.poll() is None else []
    for pid in tree:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    deadline = time.time() + 30
    for pid in tree:
        while time.time() < deadline and os.path.exists("/proc/%d" % pid):
            try:
                with open("/proc/%d/stat" % pid) as f:
                    if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                        break
            except OSError:
                break
            time.sleep(0.05)
    if p in PROCS:
        PROCS.remove(p)


def cleanup():
    for p in list(PROCS):
        try:
            stop_proc(p, grace=3)
        except Exception:  # noqa: BLE001
            pass


def on_signal(signum, _frame):
    raise SystemExit("stopped by signal %d" % signum)


def spawn(cmd, logfile, cwd=None, env=None, stdin=subprocess.DEVNULL):
    out = open(logfile, "ab")
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=stdin, cwd=cwd,
                         env=env, start_new_session=True)
    out.close()
    PROCS.append(p)
    return p


# ------------------------------------------------------------------ ports


def port_free(port):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


class Ports:
    """Listener ports from 2100 up, passive windows from 3000 up: all below the ephemeral range."""

    def __init__(self):
        self.next_ctrl = 2100
        self.next_pasv = 3000
        lo, _ = (int(x) for x in open("/proc/sys/net/ipv4/ip_local_port_range").read().split())
        self.ephemeral_low = lo

    def ctrl(self):
        while not port_free(self.next_ctrl):
            self.next_ctrl += 1
        self.next_ctrl += 1
        if self.next_ctrl >= 3000:
            raise RuntimeError("no free listener port below 3000")
        return self.next_ctrl - 1

    def window(self, size):
        start = self.next_pasv
        while True:
            if start + size > self.ephemeral_low:
                raise RuntimeError("no free window of %d passive ports below %d" % (size, self.ephemeral_low))
            busy = [p for p in range(start, start + size) if not port_free(p)]
            if not busy:
                self.next_pasv = start + size
                return start, start + size - 1
            start = busy[-1] + 1

    def rest(self, minimum):
        """The remaining ports up to the ephemeral range (pure-ftpd caps clients at half its range)."""
        lo, hi = self.next_pasv, self.ephemeral_low - 1
        if hi - lo + 1 < minimum:
            raise RuntimeError("only %d passive ports left" % (hi - lo + 1))
        self.next_pasv = hi + 1
        return lo, hi


# ------------------------------------------------------------------ install


class Installer:
    def __init__(self, cache):
        self.cache = cache
        self.updated = False
        os.makedirs(cache, exist_ok=True)

    def policy(self):
        path = "/usr/sbin/policy-rc.d"
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write("#!/bin/sh\n# written by bench/compare: no service starts on install\nexit 101\n")
            os.chmod(path, 0o755)

    def update(self):
        if not self.updated:
            log("apt-get update")
            run(["apt-get", "update", "-q"], timeout=600)
            self.updated = True

    @staticmethod
    def installed(pkg):
        p = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
        return p.returncode == 0 and "install ok installed" in p.stdout

    def apt_install(self, pkgs):
        missing = [p for p in pkgs if not self.installed(p)]
        if missing:
            self.policy()
            self.update()
            log("apt-get install " + " ".join(missing))
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            run(["apt-get", "install", "-y", "-q", "--no-install-recommends"] + missing, timeout=900, env=env)

    def private_root(self, name, pkgs):
        """apt-get download + dpkg -x into <cache>/root-<name>, with the libraries the system lacks."""
        root = os.path.join(self.cache, "root-" + name)
        stamp = os.path.join(root, ".complete")
        if os.path.exists(stamp):
            return root
        debs = os.path.join(self.cache, "debs")
        os.makedirs(debs, exist_ok=True)
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        todo, seen = list(pkgs), set()
        while todo:
            pkg = todo.pop(0)
            if pkg in seen:
                continue
            seen.add(pkg)
            files = glob.glob(os.path.join(debs, pkg + "_*.deb"))
            if not files:
                self.update()
                log("apt-get download " + pkg)
                run(["apt-get", "download", pkg], cwd=debs, timeout=300)
                files = glob.glob(os.path.join(debs, pkg + "_*.deb"))
            deb = sorted(files)[-1]
            run(["dpkg", "-x", deb, root])
            depends = run(["dpkg-deb", "-f", deb, "Depends"]).strip()
            for alt in filter(None, (d.strip() for d in depends.split(","))):
                dep = alt.split("|")[0].split("(")[0].split(":")[0].strip()
                if dep.startswith("lib") and not self.installed(dep) and dep not in seen:
                    todo.append(dep)
        open(stamp, "w").close()
        return root

    def apache_ftpserver(self):
        d = os.path.join(self.cache, "apache-ftpserver")
        lib = os.path.join(d, "lib")
        os.makedirs(d, exist_ok=True)
        if not glob.glob(os.path.join(lib, "ftpserver-core-1.2.1.jar")):
            self.apt_install(["maven"])
            with open(os.path.join(d, "pom.xml"), "w") as f:
                f.write("""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>apache-ftpserver-deps</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.ftpserver</groupId><artifactId>ftpserver-core</artifactId><version>1.2.1</version></dependency>
  </dependencies>
</project>
""")
            log("mvn dependency:copy-dependencies (Apache FtpServer 1.2.1, in %s)" % d)
            # runs in the cache directory with its own local repository, never in the project
            run(["mvn", "-B", "-q", "-Dmaven.repo.local=" + os.path.join(d, "m2"),
                 "dependency:copy-dependencies", "-DoutputDirectory=lib", "-DincludeScope=runtime"],
                cwd=d, timeout=900)
        src = os.path.join(BENCH, "peers", "ApacheFtpServerBench.java")
        classes = os.path.join(d, "classes")
        cls = os.path.join(classes, "ApacheFtpServerBench.class")
        if not os.path.exists(cls) or os.path.getmtime(cls) < os.path.getmtime(src):
            os.makedirs(classes, exist_ok=True)
            run(["javac", "-nowarn", "-d", classes, "-cp", os.path.join(lib, "*"), src], timeout=300)
        return d


def copy_jar(src, dst):
    """Copies the jar (another build may rewrite it at any time) and checks the copy is a whole zip."""
    last = None
    for _ in range(12):
        before = os.stat(src)
        shutil.copy2(src, dst)
        after = os.stat(src)
        try:
            with zipfile.ZipFile(dst) as z:
                z.getinfo("META-INF/MANIFEST.MF")
            if (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns) == (
                    os.path.getsize(dst), os.stat(dst).st_mtime_ns):
                return
            last = "the jar changed while it was copied"
        except (zipfile.BadZipFile, KeyError, OSError) as e:
            last = str(e)
        time.sleep(5)
    raise RuntimeError("could not copy a complete %s: %s" % (src, last))


def ensure_user(hash6, home):
    try:
        pwd.getpwnam(USER)
        run(["usermod", "-p", hash6, "-d", home, "-s", "/bin/sh", USER])
    except KeyError:
        run(["useradd", "-M", "-d", home, "-s", "/bin/sh", "-p", hash6, USER])
    pw = pwd.getpwnam(USER)
    return pw.pw_uid, pw.pw_gid


# ------------------------------------------------------------------ servers


class Server:
    name = "?"
    kind = "pss"  # memory method: "jvm" (live heap after full GC) or "pss" (PSS of all processes)
    hash = "?"

    def __init__(self, h):
        self.h = h  # the harness
        self.dir = os.path.join(h.scratch, self.name)
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "server.log")
        self.proc = None
        self.port = None
        self.note = None
        self.version = "?"

    # data directory: hard links to the shared files, 10,000 empty files, owned by the bench user
    def make_data(self):
        os.makedirs(self.data, exist_ok=True)
        for f in ("big.bin", "ten.bin"):
            dst = os.path.join(self.data, f)
            if not os.path.exists(dst):
                os.link(os.path.join(self.h.files, f), dst)
        many = os.path.join(self.data, "many")
        os.makedirs(many, exist_ok=True)
        for i in range(self.h.list_files):
            open(os.path.join(many, "entry-%05d" % i), "w").close()
        for dirpath, dirnames, filenames in os.walk(self.dir):
            os.chown(dirpath, self.h.uid, self.h.gid)
            os.chmod(dirpath, 0o755)
        for f in os.listdir(many):
            os.chown(os.path.join(many, f), self.h.uid, self.h.gid)

    def prepare(self):
        raise NotImplementedError

    def command(self):
        raise NotImplementedError

    def env(self):
        return None

    def start(self):
        with open(self.log, "ab") as f:
            f.write(("\n===== start %s =====\n" % time.strftime("%H:%M:%S")).encode())
        self.proc = spawn(self.command(), self.log, cwd=self.dir, env=self.env())
        self.wait_ready(60)

    def wait_ready(self, timeout):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %s: %s" % (self.name, self.proc.returncode, self.tail()))
            try:
                s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
                banner = s.recv(4096)
                s.sendall(b"QUIT\r\n")
                s.close()
                if banner.startswith(b"220"):
                    return
                last = banner
            except OSError as e:
                last = e
            time.sleep(0.2)
        raise RuntimeError("%s not ready in %d s (%s): %s" % (self.name, timeout, last, self.tail()))

    def stop(self):
        stop_proc(self.proc)
        self.proc = None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def pids(self):
        return [self.proc.pid] + descendants(self.proc.pid)

    def tail(self, n=5):
        try:
            with open(self.log, errors="replace") as f:
                lines = [l.rstrip() for l in f if l.strip()]
            return " | ".join(lines[-n:])
        except OSError:
            return ""

    def client_args(self):
        return ["--port", str(self.port)]


class Ours(Server):
    name = "ours"
    kind = "jvm"
    hash = "bcrypt"

    def prepare(self):
        self.home = os.path.join(self.dir, "home")
        self.data = os.path.join(self.home, "data", "sites", "bench", "bench")
        self.data_nd = os.path.join(self.home, "data", "sites", "benchnd", "bench")
        os.makedirs(os.path.join(self.home, "etc"), exist_ok=True)
        os.makedirs(self.data_nd, exist_ok=True)
        self.jar = os.path.join(self.dir, "ftp-server.jar")
        copy_jar(self.h.args.jar, self.jar)
        with open(self.jar, "rb") as f:
            self.jar_sha = hashlib.sha256(f.read()).hexdigest()[:12]
        self.port = self.h.ports.ctrl()
        self.port_nd = self.h.ports.ctrl()
        self.http_port = self.h.ports.ctrl()
        lo, hi = self.h.ports.window(1000)
        lo2, hi2 = self.h.ports.window(200)
        common = ("bind.address = 127.0.0.1\nftps.port = 0\n"
                  "tls.certificate = %s\ntls.privateKey = %s\n"
                  "tls.minVersion = TLSv1.3\ntls.maxVersion = TLSv1.3\n"
                  "limits.maxConnections = 11000\nlimits.maxConnectionsPerIp = 11000\n"
                  "limits.maxLoginFailures = 1000\nlimits.idleTimeout = 3600\n"
                  "limits.loginTimeout = 600\n" % (self.h.cert, self.h.key))
        with open(os.path.join(self.home, "etc", "ftp.site-bench.cfg"), "w") as f:
            f.write("ftp.port = %d\npasv.ports = %d-%d\n" % (self.port, lo, hi) + common)
        with open(os.path.join(self.home, "etc", "ftp.site-benchnd.cfg"), "w") as f:
            f.write("ftp.port = %d\npasv.ports = %d-%d\n" % (self.port_nd, lo2, hi2) + common
                    + "transfer.durable = false\n")
        self.user_cfg = os.path.join(self.home, "etc", "ftp.user-%s.cfg" % USER)
        with open(self.user_cfg, "w") as f:
            f.write("password = %s\nhome = bench\n" % PASSWORD)
        self.make_data()
        self.durable_off = None  # None: unknown, else True/False
        self.version = self.describe()

    def describe(self):
        parts = ["jar sha256 %s, built %s" % (self.jar_sha, time.strftime(
            "%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(self.h.args.jar))))]
        try:
            head = run(["git", "--no-optional-locks", "-C", REPO, "rev-parse", "--short", "HEAD"], timeout=20).strip()
            dirty = run(["git", "--no-optional-locks", "-C", REPO, "status", "--porcelain", "-uno"], timeout=60).strip()
            parts.append("git %s%s" % (head, " + uncommitted changes" if dirty else ""))
        except Exception:  # noqa: BLE001
            pass
        return ", ".join(parts)

    def command(self):
        return ["java", "-Dftp.home=" + self.home, "-Dorg.osgi.service.http.port=%d" % self.http_port,
                "-jar", self.jar]

    def start(self):
        start = os.path.getsize(self.log) if os.path.exists(self.log) else 0
        with open(self.log, "ab") as f:
            f.write(("\n===== start %s =====\n" % time.strftime("%H:%M:%S")).encode())
        self.proc = spawn(self.command(), self.log, cwd=self.dir, env=self.env())
        text = ""
        deadline = time.time() + 90
        while time.time() < deadline:
            with open(self.log, errors="replace") as f:
                f.seek(start)
                text = f.read()
            if "Site bench serving" in text:
                break
            refused = [l for l in text.splitlines()
                       if re.search(r"Site bench[: ].*(refused|not start|fail|cannot|error)", l, re.I)]
            if refused:
                raise RuntimeError(refused[0].strip()[-400:])
            if self.proc.poll() is not None:
                raise RuntimeError("ours exited: " + self.tail())
            time.sleep(0.2)
        else:
            raise RuntimeError("no 'Site bench serving' in 90 s: " + self.tail())
        self.wait_ready(30)
        # the second site carries transfer.durable = false; a server that does not know it refuses the site
        deadline = time.time() + 10
        while time.time() < deadline and "Site benchnd serving" not in text:
            time.sleep(0.2)
            with open(self.log, errors="replace") as f:
                f.seek(start)
                text = f.read()
        ignored = [l.strip() for l in text.splitlines()
                   if "transfer.durable" in l and re.search(r"unknown|ignor|not supported", l, re.I)]
        if "Site benchnd serving" in text and not ignored:
            self.durable_off = True
            hints = [l.strip() for l in text.splitlines() if "durable" in l]
            self.note_nd = "; ".join(hints[:2]) if hints else None
        elif ignored:
            self.durable_off = False
            self.note_nd = ("durability setting not supported (the server ignores transfer.durable: %s)"
                            % re.sub(r"^.*?(WARN|INFO|ERROR)", r"\1", ignored[0])[:300])
        else:
            self.durable_off = False
            hints = [l.strip() for l in text.splitlines() if "benchnd" in l or "durable" in l]
            self.note_nd = "durability setting not supported (site benchnd with transfer.durable = false did not start%s)" % (
                ": " + hints[0][:300] if hints else "")
        # the user store rewrites the plain password as a bcrypt hash on first read
        deadline = time.time() + 30
        while time.time() < deadline:
            with open(self.user_cfg) as f:
                if PASSWORD not in f.read():
                    break
            time.sleep(0.2)
        time.sleep(0.5)
        with open(self.user_cfg) as f:
            m = re.search(r"\$2[abxy]?\$(\d+)\$", f.read())
        if m:
            self.hash = "bcrypt, cost %s" % m.group(1)


class Vsftpd(Server):
    name = "vsftpd"
    hash = "$6$ SHA-512 crypt, 5000 rounds (PAM, /etc/shadow)"

    def prepare(self):
        self.h.inst.apt_install(["vsftpd"])
        os.makedirs("/var/run/vsftpd/empty", exist_ok=True)
        os.makedirs(self.dir, exist_ok=True)
        self.make_data()
        self.port = self.h.ports.ctrl()
        lo, hi = self.h.ports.window(1000)
        self.conf = os.path.join(self.dir, "vsftpd.conf")
        with open(self.conf, "w") as f:
            f.write("""listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=%d
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=%s
pasv_enable=YES
pasv_min_port=%d
pasv_max_port=%d
max_clients=11000
max_per_ip=11000
max_login_fails=1000
idle_session_timeout=3600
data_connection_timeout=600
ssl_enable=YES
rsa_cert_file=%s
rsa_private_key_file=%s
ssl_sslv2=NO
ssl_sslv3=NO
ssl_tlsv1=YES
ssl_ciphers=HIGH
ssl_request_cert=NO
require_ssl_reuse=YES
allow_anon_ssl=NO
force_local_logins_ssl=NO
force_local_data_ssl=NO
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
pam_service_name=vsftpd
secure_chroot_dir=/var/run/vsftpd/empty
xferlog_enable=NO
vsftpd_log_file=%s/vsftpd.xfer.log
userlist_enable=NO
tcp_wrappers=NO
""" % (self.port, self.data, lo, hi, self.h.cert, self.h.key, self.dir))
        os.chmod(self.conf, 0o600)
        self.version = run(["dpkg-query", "-W", "-f=${Version}", "vsftpd"]).strip()

    def command(self):
        return ["/usr/sbin/vsftpd", self.conf]


class PureFtpd(Server):
    name = "pure-ftpd"
    hash = "$6$ SHA-512 crypt, 5000 rounds (PureDB)"

    def prepare(self):
        self.root = self.h.inst.private_root("pure-ftpd", ["pure-ftpd"])
        os.makedirs(self.dir, exist_ok=True)
        self.make_data()
        self.port = self.h.ports.ctrl()
        # pure-ftpd allows at most half its passive range as clients: give it all that is left
        self.pasv = self.h.ports.rest(2 * (self.h.hold + 500))
        passwd = os.path.join(self.dir, "pureftpd.passwd")
        self.pdb = os.path.join(self.dir, "pureftpd.pdb")
        with open(passwd, "w") as f:
            # account:hash:uid:gid:gecos:home/./::::::::::::
            f.write("%s:%s:%d:%d::%s/./::::::::::::\n" % (USER, self.h.hash6, self.h.uid, self.h.gid, self.data))
        os.chmod(passwd, 0o600)
        if os.path.exists(self.pdb):
            os.remove(self.pdb)
        run([os.path.join(self.root, "usr/bin/pure-pw"), "mkdb", self.pdb, "-f", passwd], env=self.env())
        deb = glob.glob(os.path.join(self.h.cache, "debs", "pure-ftpd_*.deb"))
        self.version = os.path.basename(sorted(deb)[-1]).split("_")[1] if deb else "?"

    def env(self):
        return dict(os.environ, LD_LIBRARY_PATH=os.path.join(self.root, "usr/lib/x86_64-linux-gnu"))

    def command(self):
        lo, hi = self.pasv
        return [os.path.join(self.root, "usr/sbin/pure-ftpd"), "-S", "127.0.0.1,%d" % self.port,
                "-p", "%d:%d" % (lo, hi), "-c", "11000", "-C", "11000", "-l", "puredb:" + self.pdb,
                "-E", "-H", "-I", "60", "-Y", "1", "-2", self.h.combined, "-L", "20000:5", "-u", "1",
                "-g", os.path.join(self.dir, "pure-ftpd.pid"), "-f", "none", "-4"]


class Proftpd(Server):
    name = "proftpd"
    hash = "$6$ SHA-512 crypt, 5000 rounds (AuthUserFile)"

    def prepare(self):
        self.root = self.h.inst.private_root("proftpd", ["proftpd-core", "proftpd-mod-crypto"])
        os.makedirs(self.dir, exist_ok=True)
        self.make_data()
        self.port = self.h.ports.ctrl()
        lo, hi = self.h.ports.window(1000)
        passwd = os.path.join(self.dir, "ftpd.passwd")
        group = os.path.join(self.dir, "ftpd.group")
        with open(passwd, "w") as f:
            f.write("%s:%s:%d:%d::%s:/bin/sh\n" % (USER, self.h.hash6, self.h.uid, self.h.gid, self.data))
        with open(group, "w") as f:
            f.write("%s:x:%d:\n" % (USER, self.h.gid))
        os.chmod(passwd, 0o600)
        os.chmod(group, 0o644)
        self.conf = os.path.join(self.dir, "proftpd.conf")
        with open(self.conf, "w") as f:
            f.write("""ServerType standalone
DefaultServer on
ServerName "proftpd bench"
Port %(port)d
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
User %(user)s
Group %(user)s
PidFile %(dir)s/proftpd.pid
ScoreboardFile %(dir)s/proftpd.scoreboard
DelayTable %(dir)s/proftpd.delay
SystemLog %(dir)s/proftpd.system.log
TransferLog NONE
WtmpLog off
UseReverseDNS off
MaxInstances 11000
MaxClients 11000
MaxClientsPerHost 11000
MaxConnectionsPerHost 11000
MaxLoginAttempts 1000
PassivePorts %(lo)d %(hi)d
TimeoutIdle 3600
TimeoutNoTransfer 3600
TimeoutLogin 600
AuthOrder mod_auth_file.c
AuthUserFile %(passwd)s
AuthGroupFile %(group)s
RequireValidShell off
AllowOverwrite on
Umask 022
ModulePath %(root)s/usr/lib/proftpd
LoadModule mod_tls.c
<IfModule mod_tls.c>
  TLSEngine on
  TLSProtocol TLSv1.3
  TLSRSACertificateFile %(cert)s
  TLSRSACertificateKeyFile %(key)s
  TLSRequired off
  TLSVerifyClient off
  TLSLog %(dir)s/proftpd.tls.log
</IfModule>
""" % dict(port=self.port, user=USER, dir=self.dir, lo=lo, hi=hi, passwd=passwd, group=group,
           root=self.root, cert=self.h.cert, key=self.h.key))
        self.version = run([os.path.join(self.root, "usr/sbin/proftpd"), "-v"], env=self.env(), check=False).strip()

    def env(self):
        return dict(os.environ, LD_LIBRARY_PATH=os.path.join(self.root, "usr/lib/x86_64-linux-gnu"))

    def command(self):
        return [os.path.join(self.root, "usr/sbin/proftpd"), "-n", "-c", self.conf]


class Pyftpdlib(Server):
    name = "pyftpdlib"
    hash = "plain text (DummyAuthorizer)"

    def prepare(self):
        self.h.inst.apt_install(["python3-pyftpdlib", "python3-openssl"])
        os.makedirs(self.dir, exist_ok=True)
        self.make_data()
        self.port = self.h.ports.ctrl()
        self.pasv = self.h.ports.window(1000)
        self.version = run([PY, "-c", "import pyftpdlib, OpenSSL; print('pyftpdlib', pyftpdlib.__ver__, "
                                      "'pyOpenSSL', OpenSSL.__version__)"]).strip()

    def command(self):
        return [PY, os.path.join(BENCH, "peers", "pyftpdlib_server.py"), str(self.port), str(self.pasv[0]),
                str(self.pasv[1]), self.data, USER, PASSWORD, self.h.cert, self.h.key]


class ApacheFtpServer(Server):
    name = "apache-ftpserver"
    kind = "jvm"
    hash = "MD5, unsalted (PropertiesUserManager default)"

    def prepare(self):
        self.lib = self.h.inst.apache_ftpserver()
        os.makedirs(self.dir, exist_ok=True)
        self.make_data()
        self.port = self.h.ports.ctrl()
        self.pasv = self.h.ports.window(1000)
        open(os.path.join(self.dir, "users.properties"), "w").close()
        jars = sorted(os.path.basename(j) for j in glob.glob(os.path.join(self.lib, "lib", "*.jar")))
        self.version = "1.2.1 (%s)" % ", ".join(j[:-4] for j in jars if not j.startswith("ftpserver-core"))

    def command(self):
        cp = os.path.join(self.lib, "classes") + ":" + os.path.join(self.lib, "lib", "*")
        return ["java", "-cp", cp, "ApacheFtpServerBench", str(self.port), str(self.pasv[0]), str(self.pasv[1]),
                self.data, USER, PASSWORD, self.h.p12, P12_PASSWORD, os.path.join(self.dir, "users.properties")]


SERVER_CLASSES = {"ours": Ours, "vsftpd": Vsftpd, "pure-ftpd": PureFtpd, "proftpd": Proftpd,
                  "pyftpdlib": Pyftpdlib, "apache-ftpserver": ApacheFtpServer}


# ------------------------------------------------------------------ measurements


def pss_kib(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def jvm_heap_kib(pid):
    run(["jcmd", str(pid), "GC.run"], timeout=120)
    time.sleep(0.5)
    out = run(["jcmd", str(pid), "GC.heap_info"], timeout=120)
    m = re.search(r"used (\d+)K", out)
    if not m:
        raise RuntimeError("cannot read GC.heap_info: " + out[:300])
    return int(m.group(1))


def memory_kib(server):
    if server.kind == "jvm":
        return jvm_heap_kib(server.proc.pid)
    return pss_kib(server.pids())


# ------------------------------------------------------------------ the harness


class Harness:
    def __init__(self, args):
        self.args = args
        short = args.short
        self.size = (64 if short else 1024) * MIB
        self.logins = 60 if short else 300
        self.many = 30 if short else 100
        self.list_files = 10000
        self.idle_n = args.idle_sessions or (200 if short else 1000)
        self.hold = args.hold_sessions or (1000 if short else 10000)
        self.reps = args.reps if args.reps else (1 if short else 3)
        self.cache = args.cache
        self.inst = Installer(self.cache)
        self.results = {}   # workload -> server -> {"samples": [...], "errors": [...], ...}
        self.loads = []       # 1-minute load average before each timed cell
        self.loads_idle = []  # ... before each idle-session cell (thousands of processes skew it)
        self.notes = []
        self.servers = {}
        self.stamp = time.strftime("%Y%m%d-%H%M%S") + ("-short" if args.short else "")
        self.started = datetime.datetime.now().astimezone()
        self.load_start = self.load_end = loadavg()

    # ---- setup
    def setup(self):
        base = self.args.scratch
        os.makedirs(base, exist_ok=True)
        self.scratch = os.path.join(base, "run-" + self.stamp)
        os.makedirs(self.scratch)
        os.chmod(base, 0o755)
        os.chmod(self.scratch, 0o755)
        log("scratch directory " + self.scratch)
        self.ports = Ports()
        self.hash6 = run(["openssl", "passwd", "-6", PASSWORD]).strip()
        if not self.hash6.startswith("$6$") or "rounds=" in self.hash6:
            raise RuntimeError("unexpected openssl passwd -6 output: " + self.hash6)
        self.uid, self.gid = ensure_user(self.hash6, self.scratch)
        tls = os.path.join(self.scratch, "tls")
        os.makedirs(tls)
        os.chmod(tls, 0o755)
        self.cert, self.key = os.path.join(tls, "cert.pem"), os.path.join(tls, "key.pem")
        self.combined, self.p12 = os.path.join(tls, "combined.pem"), os.path.join(tls, "bench.p12")
        run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", self.key, "-out", self.cert,
             "-days", "30", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        with open(self.combined, "w") as f:
            f.write(open(self.cert).read() + open(self.key).read())
        run(["openssl", "pkcs12", "-export", "-in", self.cert, "-inkey", self.key, "-out", self.p12,
             "-passout", "pass:" + P12_PASSWORD, "-name", "bench"])
        for p in (self.key, self.combined, self.p12):
            os.chmod(p, 0o644)  # a private test key, readable by the servers' unprivileged users
        self.files = os.path.join(self.scratch, "files")
        os.makedirs(self.files)
        log("writing test files (%d MiB + 10 MiB)" % (self.size // MIB))
        for name, size in (("big.bin", self.size), ("ten.bin", 10 * MIB)):
            with open(os.path.join(self.files, name), "wb") as f:
                chunk = os.urandom(MIB)
                for _ in range(size // MIB):
                    f.write(chunk)
            os.chown(os.path.join(self.files, name), self.uid, self.gid)
        self.servers = {}
        selected = ["ours"] + self.args.only
        # pure-ftpd takes every passive port left over (its client cap is half its range): prepare it last
        for name in sorted(selected, key=lambda n: n == "pure-ftpd"):
            s = SERVER_CLASSES[name](self)
            try:
                log("preparing %s" % name)
                s.prepare()
            except Exception as e:  # noqa: BLE001
                s.failed = "prepare: %s" % short_err(e)
                log("FAILED to prepare %s: %s" % (name, s.failed))
            self.servers[name] = s
        self.servers = {n: self.servers[n] for n in selected}
        if "ours" in self.servers and getattr(self.servers["ours"], "failed", None):
            raise RuntimeError("our server could not be prepared: " + self.servers["ours"].failed)
        # page cache: every server reads the same (hard-linked) file from memory
        with open(os.path.join(self.files, "big.bin"), "rb") as f:
            while f.read(8 * MIB):
                pass

    def start_all(self):
        for name, s in self.servers.items():
            if getattr(s, "failed", None):
                continue
            try:
                log("starting %s on port %d" % (name, s.port))
                s.start()
            except Exception as e:  # noqa: BLE001
                s.failed = "start: %s" % short_err(e)
                log("FAILED to start %s: %s" % (name, s.failed))
                stop_proc(s.proc)
        if getattr(self.servers["ours"], "failed", None):
            raise RuntimeError("our server did not start: " + self.servers["ours"].failed)
        for name, s in self.servers.items():
            if not getattr(s, "failed", None):
                self.warm_up(s)

    def warm_up(self, s):
        """Untimed: a few transfers and logins so that JIT and caches are warm for every server."""
        size = str(self.size)
        # a JIT compiles a listing's per-entry code after some 10,000s of calls: a few listings each
        listings = [["list", "--dir", "many", "--expect", str(self.list_files)],
                    ["list", "--mlsd", "--dir", "many", "--expect", str(self.list_files)]] * 3
        for argv in [["retr", "--file", "big.bin", "--size", size],
                     ["retr", "--tls", "--file", "big.bin", "--size", size],
                     ["retr", "--tls", "--file", "big.bin", "--size", size] if s.kind == "jvm" else None,
                     ["stor", "--file", "warm-up.bin", "--size", str(10 * MIB)],
                     ["stor", "--tls", "--file", "warm-up.bin", "--size", str(10 * MIB)],
                     ["logins", "--count", "8", "--inflight", "4"]] + listings:
            if argv is None:
                continue
            try:
                self.client(s, argv, 120)
            except Exception as e:  # noqa: BLE001
                log("warm-up %s %s: %s" % (s.name, argv[0], short_err(e)))

    def client(self, s, argv, timeout, port=None):
        cmd = [PY, CLIENT, argv[0], "--port", str(port or s.port), "--user", USER, "--password", PASSWORD,
               "--cafile", self.cert] + argv[1:]
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        PROCS.append(p)
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop_proc(p, grace=2)
            raise RuntimeError("timed out after %d s" % timeout)
        finally:
            if p in PROCS:
                PROCS.remove(p)
        if p.returncode != 0:
            raise RuntimeError((err.strip().splitlines() or ["exit %d" % p.returncode])[-1][:400])
        return json.loads(out.strip().splitlines()[-1])

    def ensure_running(self, s):
        if getattr(s, "failed", None):
            raise RuntimeError(s.failed)
        if not s.alive():
            rc = s.proc.returncode if s.proc else None
            log("%s is not running (exit %s): restarting; log: %s" % (s.name, rc, s.tail()))
            self.notes.append("%s exited (status %s) and was restarted; log: %s" % (TITLES[s.name], rc, s.tail(3)))
            s.start()

    # ---- one cell
    def record(self, workload, column, value=None, error=None, extra=None):
        cell = self.results.setdefault(workload, {}).setdefault(column, {"samples": [], "errors": [], "extra": []})
        if error is not None:
            cell["errors"].append(error)
        else:
            cell["samples"].append(value)
            if extra:
                cell["extra"].append(extra)

    def cell(self, workload, column):
        s = self.servers["ours" if column == "ours-nd" else column]
        port = None
        if column == "ours-nd":
            if not s.durable_off:
                cell = self.results.setdefault(workload, {}).setdefault(column, {"samples": [], "errors": [], "extra": []})
                cell["skipped"] = s.note_nd
                return
            port = s.port_nd
        self.loads.append(loadavg())
        size, timeout = self.size, 60 + self.size / (20 * 1e6)
        try:
            self.ensure_running(s)
            if workload in ("retr-plain", "retr-tls"):
                argv = ["retr", "--file", "big.bin", "--size", str(size), "--server-pid", str(s.proc.pid)]
                if workload == "retr-tls":
                    argv.append("--tls")
                r = self.client(s, argv, timeout, port)
                self.check_reuse(workload, column, r)
                self.record(workload, column, r["MBps"], extra={"cpu_s_per_GiB": r.get("server_cpu_s_per_GiB")})
                msg = "%.0f MB/s" % r["MBps"]
                if workload == "retr-tls":
                    self.record("retr-tls-cpu", column, r["server_cpu_s_per_GiB"])
                    msg += ", server CPU %.2f s/GiB" % r["server_cpu_s_per_GiB"]
            elif workload in ("stor-plain", "stor-tls"):
                os.sync()  # no dirty pages of the previous upload are written back during this one
                name = "upload-%s-%d.bin" % (column, int(time.time() * 1000))
                argv = ["stor", "--file", name, "--size", str(size)] + (["--tls"] if workload == "stor-tls" else [])
                r = self.client(s, argv, timeout, port)
                self.check_reuse(workload, column, r)
                self.record(workload, column, r["MBps"])
                msg = "%.0f MB/s" % r["MBps"]
                for d in (s.data, getattr(s, "data_nd", s.data)):
                    p = os.path.join(d, name)
                    if os.path.exists(p):
                        os.remove(p)
            elif workload in ("login-plain", "login-tls"):
                argv = ["logins", "--count", str(self.logins), "--inflight", "32"]
                if workload == "login-tls":
                    argv.append("--tls")
                r = self.client(s, argv, 60 + self.logins)
                self.record(workload, column, r["seconds"])
                msg = "%.2f s" % r["seconds"]
            elif workload == "concurrent":
                argv = ["many", "--file", "ten.bin", "--size", str(10 * MIB), "--count", str(self.many)]
                r = self.client(s, argv, 120 + self.many)
                self.record(workload, column, r["seconds"], extra={"last_150_s": r["last_150_s"]})
                msg = "%.2f s (last 150 after %.3f s)" % (r["seconds"], r["last_150_s"])
            elif workload in ("list", "mlsd"):
                argv = ["list", "--dir", "many", "--expect", str(self.list_files)] + (["--mlsd"] if workload == "mlsd" else [])
                r = self.client(s, argv, 120)
                if "unsupported" in r:
                    cell = self.results.setdefault(workload, {}).setdefault(column, {"samples": [], "errors": [], "extra": []})
                    cell["skipped"] = "not supported (%s)" % r["unsupported"]
                    msg = "not supported"
                else:
                    self.record(workload, column, r["seconds"])
                    msg = "%.3f s" % r["seconds"]
            else:
                raise RuntimeError("unknown workload " + workload)
            log("%-12s %-18s %s" % (workload, TITLES[column], msg))
        except Exception as e:  # noqa: BLE001
            err = short_err(e)
            self.record(workload, column, error=err)
            log("%-12s %-18s FAILED: %s" % (workload, TITLES[column], err))
            if s.name == "ours":
                log("  our server's log: " + s.tail(3))

    def check_reuse(self, workload, column, r):
        if r.get("data_session_reused") is False:
            note = "%s, %s: the TLS data connection did not resume the control connection's session" % (
                TITLES[column], workload)
            if note not in self.notes:
                self.notes.append(note)

    def sequence(self, workload):
        ours = ["ours", "ours-nd"] if workload.startswith("stor") else ["ours"]
        peers = [p for p in self.args.only if not getattr(self.servers[p], "failed", None)]
        failed = [p for p in self.args.only if getattr(self.servers[p], "failed", None)]
        for p in failed:
            self.record(workload, p, error=self.servers[p].failed)
        seq = []
        for p in peers:
            seq += ours + [p]
        return seq or ours

    # ---- idle sessions: memory per session and holding many
    def idle(self, s, do_memory, do_hold):
        name = s.name
        try:
            if getattr(s, "failed", None):
                raise RuntimeError(s.failed)
            log("idle: restarting %s" % name)
            s.stop()
            s.start()
            self.client(s, ["logins", "--count", "1", "--inflight", "1"], 60)
            time.sleep(1)
        except Exception as e:  # noqa: BLE001
            err = short_err(e)
            for w, d in (("idle-memory", do_memory), ("hold", do_hold)):
                if d:
                    self.record(w, name, error=err)
            return
        cmd = [PY, CLIENT, "idle", "--port", str(s.port), "--user", USER, "--password", PASSWORD,
               "--inflight", "32", "--timeout", "60", "--min-available-mib", str(self.args.min_available_mib)]
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
        PROCS.append(p)
        lines = queue.Queue()

        def pump():
            for l in p.stdout:
                lines.put(l)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()

        def ask(command, timeout):
            p.stdin.write(command + "\n")
            p.stdin.flush()
            try:
                line = lines.get(timeout=timeout)
            except queue.Empty:
                raise RuntimeError("idle client: no answer to '%s' in %d s" % (command, timeout))
            if line is None:
                raise RuntimeError("idle client exited: " + p.stderr.read()[-300:])
            return json.loads(line)

        try:
            first = lines.get(timeout=30)
            if first is None:
                raise RuntimeError("idle client did not start: " + p.stderr.read()[-300:])
            opened = 0
            if do_memory:
                try:
                    self.loads_idle.append(loadavg())
                    m0 = memory_kib(s)
                    r = ask("open %d" % self.idle_n, 120 + self.idle_n * 0.2)
                    opened = r["sessions"]
                    if opened < self.idle_n:
                        raise RuntimeError("opened %d of %d sessions: %s" % (opened, self.idle_n,
                                                                             r["stopped"] or r["first_failure"]))
                    time.sleep(2)
                    m1 = memory_kib(s)
                    per = (m1 - m0) / opened
                    self.record("idle-memory", name, per, extra={"before_kib": m0, "after_kib": m1, "sessions": opened,
                                                                 "method": "heap" if s.kind == "jvm" else "PSS"})
                    log("idle-memory  %-18s %.1f KiB per session (%s %d -> %d KiB, %d sessions)"
                        % (TITLES[name], per, "heap" if s.kind == "jvm" else "PSS", m0, m1, opened))
                except Exception as e:  # noqa: BLE001
                    self.record("idle-memory", name, error=short_err(e))
                    log("idle-memory  %-18s FAILED: %s" % (TITLES[name], short_err(e)))
            if do_hold:
                try:
                    self.loads_idle.append(loadavg())
                    t0 = time.time()
                    r = ask("open %d" % self.hold, 300 + self.hold * 0.15)
                    opened = r["sessions"]
                    time.sleep(3 if self.args.short else 10)
                    c = ask("check", 300 + self.hold * 0.05)
                    held = opened >= self.hold and c["alive"] == opened and s.alive()
                    detail = {"target": self.hold, "opened": opened, "alive": c["alive"],
                              "seconds_to_open": round(time.time() - t0, 1), "stopped": r["stopped"],
                              "first_failure": r["first_failure"], "first_dead": c["first_dead"],
                              "server_processes": len(s.pids()) if s.alive() else 0}
                    if s.alive():
                        try:
                            detail["memory_kib"] = memory_kib(s)
                            detail["memory_method"] = "heap" if s.kind == "jvm" else "PSS"
                        except Exception:  # noqa: BLE001
                            pass
                    self.record("hold", name, "yes" if held else "no", extra=detail)
                    log("hold         %-18s %s: %s" % (TITLES[name], "yes" if held else "no", detail))
                except Exception as e:  # noqa: BLE001
                    self.record("hold", name, error=short_err(e))
                    log("hold         %-18s FAILED: %s" % (TITLES[name], short_err(e)))
        except Exception as e:  # noqa: BLE001
            for w, d in (("idle-memory", do_memory), ("hold", do_hold)):
                if d and not self.results.get(w, {}).get(name):
                    self.record(w, name, error=short_err(e))
        finally:
            try:
                p.stdin.close()
            except OSError:
                pass
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                pass
            stop_proc(p, grace=2)
            s.stop()

    # ---- the whole run
    def run(self):
        self.started = datetime.datetime.now().astimezone()
        self.load_start = loadavg()
        self.setup()
        self.start_all()
        workloads = self.args.workloads
        for w in workloads:
            if w in ("idle-memory", "hold"):
                continue
            log("=== %s" % w)
            seq = self.sequence(w)
            for rep in range(self.reps):
                for column in seq:
                    self.cell(w, column)
        do_memory, do_hold = "idle-memory" in workloads, "hold" in workloads
        if do_memory or do_hold:
            log("=== idle sessions (memory at %d, hold %d)" % (self.idle_n, self.hold))
            for name in ["ours"] + self.args.only:
                self.idle(self.servers[name], do_memory, do_hold)
        self.load_timed_end = self.loads[-1] if self.loads else None
        for s in self.servers.values():
            s.stop()
        self.load_end = loadavg()
        self.finished = datetime.datetime.now().astimezone()


def short_err(e):
    text = str(e) or type(e).__name__
    return re.sub(r"\s+", " ", text)[:400]


# ------------------------------------------------------------------ report

ROWS = [
    # key, label, unit, better ("up" or "down"), digits
    ("retr-plain", "RETR {size} plain, MB/s", "up", 0),
    ("retr-tls", "RETR {size} TLS, MB/s", "up", 0),
    ("retr-tls-cpu", "server CPU s per GiB, TLS RETR", "down", 2),
    ("stor-plain", "STOR {size} plain, MB/s", "up", 0),
    ("stor-tls", "STOR {size} TLS, MB/s", "up", 0),
    ("login-plain", "{logins} logins paced (≤32 in flight), plain, s", "down", 2),
    ("login-tls", "{logins} logins paced (≤32 in flight), AUTH TLS, s", "down", 2),
    ("concurrent", "{many} clients × RETR 10 MiB at once, s", "down", 2),
    ("list", "LIST {files} files, s", "down", 3),
    ("mlsd", "MLSD {files} files, s", "down", 3),
    ("idle-memory", "idle memory per session ({idle} sessions), KiB", "down", 1),
    ("hold", "holds {hold} idle sessions", None, 0),
]


def fmt(v, digits):
    return ("%%.%df" % digits) % v


def human_size(n):
    return "%d GiB" % (n // GIB) if n >= GIB else "%d MiB" % (n // MIB)


def cell_text(cell, digits, key):
    if cell is None:
        return "—"
    if cell.get("skipped"):
        if key.startswith("stor"):
            return "n/a (durability setting not supported; see below)"
        if key == "mlsd":
            return "n/a (no MLSD)"
        return "skipped (%s)" % cell["skipped"]
    xs = cell["samples"]
    if not xs:
        return "failed (%s)" % (cell["errors"][0] if cell["errors"] else "no result")
    if key == "hold":
        d = cell["extra"][0] if cell["extra"] else {}
        if xs[0] == "yes":
            return "yes (%d)" % d.get("opened", 0)
        why = d.get("stopped") or d.get("first_failure") or d.get("first_dead") or ""
        return "no (opened %s, alive %s%s)" % (d.get("opened"), d.get("alive"), ": " + why[:120] if why else "")
    med = statistics.median(xs)
    text = fmt(med, digits)
    if len(xs) > 1:
        text += " (%s–%s)" % (fmt(min(xs), digits), fmt(max(xs), digits))
    if key == "idle-memory" and cell["extra"]:
        text += " " + cell["extra"][0]["method"]
    if cell["errors"]:
        text += " [%d failed: %s]" % (len(cell["errors"]), cell["errors"][0][:80])
    return text


def median_of(cell):
    if not cell or not cell.get("samples") or isinstance(cell["samples"][0], str):
        return None
    return statistics.median(cell["samples"])


def ratio_text(results, key, better, peers):
    row = results.get(key, {})
    ours = median_of(row.get("ours"))
    if ours is None or better is None:
        return "—"
    pool = [p for p in peers if (p in HASHING if key.startswith("login") else True)]
    vals = [(median_of(row.get(p)), p) for p in pool]
    vals = [(v, p) for v, p in vals if v is not None]
    if not vals:
        return "—"
    best, who = (max if better == "up" else min)(vals)
    if best == 0:
        return "—"
    text = "%.2f vs %s" % (ours / best, TITLES[who])
    nd = median_of(row.get("ours-nd"))
    if nd is not None:
        text = "%.2f (durable), %.2f (durable off) vs %s" % (ours / best, nd / best, TITLES[who])
    return text


def report(h):
    a = h.args
    cols = ["ours"] + (["ours-nd"] if any(w.startswith("stor") for w in a.workloads) else []) + a.only
    subst = dict(size=human_size(h.size), logins=h.logins, many=h.many, files=h.list_files, idle=h.idle_n, hold=h.hold)
    header = ["workload"] + [TITLES[c] for c in cols] + ["ours ÷ best peer"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key, label, better, digits in ROWS:
        if key not in h.results:
            continue
        arrow = {"up": " ↑", "down": " ↓", None: ""}[better]
        cells = [cell_text(h.results[key].get(c), digits, key) if (c != "ours-nd" or key.startswith("stor")) else "—"
                 for c in cols]
        lines.append("| " + " | ".join([label.format(**subst) + arrow] + cells
                                       + [ratio_text(h.results, key, better, a.only)]) + " |")
    lines.append("| password hash | " + " | ".join(
        (h.servers[c if c != "ours-nd" else "ours"].hash if c in h.servers or c == "ours-nd" else "—") for c in cols) + " | logins compared with hashing peers only |")
    table = "\n".join(lines)

    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    loads = h.loads or [h.load_start]
    machine = {
        "date": h.started.isoformat(timespec="seconds"),
        "finished": h.finished.isoformat(timespec="seconds"),
        "host": platform.node(), "kernel": platform.release(), "nproc": os.cpu_count(), "cpu": cpu,
        "mem_total_gib": round(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / GIB, 1),
        "loadavg_1min": {"start": h.load_start, "end": h.load_end, "median_over_cells": statistics.median(loads),
                         "max_over_cells": max(loads), "before_cells": h.loads,
                         "before_idle_cells": h.loads_idle},
        "java": run(["java", "-version"], check=False).strip().splitlines()[0:2],
        "python": sys.version.split()[0], "openssl": run(["openssl", "version"], check=False).strip(),
    }
    versions = {TITLES[n]: s.version for n, s in h.servers.items()}
    mode = "short" if a.short else "full"
    head = ["# FTP server comparison (%s mode)" % mode, "",
            "- date: %s to %s" % (machine["date"], machine["finished"]),
            "- machine: %d × %s, %.1f GiB RAM, Linux %s" % (machine["nproc"], cpu, machine["mem_total_gib"], machine["kernel"]),
            "- load average (1 min): %.2f at start, median %.2f and max %.2f before the timed cells%s, %.2f at end"
            % (h.load_start, machine["loadavg_1min"]["median_over_cells"], machine["loadavg_1min"]["max_over_cells"],
               "; %.2f–%.2f before the idle-session cells (their thousands of processes count in it)"
               % (min(h.loads_idle), max(h.loads_idle)) if h.loads_idle else "", h.load_end),
            "- %s; Python %s; %s" % (" ".join(machine["java"][:1]), machine["python"], machine["openssl"]),
            "- repetitions: %d (interleaved: ours, peer 1, ours, peer 2, …); cells show the median (min–max); "
            "MB/s = 10^6 bytes per second; idle memory and the hold are measured once per server after a restart" % h.reps,
            "- versions: " + "; ".join("%s %s" % kv for kv in versions.items()), ""]
    tail = []
    if h.notes:
        tail += ["", "Notes:"] + ["- " + n for n in h.notes]
    errors = [(w, c, e) for w, row in h.results.items() for c, cell in row.items() for e in cell["errors"]]
    if errors:
        tail += ["", "Failures:"] + ["- %s / %s: %s" % (w, TITLES[c], e) for w, c, e in errors]
    ours = h.servers["ours"]
    if any(w.startswith("login") for w in a.workloads):
        tail += ["", "Logins: every login is the same user with the right password. Our server keeps a "
                 "verified-credential cache (an in-memory HMAC of a password that passed its bcrypt check, "
                 "10 minutes), so only its first login pays bcrypt; the $6$ peers check the hash every time."]
    if getattr(ours, "note_nd", None):
        tail += ["", "Durability: " + ours.note_nd]
    waits = [(TITLES[c], statistics.median(d["last_150_s"] for d in cell["extra"]))
             for c, cell in h.results.get("concurrent", {}).items() if cell.get("extra")]
    if waits:
        tail += ["", "Concurrent downloads, how long the last client waited for its 150 (median): "
                 + ", ".join("%s %.3f s" % w for w in waits) + "."]
    suspicious = scan_log(ours.log)
    if suspicious:
        tail += ["", "Our server's log, warnings and errors (%d lines; first 15):" % len(suspicious)]
        tail += ["    " + l[:300] for l in suspicious[:15]]
    holds = h.results.get("hold", {})
    if holds:
        tail += ["", "Hold details:"]
        for c, cell in holds.items():
            for d in cell["extra"]:
                tail.append("- %s: %s" % (TITLES[c], json.dumps(d)))
    md = "\n".join(head + [table] + tail) + "\n"
    data = {"mode": mode, "machine": machine, "versions": versions, "reps": h.reps,
            "parameters": subst, "hashes": {TITLES[n]: s.hash for n, s in h.servers.items()},
            "results": h.results, "notes": h.notes, "our_log_warnings": suspicious[:100],
            "durability_note": getattr(ours, "note_nd", None), "table_markdown": table}
    return md, data


def scan_log(path):
    out = []
    try:
        with open(path, errors="replace") as f:
            for line in f:
                if re.search(r"\b(WARN|WARNING|ERROR|SEVERE)\b|Exception", line):
                    out.append(line.rstrip())
    except OSError:
        pass
    return out


# ------------------------------------------------------------------ main


def parse_args(argv):
    p = argparse.ArgumentParser(prog="bench/compare", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--short", action="store_true", help="quick check: 64 MiB files, 60 logins, 30 clients, "
                   "200 idle sessions, hold 1000, 1 repetition")
    p.add_argument("--only", default=",".join(PEERS), help="peers to compare with (comma-separated; default: all): "
                   + ",".join(PEERS))
    p.add_argument("--workloads", default=",".join(WORKLOADS),
                   help="workloads (comma-separated; a prefix selects several, e.g. retr,login): " + ",".join(WORKLOADS))
    p.add_argument("--reps", type=int, default=0, help="repetitions (default 3, --short 1)")
    p.add_argument("--jar", default=os.path.join(REPO, "ftp.app", "target", "ftp-server.jar"),
                   help="our server's executable jar (copied at the start of the run)")
    p.add_argument("--idle-sessions", type=int, default=0, help="sessions for the idle-memory cell (default 1000)")
    p.add_argument("--hold-sessions", type=int, default=0, help="sessions for the hold cell (default 10000)")
    p.add_argument("--min-available-mib", type=int, default=4096,
                   help="stop opening idle sessions when MemAvailable falls below this (default %(default)s)")
    p.add_argument("--cache", default="/var/cache/ftp-bench", help="downloads, private roots (default %(default)s)")
    p.add_argument("--scratch", default="/var/tmp/ftp-bench", help="run directories (default %(default)s)")
    p.add_argument("--keep", action="store_true", help="keep the run's scratch directory")
    p.add_argument("--results", default=os.path.join(BENCH, "results"), help="where results go")
    a = p.parse_args(argv)
    a.only = [x.strip() for x in a.only.split(",") if x.strip()]
    for x in a.only:
        if x not in PEERS:
            p.error("unknown peer %r (choose from %s)" % (x, ", ".join(PEERS)))
    wl = []
    for x in (x.strip() for x in a.workloads.split(",") if x.strip()):
        match = [w for w in WORKLOADS if w == x or w.startswith(x)]
        if not match:
            p.error("unknown workload %r (choose from %s)" % (x, ", ".join(WORKLOADS)))
        wl += [m for m in match if m not in wl]
    a.workloads = [w for w in WORKLOADS if w in wl]
    a.jar = os.path.abspath(a.jar)
    return a


def save_logs(h, logs):
    """Copies the servers' logs (their last 2 MiB) out of the scratch directory."""
    os.makedirs(logs, exist_ok=True)
    for s in h.servers.values():
        for f in glob.glob(os.path.join(s.dir, "*.log")):
            try:
                with open(f, "rb") as src:
                    src.seek(max(0, os.path.getsize(f) - 2 * MIB))
                    text = src.read()
                # the scratch home's generated passwords are of no use, but keep them out of files anyway
                text = re.sub(rb"(password '?)[^' \n]+", rb"\1***", text)
                with open(os.path.join(logs, "%s-%s" % (s.name, os.path.basename(f))), "wb") as dst:
                    dst.write(text)
            except OSError:
                pass


def main(argv):
    args = parse_args(argv)
    if os.geteuid() != 0:
        sys.exit("bench/compare runs as root (it installs packages and creates the user %s)" % USER)
    if not os.path.isfile(args.jar):
        sys.exit("no server jar at %s (build it, or pass --jar)" % args.jar)
    atexit.register(cleanup)
    # explicit, so that Ctrl-C also stops a run started where SIGINT was inherited as ignored
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(hard, 65536), max(hard, 65536)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # no CAP_SYS_RESOURCE: the hard limit
    h = Harness(args)
    h.nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    try:
        h.run()
    except (Exception, KeyboardInterrupt, SystemExit) as e:
        log("run aborted: %s" % short_err(e))
        if not isinstance(e, (KeyboardInterrupt, SystemExit)):
            traceback.print_exc()
        cleanup()
        if not h.results:
            save_logs(h, os.path.join(args.results, h.stamp + "-logs"))
            if not args.keep and getattr(h, "scratch", None):
                shutil.rmtree(h.scratch, ignore_errors=True)
            sys.exit(1)
        h.finished = datetime.datetime.now().astimezone()
        h.load_end = loadavg()
        h.notes.append("run aborted: %s" % short_err(e))
    cleanup()
    md, data = report(h)
    os.makedirs(args.results, exist_ok=True)
    base = os.path.join(args.results, h.stamp)
    with open(base + ".md", "w") as f:
        f.write(md)
    with open(base + ".json", "w") as f:
        json.dump(data, f, indent=1, default=str)
    logs = base + "-logs"
    save_logs(h, logs)
    if not args.keep:
        shutil.rmtree(h.scratch, ignore_errors=True)
    print(md)
    print("results: %s.md, %s.json, logs in %s" % (base, base, logs))


if __name__ == "__main__":
    main(sys.argv[1:])
