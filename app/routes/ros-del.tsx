import { data, Form, Link, redirect } from "react-router";
import { ChoiceGroup, ErrorSummary, Notice } from "../components/form.tsx";
import { SharedFrame, SharedRisks } from "../components/shared-assessment.tsx";
import { can } from "../features/policy/policy.server.ts";
import { ZPublish } from "../features/shared/schemas.ts";
import {
  networksOfOwner,
  publicationsOf,
  publish,
  snapshotOf,
  withdraw,
} from "../features/shared/shared.server.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { useLocale, useT } from "../i18n/use-t.ts";
import { formObject, parseObject } from "../lib/forms.ts";
import { pageTitle } from "../lib/meta.ts";
import { notFound, readForm } from "../lib/route.server.ts";
import { loadRegisterWriteScope } from "../lib/scopes.server.ts";
import { formatMoment } from "../lib/time.ts";
import type { RouteHandle } from "../root.tsx";
import type { Route } from "./+types/ros-del";

export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "shared.publish.title");

/** What `?lagret=` after publishing or withdrawing can say. */
const DONE = ["publisert", "trukket"] as const;

/** What is never shared, in the order the page lists it (see snapshotOf for why). */
const LEFT_OUT: MessageKey[] = [
  "shared.leftOut.participants",
  "shared.leftOut.processing",
  "shared.leftOut.review",
  "shared.leftOut.plan",
  "shared.leftOut.service",
  "shared.leftOut.people",
];

/**
 * Publishing one of the owner's assessments: the koordinator or personvernombud (register:manage,
 * else 404), the networks the owner is a member of where the policy lets them publish, and the
 * snapshot that would be shared.
 */
async function loadPublish(args: Route.LoaderArgs | Route.ActionArgs) {
  const scope = await loadRegisterWriteScope(args.context, args.request);
  const { actor, ownerId, services } = scope;
  if (!can(actor, "shared:withdraw", { type: "owner", ownerId })) notFound();
  const found = await snapshotOf(services.db, ownerId, args.params.id);
  if (!found) notFound();
  const networks = (await networksOfOwner(services.db, ownerId)).filter((n) =>
    can(actor, "shared:publish", {
      type: "sharedAssessments",
      networkId: n.id,
      ownerId,
      ownerInNetwork: true,
    }),
  );
  return { ...scope, ...found, networks };
}

export async function loader(args: Route.LoaderArgs) {
  const { services, ownerId, assessment: a, snapshot, networks } = await loadPublish(args);
  const publications = await publicationsOf(services.db, ownerId, a.id);
  return {
    id: a.id,
    title: a.title,
    finished: a.status === "ferdig",
    frame: {
      scope: snapshot.scope,
      serviceName: snapshot.service_name,
      serviceSupplier: snapshot.service_supplier,
      assessedOn: snapshot.assessed_on,
    },
    risks: snapshot.risks,
    networks,
    publications: publications.map((p) => ({
      id: p.id,
      network: p.network_name,
      at: p.published_at,
      // A change to the assessment or a risk after publishing is not in the network's copy.
      changedSince: a.updated_at > p.published_at,
    })),
    done: DONE.find((s) => s === new URL(args.request.url).searchParams.get("lagret")) ?? null,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, ownerId, assessment, snapshot, networks } = await loadPublish(args);
  const form = await readForm(args.request);
  if (form.get("intent") === "trekk-tilbake") {
    const result = await withdraw(services.db, {
      ownerId,
      id: String(form.get("deling") ?? ""),
      userId: actor.userId,
    });
    if (result === "not-found") notFound();
    return redirect(`/ros/${assessment.id}/del?lagret=trukket#lagret`, 303);
  }
  if (form.get("intent") !== "publiser") notFound();
  const raw = formObject(form, []);
  const parsed = parseObject(ZPublish, raw);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const chosen = typeof raw.nettverk === "string" ? raw.nettverk : "";
  if (chosen && !networks.some((n) => n.id === chosen)) errors.nettverk = "shared.networkRequired";
  const message = assessment.status === "ferdig" ? null : ("shared.notFinished" as const);
  if (!parsed.ok || Object.keys(errors).length > 0 || message)
    return data({ errors, values: { nettverk: chosen }, message }, { status: 400 });
  await publish(services.db, {
    ownerId,
    networkId: parsed.data.nettverk,
    snapshot,
    sourceId: assessment.id,
    userId: actor.userId,
  });
  return redirect(`/ros/${assessment.id}/del?lagret=publisert#lagret`, 303);
}

export default function RosDel({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="stack-lg prose">
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={`/ros/${d.id}`}>
          {d.title}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("shared.publish.title")}
      </h1>
      <div id="lagret">{d.done ? <Notice>{t(`shared.done.${d.done}` as MessageKey)}</Notice> : null}</div>
      <p className="ds-paragraph">{t("shared.publish.lead")}</p>
      {d.publications.length > 0 ? (
        <section aria-labelledby="publisert" className="stack">
          <h2 className="ds-heading" data-size="md" id="publisert">
            {t("shared.publications.title")}
          </h2>
          {/* A list, not a table: on a phone the button to withdraw stays in view. */}
          <ul className="ds-list" aria-labelledby="publisert">
            {d.publications.map((p) => (
              <li key={p.id} className="stack">
                <span>
                  {t("shared.publishedIn", { network: p.network, date: formatMoment(p.at, locale) })}
                  {p.changedSince ? <strong> {t("shared.changedSince")}</strong> : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="trekk-tilbake" />
                  <input type="hidden" name="deling" value={p.id} />
                  <button type="submit" className="ds-button" data-variant="secondary">
                    {t("shared.withdraw")}
                    <span className="ds-sr-only">: {p.network}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <p className="ds-paragraph">{t("shared.withdraw.help")}</p>
        </section>
      ) : null}
      <section aria-labelledby="hva-deles" className="stack">
        <h2 className="ds-heading" data-size="md" id="hva-deles">
          {t("shared.what.title")}
        </h2>
        <p className="ds-paragraph">{t("shared.what.shared")}</p>
        <p className="ds-paragraph">{t("shared.what.notShared")}</p>
        <ul className="ds-list">
          {LEFT_OUT.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
      <PublishForm d={d} actionData={actionData} />
      <section aria-labelledby="forhandsvisning" className="stack">
        <h2 className="ds-heading" data-size="md" id="forhandsvisning">
          {t("shared.preview.title")}
        </h2>
        <p className="ds-paragraph">{t("shared.preview.lead")}</p>
        <h3 className="ds-heading" data-size="sm">
          {d.title}
        </h3>
        <SharedFrame frame={d.frame} />
        <SharedRisks risks={d.risks} idPrefix="forhand" />
      </section>
    </div>
  );
}

/** The form itself, or why there is none: a draft cannot be shared, and an owner in no network has nowhere to share. */
function PublishForm({
  d,
  actionData,
}: {
  d: Route.ComponentProps["loaderData"];
  actionData: Route.ComponentProps["actionData"];
}) {
  const t = useT();
  if (!d.finished) return <Notice color="info">{t("shared.notFinished")}</Notice>;
  if (d.networks.length === 0) return <Notice color="info">{t("shared.noNetwork")}</Notice>;
  const state = actionData ? { errors: actionData.errors, message: actionData.message ?? undefined } : null;
  const chosen = actionData?.values.nettverk ?? (d.networks.length === 1 ? (d.networks[0]?.id ?? "") : "");
  return (
    <section aria-labelledby="publiser" className="stack">
      <h2 className="ds-heading" data-size="md" id="publiser">
        {d.publications.length > 0 ? t("shared.publish.again") : t("shared.publish.form")}
      </h2>
      {d.publications.length > 0 ? <p className="ds-paragraph">{t("shared.publish.againHelp")}</p> : null}
      <Form method="post" action="#feil" className="stack-lg" noValidate>
        <ErrorSummary state={state} />
        <input type="hidden" name="intent" value="publiser" />
        <ChoiceGroup
          name="nettverk"
          legend={t("shared.field.network")}
          type="radio"
          options={d.networks.map((n) => ({ value: n.id, label: n.name }))}
          chosen={[chosen]}
          error={actionData?.errors.nettverk}
        />
        <ChoiceGroup
          name="bekreft"
          legend={t("shared.field.confirm")}
          type="checkbox"
          options={[{ value: "ja", label: t("shared.confirm") }]}
          chosen={[]}
          error={actionData?.errors.bekreft}
        />
        <div>
          <button type="submit" className="ds-button">
            {t("shared.publish.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
