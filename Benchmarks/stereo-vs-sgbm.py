"""Scores `vantage depth` and OpenCV StereoSGBM on a rectified Middlebury pair (see stereo-vs-sgbm.sh).

The pair becomes a two-camera rig: identical pinhole cameras (f = 1000 px, principal point at the
image centre), the right one translated by B = 0.1 m along +x, so that disparity d = f·B / z and
x_right = x_left − d. Bounds: depths of the ground truth's disparity range widened by 20 % each way.

Scoring, over the pixels with ground truth (finite disp0GT): a pixel is bad at threshold t when the
method gives no disparity there (inf depth, SGBM's invalid value) or |d − d_gt| > t. Mean absolute
error and coverage are over the pixels where the method gives a disparity.
"""
import argparse, json, math, os, subprocess, time
import cv2
import numpy as np

FOCAL, BASELINE = 1000.0, 0.1


def read_pfm(path):
    with open(path, "rb") as f:
        kind = f.readline().strip()
        assert kind == b"Pf", f"{path}: expected a greyscale PFM"
        width, height = map(int, f.readline().split())
        scale = float(f.readline())
        data = np.fromfile(f, dtype="<f4" if scale < 0 else ">f4", count=width * height)
    return np.flipud(data.reshape(height, width)).astype(np.float64)  # PFM rows run bottom to top


def scores(disparity, truth):
    known_truth = np.isfinite(truth)
    given = np.isfinite(disparity) & known_truth
    error = np.abs(np.where(given, disparity, 0) - np.where(known_truth, truth, 0))
    total = known_truth.sum()
    return {
        "bad2": float(((~given | (error > 2)) & known_truth).sum() / total),
        "bad1": float(((~given | (error > 1)) & known_truth).sum() / total),
        "mae": float(error[given].mean()) if given.any() else math.nan,
        "coverage": float(given.sum() / total),
    }


def rig(data, width, height, near, far):
    def camera(name, x, image):
        return {"name": name, "size": [width, height],
                "intrinsics": {"fx": FOCAL, "fy": FOCAL, "cx": (width - 1) / 2, "cy": (height - 1) / 2},
                "camFromWorld": {"rotation": [[1, 0, 0], [0, 1, 0], [0, 0, 1]], "translation": [-x, 0, 0]},
                "media": {"location": os.path.join(data, image)}}
    return {"format": "vantage-rig", "version": 1, "name": "middlebury-motorcycle",
            "world": {"units": "metres", "note": "rectified stereo pair; baseline 0.1 m along +x"},
            "bounds": {"near": near, "far": far},
            "cameras": [camera("left", 0, "motorcycle_left.png"), camera("right", BASELINE, "motorcycle_right.png")]}


def run_vantage(binary, rig_path, work, min_confidence):
    output = os.path.join(work, f"left-{min_confidence}.pfm")
    started = time.perf_counter()
    subprocess.run([binary, "depth", "--rig", rig_path, "--camera", "left", "--neighbours", "1",
                    "--min-confidence", str(min_confidence), "--output", output], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    depth = read_pfm(output)
    with np.errstate(divide="ignore"):
        disparity = np.where(np.isfinite(depth) & (depth > 0), FOCAL * BASELINE / depth, np.inf)
    return disparity, seconds


def run_sgbm(data, low, high):
    left = cv2.imread(os.path.join(data, "motorcycle_left.png"))
    right = cv2.imread(os.path.join(data, "motorcycle_right.png"))
    block = 5
    minimum = int(math.floor(low))
    count = int(math.ceil((high - minimum) / 16)) * 16
    matcher = cv2.StereoSGBM_create(minDisparity=minimum, numDisparities=count, blockSize=block,
                                    P1=8 * 3 * block ** 2, P2=32 * 3 * block ** 2, disp12MaxDiff=1,
                                    uniquenessRatio=10, speckleWindowSize=100, speckleRange=2,
                                    mode=cv2.STEREO_SGBM_MODE_HH)
    started = time.perf_counter()
    raw = matcher.compute(left, right)
    seconds = time.perf_counter() - started
    disparity = raw.astype(np.float64) / 16
    disparity[raw < minimum * 16] = np.inf  # OpenCV marks invalid pixels with (minDisparity − 1)·16
    return disparity, seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--vantage", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    truth = read_pfm(os.path.join(args.data, "disp0GT.pfm"))
    height, width = truth.shape
    finite = truth[np.isfinite(truth)]
    low, high = max(1.0, finite.min() * 0.8), finite.max() * 1.2
    rig_path = os.path.join(args.work, "rig.json")
    with open(rig_path, "w") as f:
        json.dump(rig(os.path.abspath(args.data), width, height, FOCAL * BASELINE / high, FOCAL * BASELINE / low), f)

    rows = []
    ours, ours_seconds = run_vantage(args.vantage, rig_path, args.work, 0.25)
    rows.append(("vantage depth (confident only)", scores(ours, truth), ours_seconds))
    dense, dense_seconds = run_vantage(args.vantage, rig_path, args.work, 0)
    rows.append(("vantage depth --min-confidence 0", scores(dense, truth), dense_seconds))
    sgbm, sgbm_seconds = run_sgbm(args.data, low, high)
    rows.append(("OpenCV StereoSGBM (HH, block 5)", scores(sgbm, truth), sgbm_seconds))

    print(f"Middlebury motorcycle {width}x{height}, GT disparity {finite.min():.1f}...{finite.max():.1f} px, "
          f"search {low:.1f}...{high:.1f} px; invalid pixels count as bad")
    print(f"{'method':36} {'bad-2.0':>8} {'bad-1.0':>8} {'MAE px':>8} {'coverage':>9} {'seconds':>8}")
    for name, s, seconds in rows:
        print(f"{name:36} {s['bad2'] * 100:7.2f}% {s['bad1'] * 100:7.2f}% {s['mae']:8.3f} {s['coverage'] * 100:8.2f}% {seconds:8.3f}")
    sgbm_bad = rows[-1][1]["bad2"]
    for name, s, _ in rows[:-1]:
        print(f"bad-2.0 ratio, {name} / StereoSGBM: {s['bad2'] / sgbm_bad:.3f}")


if __name__ == "__main__":
    main()
