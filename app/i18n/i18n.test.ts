import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../tests/support/client.ts";
import { dialects, startTestServer, type TestServer } from "../../tests/support/test-server.ts";
import { getCatalogue } from "../features/classifier/catalogue.server.ts";
import { getGuide } from "../features/guide/guide.server.ts";
import { locales, resolveLocale } from "./locales.ts";
import { catalogues, createT } from "./translate.ts";

describe("message catalogues", () => {
  it("have every key in bokmål, nynorsk and English, none empty", () => {
    const keys = Object.keys(catalogues.nb).sort();
    for (const locale of locales) {
      expect(Object.keys(catalogues[locale]).sort(), locale).toEqual(keys);
      for (const key of keys)
        expect(catalogues[locale][key as keyof typeof catalogues.nb].trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("keep the same placeholders in every language", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(catalogues.nb)) {
      for (const locale of ["nn", "en"] as const) {
        expect(
          placeholders(catalogues[locale][key as keyof typeof catalogues.nb]),
          `${locale} ${key}`,
        ).toEqual(placeholders(text));
      }
    }
  });

  it("are really translated: nynorsk and English differ from bokmål for most texts", () => {
    const keys = Object.keys(catalogues.nb) as (keyof typeof catalogues.nb)[];
    const same = (locale: "nn" | "en") =>
      keys.filter((k) => catalogues[locale][k] === catalogues.nb[k]).length;
    expect(same("nn") / keys.length).toBeLessThan(0.35);
    expect(same("en") / keys.length).toBeLessThan(0.2);
  });

  it("fills placeholders", () => {
    expect(createT("nb")("overview.greeting", { name: "Kari" })).toBe("Hei, Kari");
  });

  it("chooses ?lang= first, then the cookie, then the profile, then bokmål", () => {
    const req = (url: string, cookie = "") => new Request(url, { headers: { cookie } });
    expect(resolveLocale(req("http://x/?lang=nn", "oppvern_lang=en"), "en")).toEqual({
      locale: "nn",
      fromQuery: true,
    });
    expect(resolveLocale(req("http://x/", "oppvern_lang=en"), "nn").locale).toBe("en");
    expect(resolveLocale(req("http://x/"), "nn").locale).toBe("nn");
    expect(resolveLocale(req("http://x/?lang=sv")).locale).toBe("nb");
  });
});

describe.each(dialects)("language switching on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { demo: true });
  });
  afterAll(() => server.close());

  it("sets <html lang>, remembers the choice in a cookie, and in the profile when logged in", async () => {
    const client = new TestClient(server.url);
    await client.login("koordinator@demo.oppvern.no");
    const { html } = await client.page("/?lang=nn");
    expect(html).toMatch(/<html lang="nn"/);
    expect(client.cookie("oppvern_lang")).toBe("nn");
    expect((await client.page("/profil")).html).toMatch(/<html lang="nn"/);

    // A new browser: no cookie, but the profile remembers nynorsk.
    const other = new TestClient(server.url);
    await other.login("koordinator@demo.oppvern.no");
    expect((await other.page("/")).html).toMatch(/<html lang="nn"/);
    expect((await new TestClient(server.url).page("/")).html).toMatch(/<html lang="nb"/);
  });

  it("keeps the page's place and filters when the reader changes language", async () => {
    const { html } = await new TestClient(server.url).page("/personopplysninger?q=helse&lang=nb");
    expect(html).toContain('href="/personopplysninger?q=helse&amp;lang=nn"');
    expect(html).toContain('href="/personopplysninger?q=helse&amp;lang=en"');
  });

  it("marks the personal-data guide and catalogue as bokmål for a reader who chose English", async () => {
    const guide = getGuide("nb");
    const entry = getCatalogue()[0];
    if (!guide || !entry) throw new Error("the guide and the catalogue are part of the build");
    // Text as React writes it into HTML, as a pattern.
    const html = (text: string) =>
      text
        .replaceAll("&", "&amp;")
        .replaceAll('"', "&quot;")
        .replaceAll("'", "&#x27;")
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const client = new TestClient(server.url);
    const english = (await client.page("/personopplysninger?lang=en")).html;
    expect(english).toMatch(/<html lang="en"/);
    expect(english).toMatch(new RegExp(`<h1[^>]*lang="nb"[^>]*>${html(guide.title)}<`));
    for (const section of guide.sections)
      expect(english).toMatch(new RegExp(`<h2[^>]*lang="nb"[^>]*>${html(section.title)}<`));
    // The page's own words are English and not marked otherwise.
    expect(english).toMatch(/<h2[^>]*id="innhold"[^>]*>Contents</);
    expect(english).toContain("This guide is in Norwegian (bokmål and nynorsk).");
    const catalogue = (await client.page("/personopplysninger/katalog?lang=en")).html;
    expect(catalogue).toMatch(new RegExp(`<h3[^>]*lang="nb"[^>]*>${html(entry.navn.nb)}<`));
    const norwegian = (await new TestClient(server.url).page("/personopplysninger")).html;
    // A Norwegian page's headings are in the page's language, not marked otherwise.
    expect(norwegian).toMatch(/<html lang="nb"/);
    expect(norwegian).not.toMatch(/<h[12][^>]*lang=/);
    expect(norwegian).not.toContain("This guide is in Norwegian");
  });
});
