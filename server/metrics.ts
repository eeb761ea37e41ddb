import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { matchRoutes, type RouteObject, type ServerBuild } from "react-router";
import type { DbHandle } from "../app/db/connect.server.ts";

export interface Metrics {
  registry: Registry;
  observe(route: string, method: string, status: number, seconds: number): void;
}

export function createMetrics(handle: DbHandle): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "oppvern_http_requests_total",
    help: "HTTP requests by route pattern, method and status",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "oppvern_http_request_duration_seconds",
    help: "HTTP request latency by route pattern",
    labelNames: ["route", "method"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const pool = (
    name: string,
    help: string,
    pick: (s: { total: number; idle: number; waiting: number }) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const stats = handle.poolStats();
        // SQLite runs one in-process connection.
        this.set(stats ? pick(stats) : name.endsWith("total") ? 1 : 0);
      },
    });
  pool("oppvern_db_pool_connections_total", "Database connections open", (s) => s.total);
  pool("oppvern_db_pool_connections_idle", "Database connections idle", (s) => s.idle);
  pool("oppvern_db_pool_clients_waiting", "Queries waiting for a database connection", (s) => s.waiting);
  return {
    registry,
    observe(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, seconds);
    },
  };
}

/** Turns a request path into its route pattern (/invitasjon/:token), so tokens never become labels. */
export function createRouteLabeller(build: ServerBuild) {
  const byParent = new Map<string | undefined, RouteObject[]>();
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const list = byParent.get(route.parentId) ?? [];
    list.push({ id: route.id, path: route.path, index: route.index } as RouteObject);
    byParent.set(route.parentId, list);
  }
  const attach = (parentId: string | undefined): RouteObject[] =>
    (byParent.get(parentId) ?? []).map(
      (r) => ({ ...r, children: r.index ? undefined : attach(r.id) }) as RouteObject,
    );
  const tree = attach(undefined);
  // Matching compiles every route pattern; remember recent paths (bounded, tokens make many).
  const cache = new Map<string, string>();
  return (pathname: string, fixed: string | null): string => {
    if (fixed) return fixed;
    const known = cache.get(pathname);
    if (known) return known;
    const matches = matchRoutes(tree, pathname);
    const label = matches
      ? `/${matches
          .map((m) => m.route.path)
          .filter(Boolean)
          .join("/")}`.replace(/\/+/g, "/")
      : "unmatched";
    if (cache.size > 2000) cache.clear();
    cache.set(pathname, label);
    return label;
  };
}
