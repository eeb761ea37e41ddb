// The machine's speed for the kind of work a page does, measured in the same run as Oppvern and
// without any of its code: React rendering a fixed page to HTML, and SQLite grouping a fixed table
// in memory. The shared VM's speed for such work swings more than the bare node:http server does
// (its work is mostly the kernel's), so these two figures tell a slower machine from slower code
// when runs on different days are compared. Prints one line of JSON.
import { DatabaseSync } from "node:sqlite";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";

const SECONDS = 2;

/** A page shaped like the results of a round: a heading, a 53 × 13 table and 30 short articles. */
function Page() {
  const columns = Array.from({ length: 13 }, (_, c) => `Område ${c + 1}`);
  return h(
    "main",
    null,
    h("h1", { className: "ds-heading" }, "Resultat"),
    h(
      "table",
      { className: "ds-table" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, "Del"),
          ...columns.map((c) => h("th", { key: c, scope: "col" }, c)),
        ),
      ),
      h(
        "tbody",
        null,
        Array.from({ length: 53 }, (_, r) =>
          h(
            "tr",
            { key: r },
            h("th", { scope: "row" }, `Enhet ${r + 1}`),
            columns.map((c, i) =>
              h("td", { key: c, "data-heat": String((r + i) % 4) }, (r * 7 + i * 13) % 101),
            ),
          ),
        ),
      ),
    ),
    Array.from({ length: 30 }, (_, i) =>
      h(
        "article",
        { key: i, className: "ds-card" },
        h("h2", null, `Spørsmål ${i + 1} om personvern & sikkerhet`),
        h("p", null, "Hva som mangler, og hvorfor det betyr noe for barn, elever og foreldre."),
        h("ul", null, h("li", null, "Et tiltak (lite)"), h("li", null, "Et annet tiltak (middels)")),
      ),
    ),
  );
}

function rate(work: () => void) {
  for (let i = 0; i < 50; i++) work(); // warm up the JIT
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    work();
    runs++;
  }
  return Math.round(runs / ((performance.now() - started) / 1000));
}

const renders = rate(() => renderToString(h(Page)));

const db = new DatabaseSync(":memory:");
db.exec("create table answer (scope text, question text, level integer)");
const insert = db.prepare("insert into answer values (?, ?, ?)");
db.exec("begin");
for (let i = 0; i < 20_000; i++) insert.run(`unit-${i % 50}`, `question-${i % 400}`, (i * 7) % 5);
db.exec("commit");
const grouping = db.prepare("select scope, count(*) n, avg(level) mean from answer group by scope");
const queries = rate(() => grouping.all());

process.stdout.write(
  `${JSON.stringify({ reactRendersPerSecond: renders, sqliteGroupingsPerSecond: queries })}\n`,
);
