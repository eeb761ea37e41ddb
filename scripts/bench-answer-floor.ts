// The live quiz's calibration: the least a server can do to take a phone's answer, with none of
// Oppvern's code. node:http and node:sqlite, in the shape of the real request: the phone's cookie,
// the SHA-256 of its token, one select of the open session and the phone, one insert committed in
// batches, and a 303 back to the question with the security headers every response carries.
// scripts/bench.ts drives it with the same number of phones and posts as the live quiz, so the
// ratio of this row to the bare server is the ceiling of the quiz's ratio on this machine.
// PORT, SESSIONS and PARTICIPANTS come from the environment; it prints "ready" when listening.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

const sessions = Number(process.env.SESSIONS ?? 20);
const participants = Number(process.env.PARTICIPANTS ?? 300);
const dir = mkdtempSync(path.join(os.tmpdir(), "oppvern-answer-floor-"));
const db = new DatabaseSync(path.join(dir, "floor.sqlite"));
db.exec(`
  pragma journal_mode = wal; pragma synchronous = normal;
  create table session (id integer primary key, code text unique not null, status text not null);
  create table participant (id integer primary key, session_id integer not null, token_hash text unique not null);
  create table answer (participant_id integer not null, question_id text not null, option_id text not null,
    answered_at text not null, primary key (participant_id, question_id));
`);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
db.exec("begin");
const addSession = db.prepare("insert into session (id, code, status) values (?, ?, 'open')");
const addParticipant = db.prepare("insert into participant (session_id, token_hash) values (?, ?)");
for (let s = 0; s < sessions; s++) {
  addSession.run(s + 1, String(100000 + s));
  for (let p = 0; p < participants; p++) addParticipant.run(s + 1, sha256(`phone-${s}-${p}`));
}
db.exec("commit");

const find = db.prepare(
  `select participant.id as id from participant join session on session.id = participant.session_id
   where session.code = ? and session.status = 'open' and participant.token_hash = ?`,
);
const insert = db.prepare(
  "insert into answer (participant_id, question_id, option_id, answered_at) values (?, ?, ?, ?) on conflict do nothing",
);
let open = false;
const commit = () => {
  db.exec("commit");
  open = false;
};

const HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

http
  .createServer((req, res) => {
    if (req.method === "GET") {
      res.writeHead(200).end("ok"); // ready
      return;
    }
    const match = /^\/delta\/(\d+)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !match) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const token = /(?:^|;\s*)phone=([^;]+)/.exec(req.headers.cookie ?? "")?.[1] ?? "";
      const phone = find.get(match[1] ?? "", sha256(token)) as { id: number } | undefined;
      if (phone) {
        if (!open) {
          db.exec("begin");
          open = true;
          setImmediate(commit);
        }
        insert.run(
          phone.id,
          form.get("questionId") ?? "",
          form.get("option") ?? "",
          new Date().toISOString(),
        );
      }
      res.writeHead(303, { ...HEADERS, Location: `/delta/${match[1]}`, "Content-Length": "0" }).end();
    });
  })
  .listen(Number(process.env.PORT ?? 3900), "127.0.0.1", () => process.stdout.write("ready\n"));

const stop = () => {
  if (open) commit();
  const { n } = db.prepare("select count(*) as n from answer").get() as { n: number };
  process.stdout.write(`answers: ${n}\n`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
