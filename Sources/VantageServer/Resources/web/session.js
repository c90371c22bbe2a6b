// An interactive view session over the /api/session WebSocket. `send(view)` whenever the camera
// moves ({time, pose | seat, size}); the server keeps only the newest, sends half-size frames
// while the camera moves and the full view once it rests. Frames come as H.264 access units
// decoded here with WebCodecs when the browser can, else as JPEG pictures.
"use strict";

const ViewSession = (() => {
  const probeCodec = "avc1.42C01F";  // constrained baseline, level 3.1: what the server sends for 720p

  // "h264" when this browser decodes H.264 with WebCodecs, else "jpeg"; `?codec=` overrides.
  async function bestCodec() {
    const asked = new URLSearchParams(location.search).get("codec");
    if (asked === "jpeg" || asked === "h264") return asked;
    if (typeof VideoDecoder === "undefined") return "jpeg";
    try {
      return (await VideoDecoder.isConfigSupported({ codec: probeCodec, codedWidth: 1280, codedHeight: 720 })).supported ? "h264" : "jpeg";
    } catch {
      return "jpeg";
    }
  }

  // Decodes a session's H.264 access units. A keyframe of another codec string or size (the
  // server reopens its encoder when the size changes) reconfigures the decoder; units before
  // the first keyframe are skipped. `onPicture(videoFrame, header)` must close the frame.
  function h264Decoder(onPicture, onError) {
    const headers = new Map();  // timestamp → header, until the picture comes out
    let configured = null;
    const decoder = new VideoDecoder({
      output: (frame) => {
        const header = headers.get(frame.timestamp);
        headers.delete(frame.timestamp);
        onPicture(frame, header);
      },
      error: (error) => onError(`H.264 decoding failed: ${error.message}`),
    });
    return {
      decode(header, data) {
        const shape = `${header.codec} ${header.width}x${header.height}`;
        if (header.keyframe && shape !== configured) {
          decoder.configure({ codec: header.codec, codedWidth: header.width, codedHeight: header.height, optimizeForLatency: true });
          configured = shape;
        }
        if (!configured || decoder.state !== "configured") return;
        headers.set(header.timestamp, header);
        decoder.decode(new EncodedVideoChunk({ type: header.keyframe ? "key" : "delta", timestamp: header.timestamp, data }));
      },
      close() { if (decoder.state !== "closed") decoder.close(); },
    };
  }

  // Opens a session. `onPicture(source, header)` gets each frame as something a canvas draws
  // (a VideoFrame or an ImageBitmap; the callee closes it) with its header ({id, width, height,
  // codec, moving, dropped, …}); `onError(text)` gets refusals, and "closed" when the socket ends.
  async function open(onPicture, onError) {
    const codec = await bestCodec();
    const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/session?codec=${codec}`);
    socket.binaryType = "arraybuffer";
    const decoder = codec === "h264" ? h264Decoder(onPicture, onError) : null;
    let header = null, nextId = 1, waiting = null, pictures = Promise.resolve();
    socket.onopen = () => { if (waiting) socket.send(waiting); waiting = null; };
    socket.onmessage = (event) => {
      if (typeof event.data === "string") {
        const message = JSON.parse(event.data);
        if (message.error) onError(message.error); else header = message;
        return;
      }
      if (!header) return;
      const frameHeader = header;
      header = null;
      if (decoder) {
        decoder.decode(frameHeader, event.data);
      } else {
        // Pictures decode in order, so an older frame never replaces a newer one.
        const blob = new Blob([event.data], { type: "image/jpeg" });
        pictures = pictures.then(async () => onPicture(await createImageBitmap(blob), frameHeader)).catch((error) => onError(error.message));
      }
    };
    socket.onclose = () => { if (decoder) decoder.close(); onError("closed"); };
    return {
      codec,
      get isOpen() { return socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING; },
      send(view) {
        const text = JSON.stringify({ id: nextId++, ...view });
        if (socket.readyState === WebSocket.OPEN) socket.send(text); else waiting = text;
      },
    };
  }

  return { open, bestCodec };
})();
