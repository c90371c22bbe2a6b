"""Interactive-session latency and throughput of a real `vantage serve` (see session-latency.sh and
Benchmarks/README.md, "Interactive sessions: latency and frames/s").

The script makes the stadium sample if it is missing (`vantage sample stadium`), records it into a
replay store in the work folder (`vantage record` fed by `vantage ingest`, as fast as the recorder
takes the packets), starts `vantage serve --rig <sample>/rig.json --store <store>` on a free loopback
port and talks to `/api/session` over WebSockets as the viewer page does:

- latency: one session, one view request at a time; the next is sent only once the previous frame
  arrived and a pause longer than the server's 200 ms "moving" gap has passed, so every frame is a
  full-size frame at rest. Latency = the request's send to the frame's last byte received (client,
  `time.perf_counter`), beside the server's own `vantage_session_frame_latency_seconds{camera="resting"}`
  (request arrival to the frame handed to the socket), whose mean (_sum/_count) is exact and whose
  quantiles are interpolated in its buckets (coarse: ...100, 250, 500 ms, 1 s...).
- throughput: 1, 4, 16 sessions at once, each dragging the camera (a new pose every 50 ms, an orbit
  at 30 degrees a second), counting the frames each receives, by size.
- the server's VmRSS and VmHWM (/proc/PID/status) after each phase and at the end.
"""
import argparse, asyncio, json, math, os, re, signal, socket, statistics, subprocess, sys, time, urllib.request

from websockets.asyncio.client import connect

ORBIT_RADIUS = 62.0   # metres from the centre spot, about the source cameras' distance (48-84 m)
ORBIT_HEIGHT = 15.0   # metres above the pitch, within the sources' heights (8-23 m)
FOV = 55.0            # degrees, as Samples/seat.json


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def orbit_pose(degrees, radius=ORBIT_RADIUS, height=ORBIT_HEIGHT):
    a = math.radians(degrees)
    return {"position": [radius * math.cos(a), radius * math.sin(a), height], "lookAt": [0, 0, 0],
            "up": [0, 0, 1], "horizontalFieldOfViewDegrees": FOV}


def quantile(values, q):
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    s = sorted(values)
    pos = (len(s) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def summary_ms(seconds):
    if not seconds:
        return {"n": 0}
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50": quantile(ms, 0.5), "p95": quantile(ms, 0.95), "mean": statistics.fmean(ms),
            "min": min(ms), "max": max(ms)}


# ---- the server's /metrics and /proc ------------------------------------------------------------

LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)')


def scrape(base):
    """{(name, frozenset(labels)): value} from Prometheus' text format."""
    with urllib.request.urlopen(base + "/metrics", timeout=10) as response:
        text = response.read().decode()
    values = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        m = LINE.match(line)
        if not m:
            continue
        labels = frozenset(re.findall(r'(\w+)="([^"]*)"', m.group(3) or ""))
        values[(m.group(1), labels)] = float(m.group(4))
    return values


def histogram(before, after, name, **labels):
    """Delta of a histogram between two scrapes: count, sum, [(le, cumulative count)]."""
    want = set(labels.items())

    def pick(values, suffix):
        return {k: v for k, v in values.items() if k[0] == name + suffix and want <= set(k[1])}

    def delta(suffix):
        a, b = pick(after, suffix), pick(before, suffix)
        return {k: v - b.get(k, 0.0) for k, v in a.items()}

    count = sum(delta("_count").values())
    total = sum(delta("_sum").values())
    buckets = sorted(((math.inf if dict(k[1])["le"] == "+Inf" else float(dict(k[1])["le"])), v)
                     for k, v in delta("_bucket").items())
    return {"count": int(round(count)), "sum": total, "buckets": buckets}


def histogram_quantile(h, q):
    """Prometheus' histogram_quantile: linear within the bucket that holds the rank."""
    if h["count"] == 0:
        return None
    rank = q * h["count"]
    previous_le, previous_count = 0.0, 0.0
    for le, cumulative in h["buckets"]:
        if cumulative >= rank:
            if math.isinf(le):
                return previous_le
            if cumulative == previous_count:
                return le
            return previous_le + (le - previous_le) * (rank - previous_count) / (cumulative - previous_count)
        previous_le, previous_count = le, cumulative
    return previous_le


def counter(before, after, name, **labels):
    want = set(labels.items())
    return sum(v - before.get(k, 0.0) for k, v in after.items() if k[0] == name and want <= set(k[1]))


def server_view(before, after, resting=True):
    h = histogram(before, after, "vantage_session_frame_latency_seconds", camera="resting" if resting else "moving")
    render = histogram(before, after, "vantage_render_seconds", kind="view")
    out = {"frames": h["count"],
           "meanMs": h["sum"] / h["count"] * 1000 if h["count"] else None,
           "p50MsFromBuckets": (histogram_quantile(h, 0.5) or 0) * 1000 if h["count"] else None,
           "p95MsFromBuckets": (histogram_quantile(h, 0.95) or 0) * 1000 if h["count"] else None,
           "renderJobs": render["count"],
           "renderSeconds": render["sum"],
           "renderMeanMs": render["sum"] / render["count"] * 1000 if render["count"] else None}
    return out


def caches(before, after):
    """Depth and decoded-frame cache lookups between two scrapes, and the bytes each holds after."""
    out = {}
    for cache in ("depth", "decoded_frames"):
        out[cache] = {"hits": int(counter(before, after, "vantage_cache_hits_total", cache=cache)),
                      "misses": int(counter(before, after, "vantage_cache_misses_total", cache=cache)),
                      "MB": sum(v for k, v in after.items() if k[0] == "vantage_cache_bytes" and ("cache", cache) in k[1]) / 1e6}
    return out


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                fields[key] = int(value.split()[0])  # kB, or a count
    return {"rssMB": fields["VmRSS"] * 1024 / 1e6, "hwmMB": fields["VmHWM"] * 1024 / 1e6, "threads": fields["Threads"]}


def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


# ---- a session ---------------------------------------------------------------------------------

class Session:
    """One WebSocket session: sends view requests, collects each frame with its arrival time."""

    def __init__(self, ws):
        self.ws = ws
        self.sent = {}          # id -> perf_counter at send
        self.frames = []        # dicts: id, t, width, height, moving, bytes, keyframe, codec
        self.errors = []        # (t, id, message)
        self.waiters = {}       # id -> future resolved with the frame at rest
        self.reader = asyncio.create_task(self._read())

    async def _read(self):
        header = None
        async for message in self.ws:
            now = time.perf_counter()
            if isinstance(message, str):
                h = json.loads(message)
                if h.get("error"):
                    self.errors.append((now, h.get("id"), h["error"]))
                    waiter = self.waiters.pop(h.get("id"), None)
                    if waiter and not waiter.done():
                        waiter.set_exception(RuntimeError(f"server error for request {h.get('id')}: {h['error']}"))
                    header = None
                else:
                    header = h
                continue
            if header is None:
                raise RuntimeError("a binary message without a header")
            frame = {"id": header["id"], "t": now, "width": header["width"], "height": header["height"],
                     "moving": header.get("moving", False), "bytes": len(message), "keyframe": header.get("keyframe"),
                     "codec": header.get("codec"), "dropped": header.get("dropped", 0)}
            header = None
            self.frames.append(frame)
            waiter = self.waiters.get(frame["id"])
            if waiter and not frame["moving"] and not waiter.done():
                self.waiters.pop(frame["id"])
                waiter.set_result(frame)

    async def send(self, request_id, time_seconds, pose, width, height):
        message = json.dumps({"id": request_id, "time": time_seconds, "pose": pose, "size": {"width": width, "height": height}})
        self.sent[request_id] = time.perf_counter()
        await self.ws.send(message)

    async def request_at_rest(self, request_id, time_seconds, pose, width, height, timeout):
        waiter = asyncio.get_running_loop().create_future()
        self.waiters[request_id] = waiter
        await self.send(request_id, time_seconds, pose, width, height)
        frame = await asyncio.wait_for(waiter, timeout)
        return frame["t"] - self.sent[request_id], frame

    async def close(self):
        await self.ws.close()
        try:
            await asyncio.wait_for(self.reader, 5)
        except Exception:
            pass


def open_session(port, codec):
    return connect(f"ws://127.0.0.1:{port}/api/session?codec={codec}", max_size=None, compression=None,
                   open_timeout=30, ping_interval=None)


async def latency_run(port, base, codec, poses, args, label):
    """One request at a time, each after the previous frame plus a pause: every frame at rest."""
    async with open_session(port, codec) as ws:
        session = Session(ws)
        before = scrape(base)
        latencies, sizes, frames = [], [], []
        for i, (seconds, pose) in enumerate(poses):
            latency, frame = await session.request_at_rest(i + 1, seconds, pose, args.width, args.height, args.request_timeout)
            if (frame["width"], frame["height"]) != (args.width, args.height):
                raise RuntimeError(f"{label}: frame {i + 1} is {frame['width']}x{frame['height']}, expected {args.width}x{args.height}")
            latencies.append(latency)
            sizes.append(frame["bytes"])
            frames.append(frame)
            await asyncio.sleep(args.pause)
        # Let the server's histogram see the last frame (recorded after the socket write returns).
        await asyncio.sleep(0.05)
        after = scrape(base)
        await session.close()
    extra = [f for f in session.frames if f not in frames]
    result = {"label": label, "codec": codec, "client": summary_ms(latencies), "server": server_view(before, after),
              "meanFrameKB": statistics.fmean(sizes) / 1000, "keyframes": sum(1 for f in frames if f["keyframe"]),
              "caches": caches(before, after), "unexpectedFrames": len(extra), "errors": [e[2] for e in session.errors],
              "latenciesMs": [x * 1000 for x in latencies]}
    c, s = result["client"], result["server"]
    d = result["caches"]["depth"]
    log(f"  {label}: client p50 {c['p50']:.0f} ms, p95 {c['p95']:.0f} ms; server mean {fmt(s['meanMs'], 0)} ms; "
        f"render+encode mean {fmt(s['renderMeanMs'], 0)} ms; {result['meanFrameKB']:.0f} kB/frame; "
        f"depth cache {d['hits']} hits, {d['misses']} misses, {d['MB']:.0f} MB")
    return result


async def drag(session, index, sessions, args, stop_at, seconds):
    """A fan dragging the camera: a new pose every `interval`, orbiting at `degrees_per_second`."""
    start_angle = 360.0 * index / sessions + 3.0
    request_id = 0
    start = time.perf_counter()
    next_send = start
    while True:
        now = time.perf_counter()
        if now >= stop_at:
            return request_id
        request_id += 1
        angle = start_angle + args.degrees_per_second * (now - start)
        await session.send(request_id, seconds, orbit_pose(angle), args.width, args.height)
        next_send += args.interval
        await asyncio.sleep(max(0.0, next_send - time.perf_counter()))


async def throughput_run(port, base, pid, codec, count, args):
    sessions = []
    contexts = []
    for _ in range(count):
        context = open_session(port, codec)
        ws = await context.__aenter__()
        contexts.append(context)
        sessions.append(Session(ws))
    scraped_before = time.perf_counter()
    before = scrape(base)
    cpu_before = proc_cpu_seconds(pid)
    t0 = time.perf_counter()
    stop_at = t0 + args.duration
    sent = await asyncio.gather(*(drag(s, i, count, args, stop_at, args.time) for i, s in enumerate(sessions)))
    t1 = time.perf_counter()
    cpu_after = proc_cpu_seconds(pid)
    # Frames still being rendered when the drags stopped arrive later: they are not counted. Wait
    # for them (and the rest re-sends) before closing, so the next phase starts on an idle server.
    await asyncio.sleep(args.settle)
    for context in contexts:
        await context.__aexit__(None, None, None)
    for s in sessions:
        try:
            await asyncio.wait_for(s.reader, 5)
        except Exception:
            pass
    await asyncio.sleep(0.2)
    after = scrape(base)
    scraped_span = time.perf_counter() - scraped_before
    window = t1 - t0
    per_session = []
    all_full = all_half = 0
    ages_moving, ages_full = [], []
    for s in sessions:
        inside = [f for f in s.frames if t0 <= f["t"] <= t1]
        full = [f for f in inside if (f["width"], f["height"]) == (args.width, args.height)]
        half = [f for f in inside if f["moving"]]
        all_full += len(full)
        all_half += len(half)
        for f in inside:
            (ages_moving if f["moving"] else ages_full).append(f["t"] - s.sent[f["id"]])
        per_session.append({"frames": len(inside), "full": len(full), "half": len(half),
                            "fps": len(inside) / window, "errors": sum(1 for e in s.errors if t0 <= e[0] <= t1)})
    total = all_full + all_half
    errors = [e[2] for s in sessions for e in s.errors]
    result = {"sessions": count, "codec": codec, "seconds": window, "requestsSent": sum(sent),
              "frames": total, "fullFrames": all_full, "halfFrames": all_half,
              "framesPerSecond": total / window, "perSessionFps": [p["fps"] for p in per_session],
              "perSession": per_session,
              "requestToFrameMs": {"atRest": summary_ms(ages_full), "moving": summary_ms(ages_moving)},
              "serverResting": server_view(before, after, resting=True),
              "serverMoving": server_view(before, after, resting=False),
              # Render jobs finished between the two scrapes (the drag, then the settling frames) over that span.
              "renderThreadBusy": histogram(before, after, "vantage_render_seconds", kind="view")["sum"] / scraped_span,
              "caches": caches(before, after),
              "requestsDropped": int(counter(before, after, "vantage_session_requests_dropped_total")),
              "queueRejections": int(counter(before, after, "vantage_render_queue_rejections_total")),
              "sessionsClosedSlow": int(counter(before, after, "vantage_sessions_closed_slow_total")),
              "errors": len(errors), "errorSamples": sorted(set(errors))[:3],
              "serverCpuCores": (cpu_after - cpu_before) / window}
    log(f"  {count} session(s), {codec}: {total} frames in {window:.1f} s = {result['framesPerSecond']:.2f} frames/s "
        f"({all_full} full, {all_half} half), {len(errors)} errors, render thread busy {result['renderThreadBusy']:.0%}")
    return result


# ---- the server ----------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command, **kwargs):
    log("$ " + " ".join(command))
    return subprocess.run(command, check=True, **kwargs)


def prepare(args):
    rig = os.path.join(args.sample, "rig.json")
    if not os.path.exists(rig):
        run([args.vantage, "sample", "stadium", "--output", args.sample, "--size", args.sample_size, "--depth", "none"])
    store = os.path.join(args.work, "store")
    port = free_port()
    endpoint = f"tcp://127.0.0.1:{port}"
    recorder = subprocess.Popen([args.vantage, "record", "--subscribe", endpoint, "--store", store, "--rig", rig,
                                 "--until-idle", "3", "--json"], stdout=subprocess.PIPE, text=True)
    run([args.vantage, "ingest", "--rig", rig, "--all", "--publish", endpoint, "--wait-for-subscriber", "20"],
        stdout=subprocess.DEVNULL)
    out, _ = recorder.communicate(timeout=120)
    if recorder.returncode != 0:
        raise RuntimeError(f"vantage record exited with {recorder.returncode}")
    return rig, store, json.loads(out) if out.strip().startswith("{") else out


def start_server(args, rig, store):
    port = free_port()
    server = subprocess.Popen([args.vantage, "serve", "--rig", rig, "--store", store, "--http", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(args.work, "serve.log"), "w"))
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        if server.poll() is not None:
            raise RuntimeError(f"vantage serve exited with {server.returncode}; see {args.work}/serve.log")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                health = json.loads(response.read())
            return server, port, base, health
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def machine():
    info = {"cores": os.cpu_count(), "loadBefore": os.getloadavg()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), None)
    except OSError:
        pass
    return info


async def benchmark(args):
    rig, store, recorded = prepare(args)
    server, port, base, health = start_server(args, rig, store)
    log(f"serving {health} on {base} (pid {server.pid})")
    results = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "size": f"{args.width}x{args.height}",
               "sample": os.path.abspath(args.sample), "replay": health, "memory": {}}
    try:
        results["memory"]["afterStart"] = proc_status(server.pid)
        mid = args.time
        # Cold start: the first views of a moment compute their sources' depth (cached afterwards).
        log("warm-up: one orbit of 8 views at rest (each source camera's depth computed once)")
        warm = [(mid, orbit_pose(a)) for a in range(0, 360, 45)]
        results["warmUp"] = await latency_run(port, base, "jpeg", warm, args, "warm-up (cold depth cache), jpeg")
        results["memory"]["afterWarmUp"] = proc_status(server.pid)

        distinct = [(mid, orbit_pose(4.5 + 360.0 * i / args.requests)) for i in range(args.requests)]
        results["latency"] = []
        for codec in ("jpeg", "h264"):
            log(f"latency, {codec}: {args.requests} distinct poses at rest, {args.pause * 1000:.0f} ms apart after each frame")
            results["latency"].append(await latency_run(port, base, codec, distinct, args, f"distinct poses, {codec}"))
        repeated = [(mid, orbit_pose(40.0))] * args.repeated
        log(f"latency, jpeg: one pose {args.repeated} times")
        results["latency"].append(await latency_run(port, base, "jpeg", repeated, args, "repeated pose, jpeg"))
        if args.advancing > 0:
            step = 1.0 / 25
            advancing = [(min(health["durationSeconds"], 0.5 + step * (i + 1)), orbit_pose(10.0 + 3.0 * i)) for i in range(args.advancing)]
            log(f"latency, jpeg: {args.advancing} requests, each at the next moment (its frames decoded; background depth stays cached)")
            results["latency"].append(await latency_run(port, base, "jpeg", advancing, args, "next moment each (new frames), jpeg"))
        results["memory"]["afterLatency"] = proc_status(server.pid)

        results["throughput"] = []
        for count in args.sessions:
            log(f"throughput: {count} session(s) dragging for {args.duration:.0f} s, a pose every {args.interval * 1000:.0f} ms")
            results["throughput"].append(await throughput_run(port, base, server.pid, args.codec, count, args))
            results["memory"][f"after{count}Sessions#{len(results['throughput'])}"] = proc_status(server.pid)
        results["memory"]["end"] = proc_status(server.pid)
        results["serverAlive"] = server.poll() is None
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                results["serverStopHung"] = True
        results["serverExit"] = server.returncode
    return results


def histogram_mean_ms(t):
    """Mean render+encode of every view job in a throughput run (full and half size)."""
    jobs = t["serverResting"]["renderJobs"]
    return t["serverResting"]["renderSeconds"] / jobs * 1000 if jobs else None


def fmt(value, width, digits=0):
    return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"


def print_report(r, args):
    out = sys.stdout
    m = r["memory"]["end"]
    print(f"\nvantage serve, stadium sample ({r['replay']['cameras']} cameras, {r['replay']['frames']} moments), views {r['size']}, "
          f"replay time {args.time} s, loopback; {r['machine']['cores']} cores, load before {r['machine']['loadBefore'][0]:.2f}", file=out)
    print("\nlatency, one session, one request at a time (every frame full size at rest): request sent -> frame received", file=out)
    header = f"{'case':44} {'n':>3} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'srv mean':>8} {'srv p50*':>8} {'srv p95*':>8} {'render+enc':>10} {'kB/frame':>8}"
    print(header, file=out)
    for row in [r["warmUp"]] + r["latency"]:
        c, s = row["client"], row["server"]
        print(f"{row['label']:44} {c['n']:>3} {c['p50']:>7.0f} {c['p95']:>7.0f} {c['max']:>7.0f} {fmt(s['meanMs'], 8)} "
              f"{fmt(s['p50MsFromBuckets'], 8)} {fmt(s['p95MsFromBuckets'], 8)} {fmt(s['renderMeanMs'], 10)} {row['meanFrameKB']:>8.1f}", file=out)
    print("  srv = the server's vantage_session_frame_latency_seconds{camera=\"resting\"} over the same requests: mean exact (_sum/_count),\n"
          "  * quantiles interpolated in its buckets (..., 100, 250, 500 ms, 1 s, ...); render+enc = vantage_render_seconds{kind=\"view\"} mean", file=out)
    print(f"\nthroughput, {args.codec}: every session sends a pose every {args.interval * 1000:.0f} ms for {args.duration:.0f} s (orbit at "
          f"{args.degrees_per_second:.0f}°/s); frames received in that window", file=out)
    print(f"{'sessions':>8} {'frames/s':>9} {'per session':>11} {'full':>5} {'half':>5} {'full: req->frame':>16} {'half: req->frame':>16} "
          f"{'render+enc ms':>13} {'render busy':>11} {'srv CPU':>7} {'dropped':>8} {'503s':>5}", file=out)
    for t in r["throughput"]:
        per = t["perSessionFps"]
        per_text = f"{min(per):.2f}-{max(per):.2f}" if len(per) > 1 else f"{per[0]:.2f}"
        ages = [t["requestToFrameMs"][k] for k in ("atRest", "moving")]
        age_text = [f"{a['p50']:.0f} / {a['p95']:.0f}" if a["n"] else "-" for a in ages]
        render = histogram_mean_ms(t)
        print(f"{t['sessions']:>8} {t['framesPerSecond']:>9.2f} {per_text:>11} {t['fullFrames']:>5} {t['halfFrames']:>5} {age_text[0]:>16} {age_text[1]:>16} "
              f"{fmt(render, 13)} {t['renderThreadBusy']:>11.0%} {t['serverCpuCores']:>7.2f} {t['requestsDropped']:>8} {t['queueRejections']:>5}", file=out)
    print("  req->frame p50 / p95 ms: age of the request a frame answers when the frame arrives, full-size and half-size frames;\n"
          "  render busy = vantage_render_seconds{kind=\"view\"} per second between the scrapes around the run (drag + settle); srv CPU = server process CPU-seconds per second;\n"
          "  dropped = requests replaced in a session's mailbox before being rendered; 503s = 'render queue full' answers", file=out)
    print("\ncaches (lookups during each phase; MB held after it): " + "; ".join(
        f"{row['label'] if 'label' in row else str(row['sessions']) + ' sessions'}: depth {row['caches']['depth']['hits']}/{row['caches']['depth']['misses']} "
        f"hit/miss {row['caches']['depth']['MB']:.0f} MB, decoded frames {row['caches']['decoded_frames']['hits']}/{row['caches']['decoded_frames']['misses']}"
        for row in [r["warmUp"]] + r["latency"] + r["throughput"]), file=out)
    print("\nserver memory (/proc/PID/status): " + ", ".join(
        f"{k} RSS {v['rssMB']:.0f} MB" for k, v in r["memory"].items() if k != "end")
        + f"; at the end VmRSS {m['rssMB']:.0f} MB, VmHWM {m['hwmMB']:.0f} MB, {m['threads']} threads", file=out)
    lat = {row["codec"]: row for row in r["latency"] if row["label"].startswith("distinct")}
    fps = ", ".join(f"{t['sessions']}: {t['framesPerSecond']:.2f}" for t in r["throughput"])
    print(f"\nsummary: {r['size']} at rest, p50/p95 {lat['jpeg']['client']['p50']:.0f}/{lat['jpeg']['client']['p95']:.0f} ms (jpeg), "
          f"{lat['h264']['client']['p50']:.0f}/{lat['h264']['client']['p95']:.0f} ms (h264); frames/s by sessions {fps}; "
          f"server VmRSS {m['rssMB']:.0f} MB, VmHWM {m['hwmMB']:.0f} MB at the end", file=out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--vantage", required=True, help="the vantage executable")
    p.add_argument("--work", required=True, help="a scratch folder (the replay store, the server's log)")
    p.add_argument("--sample", required=True, help="the stadium sample folder; made with `vantage sample stadium` when missing")
    p.add_argument("--sample-size", default="1280x720", help="source cameras' size when the sample is made")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=720)
    p.add_argument("--time", type=float, default=2.0, help="replay time of the views, seconds")
    p.add_argument("--requests", type=int, default=40, help="latency: distinct poses per codec")
    p.add_argument("--repeated", type=int, default=20, help="latency: requests of one pose")
    p.add_argument("--advancing", type=int, default=10, help="latency: requests each at the next moment (0: skip)")
    p.add_argument("--pause", type=float, default=0.3, help="latency: seconds after each frame before the next request")
    p.add_argument("--request-timeout", type=float, default=60)
    p.add_argument("--sessions", type=int, nargs="+", default=[1, 4, 16])
    p.add_argument("--duration", type=float, default=20, help="throughput: seconds each run drags")
    p.add_argument("--interval", type=float, default=0.05, help="throughput: seconds between a session's requests")
    p.add_argument("--degrees-per-second", type=float, default=30)
    p.add_argument("--settle", type=float, default=3.0, help="throughput: seconds to wait after a run for late frames")
    p.add_argument("--codec", default="jpeg", choices=["jpeg", "h264"], help="throughput runs' codec")
    p.add_argument("--json", help="write the results here")
    args = p.parse_args()
    results = asyncio.run(benchmark(args))
    print_report(results, args)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    if not results.get("serverAlive", False) or results.get("serverExit") not in (0, -signal.SIGINT):
        log(f"the server died or did not stop cleanly: alive {results.get('serverAlive')}, exit {results.get('serverExit')}")
        sys.exit(1)


if __name__ == "__main__":
    main()
