// The fan's viewer: pick a seat on a top-down map of the rig, look around, scrub the replay.
// Views come over a session (ViewSession: H.264 through WebCodecs, or JPEG); without one, stills
// come from POST /api/render, the newest request winning, small while the camera moves and full
// size once it rests.
"use strict";

const FULL = { width: 1280, height: 720 };
const MOVING = { width: 480, height: 270 };
const REST_MS = 250;

const state = {
  rig: null, replay: null,
  seat: null,              // [x, y, z] in world metres
  lookAt: [0, 0, 0],       // the point the camera looks at
  time: 0, playing: false, orbiting: false,
  inflight: null, restTimer: null,
};

const { $ } = Vantage;
const status = (text) => { $("status").textContent = text || ""; };

function drawMap() {
  const marks = state.seat ? [{ at: state.seat, to: state.lookAt, kind: "seat" }] : [];
  Vantage.drawMap($("map"), state.rig, marks);
}

// ---- rendering --------------------------------------------------------------------------------

function pose() {
  return { position: state.seat, lookAt: state.lookAt, up: [0, 0, 1], horizontalFieldOfViewDegrees: Number($("fov").value) };
}

// Asks for the current view: over the session when it is open (the server then picks the size:
// small while the camera moves, full at rest), else as HTTP stills, small now and full once still.
function requestView(moving) {
  if (!state.seat) return;
  if (state.session && state.session.isOpen) {
    state.session.send({ time: state.time, pose: pose(), size: FULL });
    return;
  }
  clearTimeout(state.restTimer);
  render(moving ? MOVING : FULL);
  if (moving) state.restTimer = setTimeout(() => render(FULL), REST_MS);
}

// Draws a frame (a VideoFrame or ImageBitmap, closed here) and marks its size and place on the
// page for scripts (the browser test).
function show(picture, size, detail) {
  const canvas = $("view");
  if (canvas.width !== size.width || canvas.height !== size.height) {
    canvas.width = size.width;
    canvas.height = size.height;
  }
  canvas.getContext("2d").drawImage(picture, 0, 0, size.width, size.height);
  picture.close();
  const rect = canvas.getBoundingClientRect();
  canvas.dataset.rendered = `${size.width}x${size.height}`;
  canvas.dataset.rect = [rect.left, rect.top, rect.width, rect.height].map(Math.round).join(",");
  status("");
  $("render-info").textContent = `${size.width}×${size.height} at ${state.time.toFixed(2)} s` + (detail ? `, ${detail}` : "");
}

async function render(size) {
  if (state.inflight) state.inflight.abort();
  const controller = new AbortController();
  state.inflight = controller;
  const started = performance.now();
  try {
    const picture = await createImageBitmap(await Vantage.renderStill({ time: state.time, pose: pose(), size }, controller.signal));
    show(picture, size, `still in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    if (error.name !== "AbortError") status(error.message);
  } finally {
    if (state.inflight === controller) state.inflight = null;
  }
}

// ---- interaction ------------------------------------------------------------------------------

function setTime(seconds) {
  state.time = Vantage.showTime(state.replay, seconds);
}

function sitAt(point) {
  state.seat = [point[0], point[1], Number($("seat-height").value)];
  drawMap();
  requestView(false);
}

// Drag: turn the look-at point around the seat (look around) or, with shift, the seat around the
// look-at point (orbit).
function installDrag() {
  const frame = $("view-frame");
  let last = null;
  frame.addEventListener("pointerdown", (event) => { last = [event.clientX, event.clientY, event.shiftKey]; frame.setPointerCapture(event.pointerId); });
  frame.addEventListener("pointerup", () => { last = null; requestView(false); });
  frame.addEventListener("pointermove", (event) => {
    if (!last || !state.seat) return;
    const dx = (event.clientX - last[0]) * 0.005, dy = (event.clientY - last[1]) * 0.005;
    last = [event.clientX, event.clientY, last[2]];
    if (last[2]) orbitBy(-dx, dy); else lookBy(-dx, -dy);
    drawMap();
    requestView(true);
  });
}

function lookBy(yaw, pitch) {
  const s = Vantage.spherical(state.seat, state.lookAt);
  state.lookAt = Vantage.fromSpherical(state.seat, { r: s.r, yaw: s.yaw + yaw, pitch: Math.min(Math.max(s.pitch + pitch, -1.45), 1.45) });
}

function orbitBy(yaw, pitch) {
  const s = Vantage.spherical(state.lookAt, state.seat);
  state.seat = Vantage.fromSpherical(state.lookAt, { r: s.r, yaw: s.yaw + yaw, pitch: Math.min(Math.max(s.pitch + pitch, 0.02), 1.45) });
}

// Play and orbit run one render after another: the next frame is asked for when one arrives.
async function loop() {
  while (state.playing || state.orbiting) {
    const started = performance.now();
    if (state.orbiting) orbitBy(0.05, 0); else setTime(state.time + (1 / state.replay.framesPerSecond) * Number($("speed").value));
    if (state.playing && state.time >= state.replay.durationSeconds - 1 / state.replay.framesPerSecond) setTime(0);
    drawMap();
    await render(MOVING);
    const wait = 1000 / state.replay.framesPerSecond - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  requestView(false);
}

function toggle(button, key) {
  state[key] = !state[key];
  button.setAttribute("aria-pressed", String(state[key]));
  if (state[key] && !(state.playing && state.orbiting)) loop();
}

async function start() {
  if (!(await Vantage.loadReplay(state))) return;
  drawMap();
  $("map").addEventListener("click", (event) => sitAt(Vantage.mapPoint($("map"), event)));
  $("time").addEventListener("input", () => { setTime(Number($("time").value)); requestView(true); });
  $("fov").addEventListener("input", () => { $("fov-value").textContent = `${$("fov").value}°`; requestView(true); });
  $("play").addEventListener("click", (event) => toggle(event.currentTarget, "playing"));
  $("orbit").addEventListener("click", (event) => toggle(event.currentTarget, "orbiting"));
  installDrag();
  state.session = await ViewSession.open((picture, header) => {
    $("view").dataset.codec = header.codec;
    show(picture, header, `${header.codec}${header.moving ? ", moving" : ""}`);
  }, (text) => {
    if (text === "closed") { state.session = null; requestView(false); } else status(text);
  });
  // A seat is picked from the page's address (?seat=x,y,z) or the first stand behind the pitch.
  const query = new URLSearchParams(location.search).get("seat");
  const seat = (query || "").split(",").map(Number);
  if (seat.length === 3 && seat.every(Number.isFinite)) {
    $("seat-height").value = seat[2];
    sitAt(seat);
  } else {
    status("Click the map to pick a seat");
  }
}

start();
