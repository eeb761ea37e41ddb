import { z } from "zod";
import { STATUSES as MEASURE_STATUSES } from "../plan/priority.ts";
import { STATUSES as PROCESSING_STATUSES } from "../processing/schemas.ts";
import { DPA_STATUSES, DPIA, PROCESSOR, SERVICE_STATUSES, TRANSFERS } from "../systems/schemas.ts";

/** How long a new token lasts, in days: the choices on the profile page. */
export const TOKEN_DAYS = ["30", "90", "365"] as const;

/** At most this many tokens that work (not revoked, not expired) per person; the message apiToken.limit names the number. */
export const MAX_ACTIVE_TOKENS = 10;

/** A new personal API token, from the form on /profil. Messages are catalogue keys. */
export const ZNewApiToken = z.object({
  navn: z.string().trim().min(1, "apiToken.nameRequired").max(60, "apiToken.nameTooLong"),
  varighet: z.enum(TOKEN_DAYS, { error: "apiToken.daysRequired" }),
});

/*
 * The answers of the token-protected endpoints. The routes build their answer as these types, and
 * /api/v1/openapi.json describes them from the same schemas, so the description cannot drift.
 * Field names are Norwegian and stable; a new field may be added, none is renamed or removed in v1.
 */

const date = z.string().describe("Dato, ÅÅÅÅ-MM-DD");
const moment = z.string().describe("Tidspunkt, ISO 8601 i UTC");
const ref = z.object({ id: z.string(), navn: z.string() });

export const ZMeAnswer = z.object({
  id: z.string(),
  navn: z.string(),
  epost: z.string(),
  medlemskap: z.array(
    z.object({
      organisasjon: z.object({
        id: z.string(),
        navn: z.string(),
        type: z.enum(["plattform", "eier", "enhet", "nettverk"]),
        eierId: z
          .string()
          .nullable()
          .describe("Eieren organisasjonen hører til: seg selv for en eier, eieren for en enhet."),
      }),
      rolle: z.enum([
        "admin",
        "koordinator",
        "personvernombud",
        "leder",
        "ansatt",
        "programansvarlig",
        "veileder",
      ]),
    }),
  ),
});
export type MeAnswer = z.infer<typeof ZMeAnswer>;

export const ZProcessingsAnswer = z.object({
  eier: ref,
  behandlinger: z.array(
    z.object({
      id: z.string(),
      navn: z.string(),
      enhet: ref.nullable().describe("Enheten behandlingen gjelder; null når den gjelder hele eieren."),
      formal: z.string(),
      rettsgrunnlag: z.string().describe("Bokstaven i GDPR art. 6 nr. 1."),
      art9: z
        .string()
        .nullable()
        .describe("Bokstaven i GDPR art. 9 nr. 2, når særlige kategorier behandles."),
      nasjonaltGrunnlag: z.string(),
      registrerte: z.array(z.string()),
      opplysninger: z
        .array(z.string())
        .describe("Id-er i katalogen over personopplysninger (/api/v1/katalog)."),
      andreOpplysninger: z.string(),
      mottakere: z.string(),
      tredjeland: z
        .string()
        .describe("«nei», eller hvor opplysningene går utenfor EØS og på hvilket grunnlag."),
      lagring: z.string(),
      systemer: z.string(),
      sikkerhet: z.string(),
      status: z.enum(PROCESSING_STATUSES),
      gjennomgang: date.nullable(),
      endret: moment,
    }),
  ),
});
export type ProcessingsAnswer = z.infer<typeof ZProcessingsAnswer>;

export const ZMeasuresAnswer = z.object({
  eier: ref,
  tiltak: z
    .array(
      z.object({
        id: z.string(),
        tittel: z.string(),
        beskrivelse: z.string(),
        status: z.enum(MEASURE_STATUSES),
        ansvarlig: ref.nullable(),
        frist: date.nullable(),
        ferdig: date.nullable(),
        fremdrift: z.string(),
        effekt: z.string(),
        behandling: ref.nullable().describe("Behandlingen i behandlingsoversikten tiltaket gjelder."),
        endret: moment,
      }),
    )
    .describe("Tiltakene i handlingsplanen, i den rekkefølgen planen viser dem."),
});
export type MeasuresAnswer = z.infer<typeof ZMeasuresAnswer>;

export const ZServicesAnswer = z.object({
  eier: ref,
  systemer: z.array(
    z.object({
      id: z.string(),
      navn: z.string(),
      leverandor: z.string(),
      formal: z.string(),
      alleEnheter: z.boolean(),
      enheter: z
        .array(z.string())
        .describe("Id-ene til enhetene som bruker tjenesten, når ikke alle gjør det."),
      opplysninger: z.string(),
      databehandler: z.enum(PROCESSOR),
      dba: z.enum(DPA_STATUSES).describe("Databehandleravtalen."),
      dbaSignert: date.nullable(),
      dbaGjennomgang: date.nullable(),
      overforing: z.enum(TRANSFERS).describe("Overføring ut av EØS."),
      overforingNotat: z.string(),
      rosDato: date.nullable(),
      rosNotat: z.string(),
      dpia: z.enum(DPIA),
      status: z.enum(SERVICE_STATUSES),
      begrunnelse: z.string(),
      endret: moment,
    }),
  ),
});
export type ServicesAnswer = z.infer<typeof ZServicesAnswer>;
