/** A minimal browser stand-in for integration tests: keeps cookies, sends forms like a browser does. */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  cookie(name: string) {
    return this.cookies.get(name);
  }

  /** Every cookie this client holds, as a Cookie header (for requests made outside the client). */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (/max-age=0/i.test(header) || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = this.cookieHeader();
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(path: string) {
    const response = await fetch(new URL(path, this.baseUrl), {
      headers: this.headers(),
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** GET that follows redirects (within the site), like a browser. */
  async page(path: string): Promise<{ response: Response; html: string; url: string }> {
    let url = path;
    for (let i = 0; i < 5; i++) {
      const response = await this.get(url);
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        url = location;
        continue;
      }
      return { response, html: await response.text(), url };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  async post(
    path: string,
    fields: Record<string, string> | [string, string][],
    extraHeaders: Record<string, string> = {},
  ) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: this.headers({
        "content-type": "application/x-www-form-urlencoded",
        origin: new URL(this.baseUrl).origin,
        ...extraHeaders,
      }),
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** A multipart form post, as a browser sends a form with a file field. */
  async postMultipart(path: string, form: FormData) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: this.headers({ origin: new URL(this.baseUrl).origin }),
      body: form,
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  async login(email: string, password = "oppvern-demo") {
    const response = await this.post("/logg-inn", { email, password });
    if (response.status !== 303) throw new Error(`login as ${email} failed with ${response.status}`);
    return response;
  }
}

/** The text of a page without tags, for asserting what a user reads. */
export const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** A client signed in as this person (password of the demo accounts unless given). */
export async function signedIn(server: { url: string }, email: string, password?: string) {
  const client = new TestClient(server.url);
  await client.login(email, password);
  return client;
}
