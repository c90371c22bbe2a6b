"""Raw-frame throughput of our PUB/SUB against imagezmq's, and compressed-packet ingest cost
(see transport-vs-imagezmq.sh and Benchmarks/README.md, "ZeroMQ transport against imagezmq").

Every measurement runs a sender process and a receiver process on TCP loopback; frames/s are
measured at the receiver from the first frame received to the last, (n - 1) / (t_last - t_first).
Both receivers check every frame's size and a sample of its bytes against the sender's pattern:
byte i of frame k is (i + (i >> 8) + 101·(k mod 4)) mod 256.

The script also runs its own imagezmq roles: `transport-vs-imagezmq.py imagezmq-send|imagezmq-hub ...`.
"""
import argparse, json, os, socket, statistics, subprocess, sys, time

DISTINCT = 4   # distinct frames each sender cycles through (as TestFrames.distinct)
SAMPLES = 64   # bytes checked per received frame (as TestFrames.samples)


# ---- the imagezmq roles (run as their own processes) -------------------------------------------

def pattern_frames(width, height):
    import numpy as np
    offsets = np.arange(width * height * 3, dtype=np.int64)
    base = offsets + (offsets >> 8)
    return [((base + 101 * k) & 0xFF).astype(np.uint8).reshape(height, width, 3) for k in range(DISTINCT)]


def imagezmq_send(args):
    import imagezmq
    frames = pattern_frames(args.width, args.height)
    sender = imagezmq.ImageSender(connect_to=args.endpoint, REQ_REP=False)  # PUB, binds
    # A PUB socket cannot tell whether anyone subscribed (the slow-joiner problem): give the hub,
    # already started and retrying its connect every 100 ms, time to connect and subscribe.
    time.sleep(args.wait)
    for index in range(args.frames):
        sender.send_image(str(index), frames[index % DISTINCT])
    sender.close()  # linger -1: term() waits until the queued frames went out


def imagezmq_hub(args):
    import imagezmq, zmq
    import numpy as np
    count = args.width * args.height * 3
    step = max(1, (count - 1) // (SAMPLES - 1))
    offsets = np.append(np.arange(0, count, step, dtype=np.int64), count - 1)
    expected = [((offsets + (offsets >> 8) + 101 * k) & 0xFF).astype(np.uint8) for k in range(DISTINCT)]
    hub = imagezmq.ImageHub(open_port=args.endpoint, REQ_REP=False)  # SUB, connects
    hub.zmq_socket.setsockopt(zmq.RCVTIMEO, int(args.start_timeout * 1000))
    received = bad = nbytes = first_bytes = 0
    highest = -1
    first = last = None
    while received < args.frames:
        try:
            msg, image = hub.recv_image()
        except zmq.Again:
            break
        now, cpu = time.perf_counter(), time.process_time()
        if first is None:
            first = (now, cpu)
            first_bytes = image.nbytes
            hub.zmq_socket.setsockopt(zmq.RCVTIMEO, int(args.idle_timeout * 1000))
        last = (now, cpu)
        index = int(msg)
        received += 1
        nbytes += image.nbytes
        highest = max(highest, index)
        ok = image.shape == (args.height, args.width, 3) and image.dtype == np.uint8
        if not ok or not np.array_equal(image.reshape(-1)[offsets], expected[index % DISTINCT]):
            bad += 1
    report = {"frames": received, "bytes": nbytes, "badFrames": bad,
              "lost": highest + 1 - received,  # gaps before the newest frame received
              "missing": args.frames - received}
    if first is not None and received > 1:
        seconds = last[0] - first[0]
        report.update(seconds=seconds, framesPerSecond=(received - 1) / seconds,
                      megabytesPerSecond=(nbytes - first_bytes) / 1e6 / seconds, cpuSeconds=last[1] - first[1],
                      cpuMicrosecondsPerFrame=(last[1] - first[1]) * 1e6 / (received - 1))
    print(json.dumps(report))
    hub.close()
    sys.exit(1 if bad else 0)


# ---- running processes -------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Child:
    """A process whose output goes to files and whose own CPU time is read when it is reaped."""

    def __init__(self, name, command, work):
        self.name, self.command = name, command
        self.out_path = os.path.join(work, f"{name}.out")
        self.err_path = os.path.join(work, f"{name}.err")
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.process = subprocess.Popen(command, stdout=out, stderr=err)

    def reap(self, timeout):
        """Waits for the process to exit (killing it after `timeout` seconds)."""
        started = time.monotonic()
        while True:
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                break
            waited = time.monotonic() - started
            if waited > timeout:
                self.process.kill()
                pid, status, usage = os.wait4(self.process.pid, 0)
                break
            time.sleep(0.05)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self.cpu = usage.ru_utime + usage.ru_stime
        self.stdout = open(self.out_path).read()
        if self.process.returncode != 0:
            sys.stderr.write(open(self.err_path).read())
            raise SystemExit(f"{self.name} exited with {self.process.returncode}: {' '.join(self.command)}")
        return self


def run_pair(receiver, sender, work, timeout=300):
    """Starts the receiver, then the sender, and waits for the receiver to finish, then the sender;
    returns the receiver's JSON report and both children."""
    r = Child(receiver[0], receiver[1], work)
    s = Child(sender[0], sender[1], work)
    r.reap(timeout)
    s.reap(timeout)
    return json.loads(r.stdout.strip().splitlines()[-1]), r, s


def ours(args):
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    size = ["--width", str(args.width), "--height", str(args.height)]
    report, r, s = run_pair(
        ("vantage-subscribe", [args.throughput, "subscribe", "--endpoint", endpoint, "--frames", str(args.frames), *size, "--json"]),
        ("vantage-publish", [args.throughput, "publish", "--endpoint", endpoint, "--frames", str(args.frames), *size]),
        args.work)
    return dict(report, senderCPU=s.cpu, receiverCPU=r.cpu)


def imagezmq_run(args):
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    common = ["--endpoint", endpoint, "--frames", str(args.frames), "--width", str(args.width), "--height", str(args.height)]
    me = [sys.executable, os.path.abspath(__file__)]
    report, r, s = run_pair(("imagezmq-hub", [*me, "imagezmq-hub", *common]),
                            ("imagezmq-send", [*me, "imagezmq-send", *common]), args.work)
    return dict(report, senderCPU=s.cpu, receiverCPU=r.cpu)


# ---- compressed packets through `vantage ingest` -----------------------------------------------

def make_clips(cache, repeats):
    """A 10 s H.264 1080p50 clip (made once), its first 2 s, and the clip `repeats` times over
    (joined without re-encoding): the long and the short clip of the ingest measurement."""
    os.makedirs(cache, exist_ok=True)
    base = os.path.join(cache, "testsrc2-noise-1080p50-10s.mp4")
    if not os.path.exists(base):
        # testsrc2 with temporal noise, so that the packets are about as large as a real camera's
        # (11 Mbit/s; the clean test pattern gives 7).
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=50,noise=alls=8:allf=t",
                        "-t", "10", "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-pix_fmt", "yuv420p",
                        base + ".tmp.mp4"], check=True)
        os.rename(base + ".tmp.mp4", base)
    short = os.path.join(cache, "testsrc2-noise-1080p50-2s.mp4")
    if not os.path.exists(short):  # a keyframe every 50 frames: 2 s is a clean cut
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", base, "-t", "2", "-c", "copy", short + ".tmp.mp4"], check=True)
        os.rename(short + ".tmp.mp4", short)
    long = os.path.join(cache, f"testsrc2-noise-1080p50-{10 * repeats}s.mp4")
    if not os.path.exists(long):
        listing = os.path.join(cache, "concat.txt")
        with open(listing, "w") as f:
            f.write(f"file '{base}'\n" * repeats)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listing, "-c", "copy",
                        long + ".tmp.mp4"], check=True)
        os.rename(long + ".tmp.mp4", long)
    return long, short


def write_rig(path, clip):
    camera = {"name": "cam01", "size": [1920, 1080],
              "intrinsics": {"fx": 1700.0, "fy": 1700.0, "cx": 959.5, "cy": 539.5},
              "camFromWorld": {"rotation": [[1, 0, 0], [0, 1, 0], [0, 0, 1]], "translation": [0, 0, 10]},
              "media": {"location": os.path.abspath(clip)}}
    rig = {"format": "vantage-rig", "version": 1, "name": "zmqbench",
           "world": {"units": "metres", "up": "+z", "note": "one camera for transport-vs-imagezmq"}, "cameras": [camera]}
    with open(path, "w") as f:
        json.dump(rig, f)


def ingest_run(args, rig):
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    counted, sink, ingest = run_pair(
        ("count", [args.throughput, "count", "--endpoint", endpoint, "--json"]),
        ("ingest", [args.vantage, "ingest", "--rig", rig, "--camera", "cam01", "--publish", endpoint,
                    "--wait-for-subscriber", "10", "--json"]),
        args.work)
    summary = json.loads(ingest.stdout)
    summary["frames"] = sum(camera["frames"] for camera in summary["cameras"])
    if summary["passes"] != 1:
        raise SystemExit(f"ingest was stopped before the end of its media: {summary}")
    if counted["frames"] != summary["frames"] or counted["lost"]:
        raise SystemExit(f"count received {counted['frames']} packets (lost {counted['lost']}) of the {summary['frames']} ingest sent")
    return {"packets": summary["frames"], "bytes": summary["cameras"][0]["bytes"], "cpu": ingest.cpu,
            "loopSeconds": summary["seconds"], "sinkMicrosecondsPerPacket": counted["cpuMicrosecondsPerFrame"]}


# ---- main --------------------------------------------------------------------------------------

def median_of(runs, key):
    return statistics.median(run.get(key, 0.0) for run in runs)


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("imagezmq-send", "imagezmq-hub"):
        role = argparse.ArgumentParser()
        role.add_argument("--endpoint", required=True)
        role.add_argument("--frames", type=int, required=True)
        role.add_argument("--width", type=int, required=True)
        role.add_argument("--height", type=int, required=True)
        role.add_argument("--wait", type=float, default=1.0)
        role.add_argument("--start-timeout", type=float, default=60.0)
        role.add_argument("--idle-timeout", type=float, default=5.0)
        args = role.parse_args(sys.argv[2:])
        (imagezmq_send if sys.argv[1] == "imagezmq-send" else imagezmq_hub)(args)
        return

    parser = argparse.ArgumentParser()
    parser.add_argument("--throughput", required=True, help="the TransportThroughput executable")
    parser.add_argument("--vantage", required=True, help="the vantage executable")
    parser.add_argument("--work", required=True, help="a scratch folder")
    parser.add_argument("--cache", required=True, help="where the H.264 clips are kept between runs")
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--clip-seconds", type=int, default=120, help="length of the long clip (a multiple of 10)")
    args = parser.parse_args()
    import imagezmq, numpy, zmq
    print(f"pyzmq {zmq.__version__} (libzmq {zmq.zmq_version()}), imagezmq {imagezmq.__version__}, numpy {numpy.__version__}")

    # (a, b) raw frames, the two sides alternating
    runs = {"vantage": [], "imagezmq": []}
    for repeat in range(args.repeats):
        runs["vantage"].append(ours(args))
        runs["imagezmq"].append(imagezmq_run(args))
        print(f"run {repeat + 1}: Vantage {runs['vantage'][-1].get('framesPerSecond', 0):.1f} frames/s, "
              f"imagezmq {runs['imagezmq'][-1].get('framesPerSecond', 0):.1f} frames/s", flush=True)
    frame_mb = args.width * args.height * 3 / 1e6
    print(f"\nraw {args.width}x{args.height} rgb24 ({frame_mb:.2f} MB a frame), {args.frames} frames a run, TCP loopback, "
          f"medians of {args.repeats} runs; rate at the receiver from first to last frame")
    print(f"{'side':34} {'frames/s':>9} {'MB/s':>8} {'lost':>5} {'missing':>8} {'recv CPU µs/frame':>18} "
          f"{'recv CPU s':>11} {'send CPU s':>11}  frames/s of each run")
    names = {"vantage": "Vantage FramePublisher/Subscriber", "imagezmq": "imagezmq PUB/SUB (pyzmq)"}
    for side, side_runs in runs.items():
        print(f"{names[side]:34} {median_of(side_runs, 'framesPerSecond'):9.1f} {median_of(side_runs, 'megabytesPerSecond'):8.0f} "
              f"{sum(r['lost'] for r in side_runs):5d} {sum(r['missing'] for r in side_runs):8d} "
              f"{median_of(side_runs, 'cpuMicrosecondsPerFrame'):18.0f} {median_of(side_runs, 'receiverCPU'):11.2f} "
              f"{median_of(side_runs, 'senderCPU'):11.2f}  " + ", ".join(f"{r.get('framesPerSecond', 0):.1f}" for r in side_runs))
    ratio = median_of(runs["vantage"], "framesPerSecond") / median_of(runs["imagezmq"], "framesPerSecond")
    print(f"ratio (ours / imagezmq): {ratio:.2f}×")

    # (c) compressed packets: what one 1080p50 camera costs an ingest node
    long_clip, short_clip = make_clips(args.cache, args.clip_seconds // 10)
    rigs = {}
    for name, clip in (("long", long_clip), ("short", short_clip)):
        rigs[name] = os.path.join(args.work, f"rig-{name}.json")
        write_rig(rigs[name], clip)
    ingests = {"long": [], "short": []}
    for _ in range(args.repeats):
        for name in ("long", "short"):
            ingests[name].append(ingest_run(args, rigs[name]))
    long_runs, short_runs = ingests["long"], ingests["short"]
    packets = long_runs[0]["packets"]
    cpu = median_of(long_runs, "cpu")
    marginal = (cpu - median_of(short_runs, "cpu")) / (packets - short_runs[0]["packets"])
    print(f"\ncompressed packets: `vantage ingest` (lossless, as fast as `TransportThroughput count` takes them), "
          f"H.264 1080p50 testsrc2 + noise (a 10 s clip, repeated for the long one), medians of {args.repeats} runs")
    print(f"{'clip':10} {'packets':>8} {'kB/packet':>10} {'Mbit/s at 50 fps':>17} {'ingest CPU s':>13} "
          f"{'send loop s':>12} {'packets/s in loop':>18} {'sink CPU µs/packet':>19}")
    for name, clip_runs in ((f"{args.clip_seconds} s", long_runs), ("2 s", short_runs)):
        n, nbytes = clip_runs[0]["packets"], clip_runs[0]["bytes"]
        loop = median_of(clip_runs, "loopSeconds")
        print(f"{name:10} {n:8d} {nbytes / n / 1e3:10.1f} {nbytes / n * 8 * 50 / 1e6:17.1f} {median_of(clip_runs, 'cpu'):13.3f} "
              f"{loop:12.3f} {n / loop:18.0f} {median_of(clip_runs, 'sinkMicrosecondsPerPacket'):19.1f}")
    print(f"ingest, whole process ({args.clip_seconds} s clip): {packets / cpu:.0f} packets per CPU-second; "
          f"1080p50 cameras one core can ingest = {packets / cpu / 50:.1f}")
    print(f"ingest, per extra packet ({args.clip_seconds} s clip minus 2 s clip): {marginal * 1e6:.1f} µs CPU = "
          f"{1 / marginal:.0f} packets per CPU-second; 1080p50 cameras one core can ingest = {1 / marginal / 50:.1f}")
    print(f"sink (`TransportThroughput count`, FrameSubscriber): {median_of(long_runs, 'sinkMicrosecondsPerPacket'):.1f} µs CPU per packet")


if __name__ == "__main__":
    main()
