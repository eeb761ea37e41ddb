import type { RouterContextProvider } from "react-router";
import { getServices } from "../../lib/route.server.ts";
import { getOwner } from "../orgs/owners.server.ts";
import { type Action, type Actor, can } from "../policy/policy.server.ts";
import { actorFromBearer, type BearerResult } from "./tokens.server.ts";

type Context = Readonly<RouterContextProvider>;

/** A JSON answer of the token-protected API: never cached by anyone on the way. */
export const apiJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** The token-protected endpoints only read: any other method is told so, in JSON like the rest. */
export const onlyGet = () => apiJson({ feil: "Bruk GET." }, 405, { Allow: "GET, HEAD" });

const UNAUTHORISED: Record<Exclude<BearerResult, { ok: true }>["reason"], string> = {
  missing:
    "Mangler API-nøkkel. Send den i headeren «Authorization: Bearer <nøkkel>». Du lager en på /profil.",
  invalid: "API-nøkkelen er ukjent. Sjekk at du har kopiert hele nøkkelen.",
  expired: "API-nøkkelen er utløpt. Lag en ny på /profil.",
  revoked: "API-nøkkelen er trukket tilbake. Lag en ny på /profil.",
};

/**
 * The person the request's API token belongs to; anything else answers 401 with
 * `WWW-Authenticate: Bearer` (RFC 6750). A session cookie does not count here.
 */
export async function requireTokenActor(context: Context, request: Request): Promise<Actor> {
  const result = await actorFromBearer(getServices(context).db, request);
  if (result.ok) return result.actor;
  const challenge =
    result.reason === "missing"
      ? 'Bearer realm="oppvern"'
      : `Bearer realm="oppvern", error="invalid_token", error_description="${result.reason}"`;
  throw apiJson({ feil: UNAUTHORISED[result.reason] }, 401, { "WWW-Authenticate": challenge });
}

/** As a page answers: an owner that does not exist, or that this person may not read, is 404. */
const notFound = () => apiJson({ feil: "Fant ingen eier med denne id-en som du har tilgang til." }, 404);

/**
 * The guard of an owner's endpoint: a valid token, and the policy's yes to `action` on the owner
 * (asked first, as every page does), else 404. Returns the person and the owner.
 */
export async function requireOwnerForToken(
  context: Context,
  request: Request,
  ownerId: string,
  action: Action,
) {
  const actor = await requireTokenActor(context, request);
  if (!can(actor, action, { type: "owner", ownerId })) throw notFound();
  const services = getServices(context);
  const owner = await getOwner(services.db, ownerId);
  if (!owner) throw notFound();
  return { actor, services, owner: { id: owner.id, navn: owner.name } };
}
