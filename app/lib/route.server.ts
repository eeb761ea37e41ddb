import { data, type RouterContextProvider, redirect } from "react-router";
import { getActor } from "../features/auth/get-actor.server.ts";
import { type Action, type Actor, can, type Resource } from "../features/policy/policy.server.ts";
import { type Locale, resolveLocale } from "../i18n/locales.ts";
import { createT } from "../i18n/translate.ts";
import { cookieValue } from "./cookies.ts";
import { requestContext, servicesContext } from "./services.ts";

export const ORG_COOKIE = "oppvern_org";

export const getServices = (context: Readonly<RouterContextProvider>) => context.get(servicesContext);
export const getRequestInfo = (context: Readonly<RouterContextProvider>) => context.get(requestContext);

/** Loads the signed-in user once per request (loaders of one request share the context). */
const actorCache = new WeakMap<object, Promise<Actor | null>>();
export function loadActor(context: Readonly<RouterContextProvider>, request: Request) {
  let pending = actorCache.get(request);
  if (!pending) {
    pending = getActor(getServices(context), request);
    actorCache.set(request, pending);
  }
  return pending;
}

export async function requireActor(
  context: Readonly<RouterContextProvider>,
  request: Request,
): Promise<Actor> {
  const actor = await loadActor(context, request);
  if (!actor) {
    const url = new URL(request.url);
    throw redirect(`/logg-inn?neste=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return actor;
}

export function notFound(): never {
  throw data(null, { status: 404 });
}

/**
 * For someone who may read a thing but not change it (another person's comment in a thread they
 * read): they know it exists, so 404 would hide nothing.
 */
export function forbidden(): never {
  throw data(null, { status: 403 });
}

/** Asks the policy; a "no" answers 404 so that another tenant's resource is indistinguishable from none. */
export function authorize(actor: Actor | null, action: Action, resource: Resource) {
  if (!can(actor, action, resource)) notFound();
}

export function localeFor(request: Request, actor?: Actor | null): Locale {
  return resolveLocale(request, actor?.locale).locale;
}

export async function getT(context: Readonly<RouterContextProvider>, request: Request) {
  const actor = await loadActor(context, request);
  const locale = localeFor(request, actor);
  return { t: createT(locale), locale, actor };
}

/** The organisation the user works in now: the one chosen in the switcher, else the first membership. */
export function currentMembership(request: Request, actor: Actor) {
  const chosen = cookieValue(request.headers.get("cookie"), ORG_COOKIE);
  return actor.memberships.find((m) => m.organisationId === chosen) ?? actor.memberships[0] ?? null;
}

/** The owner the user works for now: the current organisation if it is an owner, else its owner. */
export function currentOwnerId(request: Request, actor: Actor): string | null {
  const membership = currentMembership(request, actor);
  return membership?.kind === "eier" ? membership.organisationId : (membership?.ownerId ?? null);
}

/** Reads the posted form; a body that is not a form answers 400 instead of 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data(null, { status: 400 });
  }
}

/** What a page answers after trying to remove a role (see removeMembership). */
export function removalOutcome(result: "removed" | "not-found" | "self", intent: string) {
  if (result === "not-found") notFound();
  if (result === "self")
    return data({ intent, message: "member.cannotRemoveSelf" as const }, { status: 400 });
  return data({ intent, done: "member.removed" as const });
}

export function safeNext(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}

/** The page of a list asked for with `?side=` (1 when missing or not a page number). */
export const pageOf = (request: Request) =>
  Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get("side"))) || 1);

/**
 * The answer to a save refused because someone else saved since the form was read (409): what the
 * user typed stays in the form with the version now stored, so saving again overwrites; the
 * message says so, and `saved` is what the page shows of the other person's save.
 */
export async function staleSave<R extends { version: number }, V extends object, M extends string, S>(
  reread: () => Promise<R | null | undefined>,
  typed: V,
  message: M,
  show: (now: R) => S,
) {
  const now = await reread();
  if (!now) notFound();
  return data(
    {
      ok: false as const,
      errors: {} as Record<string, string>,
      values: { ...typed, version: String(now.version) },
      message,
      saved: show(now),
    },
    { status: 409 },
  );
}
