// The director's console: real cameras as thumbnails, a virtual camera orbiting a pivot on the
// pitch, keyframes (pose, field of view, replay time), a preview of the path, and highlight jobs.
"use strict";

const { $ } = Vantage;
const PROGRAM = { width: 1280, height: 720 };
const MOVING = { width: 480, height: 270 };
const THUMB = { width: 320, height: 180 };

const state = {
  rig: null, replay: null, time: 0,
  pivot: [0, 0, 0], camera: [-40, -50, 25],   // the virtual camera orbits the pivot and looks at it
  keys: [], inflight: null, restTimer: null, url: null, previewing: false,
};

const status = (text) => { $("status").textContent = text || ""; };
const token = () => $("token").value.trim();

function pose(camera = state.camera, pivot = state.pivot, fov = Number($("fov").value)) {
  return { position: camera, lookAt: pivot, up: [0, 0, 1], horizontalFieldOfViewDegrees: fov };
}

function drawMap() {
  const marks = [{ at: state.pivot, kind: "pivot" }, { at: state.camera, to: state.pivot, kind: "seat" }];
  for (const key of state.keys) marks.push({ at: key.pose.position, kind: "key" });
  Vantage.drawMap($("map"), state.rig, marks);
}

async function showProgram(size, request = { time: state.time, pose: pose(), size }) {
  if (state.inflight) state.inflight.abort();
  const controller = new AbortController();
  state.inflight = controller;
  try {
    const url = URL.createObjectURL(await Vantage.renderStill({ ...request, size }, controller.signal));
    if (state.url) URL.revokeObjectURL(state.url);
    state.url = url;
    $("view").src = url;
    status("");
  } catch (error) {
    if (error.name !== "AbortError") status(error.message);
  } finally {
    if (state.inflight === controller) state.inflight = null;
  }
}

function requestProgram(moving) {
  clearTimeout(state.restTimer);
  showProgram(moving ? MOVING : PROGRAM);
  if (moving) state.restTimer = setTimeout(() => showProgram(PROGRAM), 250);
}

// Real cameras at the current time, one after another so they never crowd out the program view.
let thumbnailsTime = null;
async function refreshThumbnails() {
  if (thumbnailsTime === state.time) return;
  thumbnailsTime = state.time;
  for (const camera of state.rig.cameras.filter((c) => c.hasFrames)) {
    const image = document.querySelector(`#thumbnails img[data-camera="${camera.name}"]`);
    const response = await fetch(`/api/cameras/${encodeURIComponent(camera.name)}/frame?time=${state.time}&format=jpeg&width=${THUMB.width}`);
    if (!response.ok) continue;
    if (image.dataset.url) URL.revokeObjectURL(image.dataset.url);
    image.dataset.url = URL.createObjectURL(await response.blob());
    image.src = image.dataset.url;
  }
}

function buildThumbnails() {
  $("thumbnails").innerHTML = state.rig.cameras.filter((c) => c.hasFrames)
    .map((c) => `<figure><img data-camera="${c.name}" alt="${c.name}"><figcaption>${c.name}</figcaption></figure>`).join("");
  for (const image of document.querySelectorAll("#thumbnails img")) {
    // Clicking a real camera puts the virtual camera where it stands.
    image.addEventListener("click", () => {
      const camera = state.rig.cameras.find((c) => c.name === image.dataset.camera);
      const distance = Math.max(10, Math.hypot(...camera.position));
      state.camera = camera.position.slice();
      state.pivot = camera.position.map((p, i) => p + camera.forward[i] * distance * 0.8);
      drawMap();
      requestProgram(false);
    });
  }
}

// ---- keyframes --------------------------------------------------------------------------------

function renderKeys() {
  $("keys").innerHTML = state.keys.map((key, index) =>
    `<li>${key.time.toFixed(2)} s — camera (${key.pose.position.map((v) => v.toFixed(1)).join(", ")}), fov ${key.pose.horizontalFieldOfViewDegrees}°` +
    `<button type="button" data-go="${index}">go</button><button type="button" data-remove="${index}" aria-label="Remove">✕</button></li>`).join("");
  for (const button of document.querySelectorAll("#keys [data-remove]")) {
    button.addEventListener("click", () => { state.keys.splice(Number(button.dataset.remove), 1); renderKeys(); drawMap(); });
  }
  for (const button of document.querySelectorAll("#keys [data-go]")) {
    button.addEventListener("click", () => {
      const key = state.keys[Number(button.dataset.go)];
      state.camera = key.pose.position.slice(); state.pivot = key.pose.lookAt.slice();
      $("fov").value = key.pose.horizontalFieldOfViewDegrees;
      setTime(key.time);
      drawMap();
      requestProgram(false);
    });
  }
}

function addKey() {
  state.keys.push({ time: state.time, pose: pose() });
  state.keys.sort((a, b) => a.time - b.time);
  renderKeys();
  drawMap();
}

// The path between keyframes, linear in replay time, position, pivot and field of view.
function poseAt(time) {
  const keys = state.keys;
  if (time <= keys[0].time) return keys[0].pose;
  for (let i = 1; i < keys.length; i++) {
    if (time <= keys[i].time) {
      const a = keys[i - 1], b = keys[i], t = (time - a.time) / Math.max(1e-9, b.time - a.time);
      const mix = (u, v) => u.map((x, j) => x + (v[j] - x) * t);
      return { position: mix(a.pose.position, b.pose.position), lookAt: mix(a.pose.lookAt, b.pose.lookAt), up: [0, 0, 1],
        horizontalFieldOfViewDegrees: a.pose.horizontalFieldOfViewDegrees + (b.pose.horizontalFieldOfViewDegrees - a.pose.horizontalFieldOfViewDegrees) * t };
    }
  }
  return keys[keys.length - 1].pose;
}

async function preview() {
  if (state.keys.length < 2) { status("Add at least two keyframes to preview a path"); return; }
  state.previewing = !state.previewing;
  $("preview").setAttribute("aria-pressed", String(state.previewing));
  const step = 1 / state.replay.framesPerSecond;
  for (let time = state.keys[0].time; state.previewing && time <= state.keys[state.keys.length - 1].time; time += step) {
    setTime(time);
    await showProgram(MOVING, { time, pose: poseAt(time), size: MOVING });
  }
  state.previewing = false;
  $("preview").setAttribute("aria-pressed", "false");
}

// The keyframes as a camera path (docs/camera-paths.md): one keyframe every "clip seconds", and
// a time map that shows each keyframe's replay time when the camera is there.
function cameraPath() {
  const gap = Number($("key-gap").value) || 2;
  return {
    format: "vantage-camera-path", version: 1, name: `director highlight, ${state.keys.length} keyframes`,
    interpolation: { orientation: "squad", constantSpeed: false },
    keyframes: state.keys.map((key, index) => ({
      time: index * gap, position: key.pose.position, lookAt: key.pose.lookAt, up: [0, 0, 1],
      horizontalFieldOfViewDegrees: key.pose.horizontalFieldOfViewDegrees,
    })),
    timeMap: state.keys.map((key, index) => ({ time: index * gap, replayTime: key.time })),
  };
}

// Starts a highlight job, follows it, and offers its clip. A check that gets no answer (the
// server busy or restarting, a rate limit) is shown and made again: the job goes on regardless.
async function renderHighlight() {
  if (state.keys.length < 2) { status("Add at least two keyframes first"); return; }
  try {
    await followHighlight({ Authorization: `Bearer ${token()}` });
  } catch (error) {
    $("job-progress").hidden = true;
    $("job").textContent = `highlight: ${error.message}`;
  }
}

async function followHighlight(auth) {
  const response = await fetch("/api/jobs", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...auth },
    body: JSON.stringify({ path: cameraPath(), size: PROGRAM, fps: 25, preset: "veryfast" }),
  });
  if (!response.ok) { $("job").textContent = await Vantage.errorText(response); return; }
  let job = await response.json();
  $("job-progress").hidden = false;
  let unanswered = "";
  while (job.state === "queued" || job.state === "rendering") {
    $("job-progress").value = job.progress;
    $("job").textContent = `job ${job.id.slice(0, 8)}: ${job.state}, ${job.framesDone}/${job.frameCount} frames` +
      (job.etaSeconds != null ? `, about ${Math.ceil(job.etaSeconds)} s left` : "") + unanswered;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      job = await Vantage.getJSON(`/api/jobs/${job.id}`, auth);
      unanswered = "";
    } catch (error) {
      unanswered = ` (the last check got no answer: ${error.message}; checking again)`;
    }
  }
  $("job-progress").hidden = true;
  if (job.state !== "done") { $("job").textContent = `job ${job.id.slice(0, 8)} ${job.state}${job.error ? `: ${job.error}` : ""}`; return; }
  // The clip needs the token too, so it is fetched here and offered from memory.
  const clip = await fetch(job.resultURL, { headers: auth });
  if (!clip.ok) { $("job").textContent = await Vantage.errorText(clip); return; }
  const url = URL.createObjectURL(await clip.blob());
  $("clip").src = url;
  $("clip").hidden = false;
  $("job").innerHTML = `Done: ${job.frameCount} frames, ${job.durationSeconds.toFixed(1)} s at ${job.framesPerSecond} fps. ` +
    `<a href="${url}" download="highlight.mp4">Download the MP4</a>`;
}

// ---- interaction ------------------------------------------------------------------------------

function setTime(seconds) {
  state.time = Vantage.showTime(state.replay, seconds);
}

function installOrbit() {
  const frame = $("view-frame");
  let last = null;
  frame.addEventListener("pointerdown", (event) => { last = [event.clientX, event.clientY]; frame.setPointerCapture(event.pointerId); });
  frame.addEventListener("pointerup", () => { last = null; requestProgram(false); });
  frame.addEventListener("pointermove", (event) => {
    if (!last) return;
    const s = Vantage.spherical(state.pivot, state.camera);
    s.yaw -= (event.clientX - last[0]) * 0.005;
    s.pitch = Math.min(Math.max(s.pitch + (event.clientY - last[1]) * 0.005, 0.02), 1.45);
    last = [event.clientX, event.clientY];
    state.camera = Vantage.fromSpherical(state.pivot, s);
    drawMap();
    requestProgram(true);
  });
  frame.addEventListener("wheel", (event) => {
    event.preventDefault();
    const s = Vantage.spherical(state.pivot, state.camera);
    s.r = Math.min(Math.max(s.r * (event.deltaY > 0 ? 1.1 : 0.9), 3), 200);
    state.camera = Vantage.fromSpherical(state.pivot, s);
    drawMap();
    requestProgram(true);
  }, { passive: false });
}

async function start() {
  if (!(await Vantage.loadReplay(state))) return;
  $("token").value = sessionStorage.getItem("vantage-director-token") || "";
  $("token").addEventListener("change", () => sessionStorage.setItem("vantage-director-token", token()));
  $("time").addEventListener("input", () => { setTime(Number($("time").value)); requestProgram(true); });
  $("time").addEventListener("change", refreshThumbnails);
  $("fov").addEventListener("input", () => requestProgram(true));
  $("map").addEventListener("click", (event) => {
    const [x, y] = Vantage.mapPoint($("map"), event);
    state.pivot = [x, y, 1];
    drawMap();
    requestProgram(false);
  });
  $("add-key").addEventListener("click", addKey);
  $("preview").addEventListener("click", preview);
  $("render-highlight").addEventListener("click", renderHighlight);
  buildThumbnails();
  installOrbit();
  drawMap();
  requestProgram(false);
  refreshThumbnails();
}

start();
