import type { LiveBus, LiveEvent } from "./live-bus.server.ts";

/**
 * A Server-Sent Events response that says "change" when the session changes. Bursts (many answers
 * arriving at once) are coalesced to at most one event per `throttleMs`.
 */
export function sessionEventStream(
  request: Request,
  live: LiveBus,
  options: { sessionId: string; events: LiveEvent[]; throttleMs: number },
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const emit = () => {
        last = Date.now();
        timer = null;
        send("event: change\ndata: 1\n\n");
      };
      const unsubscribe = live.subscribe(options.sessionId, (event) => {
        if (!options.events.includes(event) || timer) return;
        const wait = options.throttleMs - (Date.now() - last);
        if (wait <= 0) emit();
        else timer = setTimeout(emit, wait);
      });
      const heartbeat = setInterval(() => send(": ping\n\n"), 20_000);
      send("retry: 2000\n\n");
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        if (timer) clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
