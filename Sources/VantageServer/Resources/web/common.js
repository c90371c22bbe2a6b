// What the viewer and the director console share: the API, the stadium map, camera geometry.
"use strict";

const Vantage = (() => {
  const $ = (id) => document.getElementById(id);

  async function errorText(response) {
    try { return (await response.json()).error || response.statusText; } catch { return response.statusText; }
  }

  async function getJSON(path, headers = {}) {
    const response = await fetch(path, { headers });
    if (!response.ok) throw new Error(`${path}: ${await errorText(response)}`);
    return response.json();
  }

  // Renders `request` ({time, pose, size}) as JPEG; the returned promise gives the picture as a
  // Blob, or rejects with the server's one-line error. `signal` aborts it.
  async function renderStill(request, signal) {
    const response = await fetch("/api/render", {
      method: "POST", signal, headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...request, format: "jpeg" }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    return response.blob();
  }

  // A top-down map of the rig in `svg`: stands (the rig's bounds), the pitch when the world is
  // z-up, every camera as an arrow, and `marks`: [{at: [x, y], to?: [x, y], kind: "seat"|"pivot"}].
  function drawMap(svg, rig, marks = []) {
    const b = rig.bounds && rig.bounds.min ? rig.bounds : cameraBox(rig.cameras);
    const [x0, y0, x1, y1] = [b.min[0], b.min[1], b.max[0], b.max[1]];
    svg.setAttribute("viewBox", `${x0} ${-y1} ${x1 - x0} ${y1 - y0}`);  // world y points up the map
    const parts = [`<rect class="stands" x="${x0}" y="${-y1}" width="${x1 - x0}" height="${y1 - y0}"/>`];
    if (rig.world && rig.world.up === "+z") {
      parts.push(`<rect class="pitch" x="-52.5" y="-34" width="105" height="68"/>`,
        `<line class="line" x1="0" y1="-34" x2="0" y2="34"/>`, `<circle class="line" cx="0" cy="0" r="9.15"/>`,
        `<rect class="line" x="-52.5" y="-20.16" width="16.5" height="40.32"/>`,
        `<rect class="line" x="36" y="-20.16" width="16.5" height="40.32"/>`);
    }
    for (const camera of rig.cameras) {
      const [x, y] = camera.position, [fx, fy] = camera.forward;
      const angle = Math.atan2(-fy, fx) * 180 / Math.PI;
      parts.push(`<g transform="translate(${x} ${-y}) rotate(${angle})"><title>${camera.name}</title>` +
        `<polygon class="camera" points="2.5,0 -1.5,1.6 -1.5,-1.6"/></g>`);
    }
    for (const mark of marks) {
      const [x, y] = mark.at;
      if (mark.to) parts.push(`<line class="sight" x1="${x}" y1="${-y}" x2="${mark.to[0]}" y2="${-mark.to[1]}"/>`);
      parts.push(`<circle class="${mark.kind}" cx="${x}" cy="${-y}" r="2"/>`);
    }
    svg.innerHTML = parts.join("");
  }

  // Without a box in the rig (a depth-range rig), the map spans the cameras with a margin.
  function cameraBox(cameras) {
    const xs = cameras.map((c) => c.position[0]), ys = cameras.map((c) => c.position[1]);
    const margin = Math.max(2, 0.2 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)));
    return { min: [Math.min(...xs) - margin, Math.min(...ys) - margin, 0], max: [Math.max(...xs) + margin, Math.max(...ys) + margin, 0] };
  }

  // The world point [x, y] under a click on the map.
  function mapPoint(svg, event) {
    const point = svg.createSVGPoint();
    point.x = event.clientX; point.y = event.clientY;
    const world = point.matrixTransform(svg.getScreenCTM().inverse());
    return [world.x, -world.y];
  }

  // `from` seen from `centre`: distance, yaw and pitch (radians).
  function spherical(centre, from) {
    const d = [from[0] - centre[0], from[1] - centre[1], from[2] - centre[2]];
    const r = Math.hypot(...d);
    return { r, yaw: Math.atan2(d[1], d[0]), pitch: Math.asin(d[2] / r) };
  }

  function fromSpherical(centre, { r, yaw, pitch }) {
    return [centre[0] + r * Math.cos(pitch) * Math.cos(yaw), centre[1] + r * Math.cos(pitch) * Math.sin(yaw), centre[2] + r * Math.sin(pitch)];
  }

  // Loads the rig and the replay into `state`, names them in #rig-name and sets up the #time
  // slider; false (with the reason in #status) when the server cannot say.
  async function loadReplay(state) {
    try {
      [state.rig, state.replay] = await Promise.all([getJSON("/api/rig"), getJSON("/api/replay")]);
    } catch (error) {
      $("status").textContent = error.message;
      return false;
    }
    $("rig-name").textContent = `${state.rig.name}: ${state.rig.cameras.length} cameras, ${state.replay.durationSeconds.toFixed(1)} s`;
    $("time").max = state.replay.durationSeconds;
    $("time").step = 1 / state.replay.framesPerSecond;
    return true;
  }

  // `seconds` kept within the replay (its last frame at most), shown on the #time slider.
  function showTime(replay, seconds) {
    const frame = 1 / replay.framesPerSecond;
    const time = Math.min(Math.max(0, seconds), Math.max(0, replay.durationSeconds - frame));
    $("time").value = time;
    $("time-value").textContent = `${time.toFixed(2)} s`;
    return time;
  }

  return { $, errorText, getJSON, renderStill, drawMap, mapPoint, spherical, fromSpherical, loadReplay, showTime };
})();
