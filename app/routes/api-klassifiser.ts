import { data } from "react-router";
import { catalogueVersion, classifyText } from "../features/classifier/catalogue.server.ts";
import { ZClassifyRequest } from "../features/classifier/schemas.ts";
import { createT, type MessageKey } from "../i18n/translate.ts";
import type { Route } from "./+types/api-klassifiser";

/**
 * POST /api/v1/klassifiser {"tekst": "...", "sprak"?: "nb" | "nn"}: public and rate-limited (see
 * server/app.ts). Nothing is stored or logged: a description may name a person.
 */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST")
    return data({ feil: "Bruk POST." }, { status: 405, headers: { Allow: "POST" } });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return data({ feil: 'Send JSON, for eksempel {"tekst": "karakter i samisk"}.' }, { status: 400 });
  }
  const parsed = ZClassifyRequest.safeParse(body);
  if (!parsed.success) {
    const t = createT("nb");
    const key = parsed.error.issues[0]?.message ?? "classifier.empty";
    return data(
      { feil: t(key.startsWith("classifier.") ? (key as MessageKey) : "classifier.empty") },
      { status: 400 },
    );
  }
  const answer = classifyText(parsed.data.tekst, parsed.data.sprak ?? "nb");
  return data(answer, { headers: { "Cache-Control": "no-store", "X-Katalog-Versjon": catalogueVersion } });
}

export function loader() {
  return data(
    { feil: 'Bruk POST med JSON, for eksempel {"tekst": "karakter i samisk"}.' },
    { status: 405, headers: { Allow: "POST" } },
  );
}
