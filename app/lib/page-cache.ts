import { LRUCache } from "lru-cache";

/**
 * Public pages for a visitor who has no cookie (a first visit, a link opened from an email, a
 * search engine) are the same for everyone: course lists, module overviews, the catalogue. Such a
 * page is rendered once and kept for a short while, the way a CDN would keep it. Anyone with a
 * cookie (a learner with progress, a logged-in user, a chosen language) is rendered fresh.
 *
 * A route opts in with `handle.sharedWhenAnonymous`, and only when it is also served without
 * hydration: hydrated pages carry a per-request nonce in their inline scripts.
 */
export interface SharedPage {
  status: number;
  headers: [string, string][];
  body: string;
}

export type PageCache = LRUCache<string, SharedPage>;

export function createPageCache(options: { max?: number; ttlMs?: number } = {}): PageCache {
  return new LRUCache<string, SharedPage>({
    max: options.max ?? 500,
    ttl: options.ttlMs ?? 60_000,
    // A huge catalogue search cannot push everything else out.
    maxSize: 20_000_000,
    sizeCalculation: (page) => page.body.length + 1,
  });
}

/**
 * The key a request may share a page under, or null when it must be rendered for this visitor
 * alone: only plain GET/HEAD requests without cookie or credentials share.
 */
export function sharedPageKey(
  method: string,
  url: string,
  hasHeader: (name: "cookie" | "authorization") => boolean,
): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  return hasHeader("cookie") || hasHeader("authorization") ? null : url;
}
