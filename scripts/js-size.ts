import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Every script a page makes the browser load (script src, module preloads and imports), gzipped. */
export function javaScriptKb(html: string, clientDir = "build/client") {
  const sources = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/import\s*(?:[^'"]*from\s*)?["'](\/assets\/[^"']+\.js)["']/g),
  ].map((m) => m[1] as string);
  const files = [...new Set(sources)];
  const bytes = files.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(clientDir, src))).length, 0);
  return { kb: bytes / 1024, files };
}
