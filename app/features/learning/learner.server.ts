import type { RouterContextProvider } from "react-router";
import { getServices, loadActor } from "../../lib/route.server.ts";
import { ensureCertificates } from "./certificates.server.ts";
import { clearLearnerCookie, LEARNER_COOKIE, learnerFor, mergeAnonymousProgress } from "./progress.server.ts";

/**
 * The learner for a course page. When someone who took courses anonymously has since logged in,
 * the browser's progress moves to the account here, and its cookie is cleared.
 */
export async function resolveLearner(
  context: Readonly<RouterContextProvider>,
  request: Request,
  create: boolean,
) {
  const actor = await loadActor(context, request);
  const headers = new Headers();
  if (actor) {
    const anonymous = learnerFor(request, null, { create: false });
    if (anonymous) {
      const { db } = getServices(context);
      await mergeAnonymousProgress(db, anonymous.key, actor.userId);
      await ensureCertificates(db, actor.userId);
      headers.append("Set-Cookie", clearLearnerCookie);
    }
  }
  const learner = learnerFor(request, actor?.userId ?? null, { create });
  if (learner?.setCookie) headers.append("Set-Cookie", learner.setCookie);
  return { actor, learner, headers };
}

export { LEARNER_COOKIE };
