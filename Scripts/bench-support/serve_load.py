"""The service's loopback load test for Scripts/bench (`--serve`): `gazetteer serve` (release) on a free
loopback port with wrk (Debian; installed when missing) as the client, both on this machine's cores.

- GET /v1/resolve over 10,000 distinct real names (a seeded sample of the database's `name` table), each
  connection walking the list from its own offset (a wrk Lua script);
- POST /v1/annotate of real articles (Gazetteer/samples/*.txt and, when present, ../shared/eval/dev texts:
  the LGL articles and the seed article), cycled;

at 16, 64 and 256 connections, 10 s each after a 2 s warm-up: requests/s, p50 and p99 latency, errors (socket
errors and non-2xx answers), annotated MB/s, the server's CPU time per request (utime + stime over the row,
which the load of other processes blurs less than requests/s), and its resident memory (VmRSS, and its peak
VmHWM over the whole run, from /proc)."""
import json
import os
import random
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

from tools import CLI, ROOT, database_names, fail, run

CONNECTIONS = (16, 64, 256)
SECONDS = 10
DEV = ROOT.parent / "shared" / "eval" / "dev"

# Each wrk thread walks the request list from an offset of its own; done() prints one JSON line of figures.
LUA = r"""
local paths, bodies, method = {}, {}, "%(method)s"
for line in io.lines("%(requests)s") do
  if method == "GET" then paths[#paths + 1] = line else bodies[#bodies + 1] = line:gsub("\\n", "\n") end
end
local count = method == "GET" and #paths or #bodies
local counter, threads = 0, {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  threads[#threads + 1] = thread
end
function init(args) counter = offset end
function request()
  counter = counter + 1
  local i = counter %% count + 1
  if method == "GET" then return wrk.format("GET", paths[i]) end
  return wrk.format("POST", "/v1/annotate", {["Content-Type"] = "text/plain; charset=utf-8"}, bodies[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %%d, "seconds": %%f, "p50_us": %%d, "p99_us": %%d, "errors": %%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def names(database, work, count=10_000):
    """10,000 distinct real names as request paths, one a line."""
    distinct = sorted({name for name in database_names(database) if name.strip() and "\n" not in name})
    if len(distinct) < count:
        fail(f"the database has {len(distinct)} distinct names; the load test needs {count}")
    chosen = random.Random(15).sample(distinct, count)
    path = work / "resolve-paths.txt"
    path.write_text("".join(f"/v1/resolve?{urllib.parse.urlencode({'q': name})}\n" for name in chosen))
    return path


def articles(work):
    """Real article texts, one a line (line breaks escaped for the Lua script), and their mean size in bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "Gazetteer/samples").glob("*.txt"))]
    if (DEV / "seed-article.txt").exists():
        texts.append((DEV / "seed-article.txt").read_text(encoding="utf-8"))
    if (DEV / "lgl.xml").exists():
        texts += [a.findtext("text") or "" for a in ET.parse(DEV / "lgl.xml").getroot().iter("article")]
    texts = [t.replace("\\", "\u29f5").replace("\r", "") for t in texts if t.strip()]
    path = work / "annotate-bodies.txt"
    path.write_text("".join(t.replace("\n", "\\n") + "\n" for t in texts), encoding="utf-8")
    return path, sum(len(t.encode()) for t in texts) / len(texts), len(texts)


def memory(pid):
    """(VmRSS, VmHWM, RssAnon) of the server in MB. VmRSS includes the pages of the database that the
    lookups have touched, through the one map its connections share; RssAnon is the service's own memory."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return tuple(int(fields[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM", "RssAnon"))


def cpu_seconds(pid):
    """The server's CPU time so far (user + system), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(port, script, connections, seconds):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", script,
               f"http://127.0.0.1:{port}"]
    output = run(command, f"wrk at {connections} connections")
    return json.loads(next(line for line in output.splitlines() if line.startswith("{")))


def measure(database, work):
    """Rows of (load, connections, req/s, p50 ms, p99 ms, errors, MB/s, CPU µs per request, RSS MB, anonymous
    MB) and the peak RSS."""
    if not shutil.which("wrk"):
        run(["apt-get", "install", "-y", "-q", "wrk"], "installing wrk")
    work.mkdir(parents=True, exist_ok=True)
    loads = {}
    for name, method, requests in (("resolve", "GET", names(database, work)),
                                   ("annotate", "POST", articles(work)[0])):
        script = work / f"{name}.lua"
        script.write_text(LUA % {"method": method, "requests": requests})
        loads[name] = script
    _, article_bytes, article_count = articles(work)
    port = free_port()
    log = open(work / "serve.log", "w")
    server = subprocess.Popen([CLI, "serve", "--db", database, "--port", str(port)], stdout=log, stderr=log)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=1).read()
                break
            except OSError:
                if server.poll() is not None:
                    fail(f"gazetteer serve exited {server.returncode}; see {work / 'serve.log'}")
                time.sleep(0.2)
        rows = []
        for name, script in loads.items():
            wrk(port, script, 16, 2)  # warm-up: caches, the page cache, the allocator
            for connections in CONNECTIONS:
                cpu = cpu_seconds(server.pid)
                figures = wrk(port, script, connections, SECONDS)
                cpu = cpu_seconds(server.pid) - cpu
                rate = figures["requests"] / figures["seconds"]
                rss, _, anonymous = memory(server.pid)
                megabytes = rate * article_bytes / 1e6 if name == "annotate" else None
                rows.append((name, connections, rate, figures["p50_us"] / 1000, figures["p99_us"] / 1000,
                             figures["errors"], megabytes, cpu * 1e6 / max(1, figures["requests"]), rss, anonymous))
        peak = memory(server.pid)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return rows, peak, article_count, article_bytes


def markdown(rows, peak, article_count, article_bytes):
    lines = ["| load | connections | requests/s | p50 ms | p99 ms | errors | annotated MB/s | server CPU µs/request "
             "| server RSS MB | of which anonymous |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, connections, rate, p50, p99, errors, megabytes, cpu, rss, anonymous in rows:
        mb = f"{megabytes:.1f}" if megabytes is not None else ""
        lines.append(f"| {name} | {connections} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {errors} | {mb} | {cpu:.0f} | {rss:.0f} "
                     f"| {anonymous:.0f} |")
    lines.append(f"\nResolve: 10,000 distinct names of the database, GET /v1/resolve?q=…. Annotate: {article_count} "
                 f"real articles (mean {article_bytes / 1000:.1f} kB) as text/plain. Peak server RSS (VmHWM): "
                 f"{peak:.0f} MB; RSS includes the pages of the memory-mapped database the requests touched (one map, "
                 f"shared by the lookup connections), the anonymous column is the service's own memory. Server CPU per request: its user + system time over the row divided by the requests answered. wrk -t2, {SECONDS} s per row, on the same cores as "
                 f"the server.")
    return "\n".join(lines)
