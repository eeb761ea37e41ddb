import { EventEmitter } from "node:events";
import type Pg from "pg";
import type { Logger } from "pino";
import { loadPg } from "../../db/pg.server.ts";

/** "state": what participants see changed; "answers": a new answer arrived (the presenter's count). */
export type LiveEvent = "state" | "answers";

/**
 * Fans out "something changed in session X" to the open event streams of every instance.
 * The state itself lives in the database; this only says when to look again.
 */
export interface LiveBus {
  publish(sessionId: string, event: LiveEvent): Promise<void>;
  subscribe(sessionId: string, listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = "oppvern_live";
/** Arriving answers are announced to the other instances at most this often per session. */
const ANSWER_NOTICE_MS = 100;

function localEmitter() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (sessionId: string, event: LiveEvent) => emitter.emit(sessionId, event),
    subscribe(sessionId: string, listener: (event: LiveEvent) => void) {
      emitter.on(sessionId, listener);
      return () => emitter.off(sessionId, listener);
    },
  };
}

/** One process (SQLite): an in-process emitter. */
export function createLocalBus(): LiveBus {
  const local = localEmitter();
  return {
    async publish(sessionId, event) {
      local.emit(sessionId, event);
    },
    subscribe: local.subscribe,
    async close() {},
  };
}

/** Several instances (PostgreSQL): NOTIFY on publish, and one LISTEN connection per instance. */
export function createPostgresBus(options: { connectionString: string; log: Logger }): LiveBus {
  const pg = loadPg();
  const local = localEmitter();
  const publisher = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  let listener: Pg.Client | null = null;
  let closed = false;
  const connect = async () => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on("notification", (message) => {
      const [sessionId, event] = (message.payload ?? "").split("|");
      if (sessionId && (event === "state" || event === "answers")) local.emit(sessionId, event);
    });
    client.on("error", (error) => {
      options.log.warn({ err: error }, "live bus connection lost; reconnecting");
      listener = null;
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    listener = client;
  };
  const ready = connect();
  const notify = async (sessionId: string, event: LiveEvent) => {
    await ready;
    await publisher.query("select pg_notify($1, $2)", [CHANNEL, `${sessionId}|${event}`]);
  };
  // Hundreds of answers a second in one session need one notice per moment, not one each: the
  // presenter's screen updates at most twice a second anyway.
  const pendingAnswers = new Set<string>();
  return {
    async publish(sessionId, event) {
      if (event !== "answers") return notify(sessionId, event);
      if (pendingAnswers.has(sessionId)) return;
      pendingAnswers.add(sessionId);
      setTimeout(() => {
        pendingAnswers.delete(sessionId);
        notify(sessionId, "answers").catch((error) =>
          options.log.warn({ err: error }, "live bus could not send a notice"),
        );
      }, ANSWER_NOTICE_MS).unref();
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      await ready.catch(() => undefined);
      await listener?.end().catch(() => undefined);
      await publisher.end();
    },
  };
}
