import { z } from "zod";
import { KATEGORIER, SAERLIGE_KATEGORIER } from "../classifier/catalogue.ts";
import { ZClassifyRequest } from "../classifier/schemas.ts";
import { ZMeAnswer, ZMeasuresAnswer, ZProcessingsAnswer, ZServicesAnswer } from "./schemas.ts";

/** A JSON Schema of a request body, from the same Zod schema the API checks it with. */
const bodyOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input" });
/** A JSON Schema of an answer, from the Zod schema the route builds its answer as. */
const answerOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "output" });

const error = {
  description: "Feil i forespørselen. `feil` sier hva som må rettes.",
  content: {
    "application/json": {
      schema: { type: "object", properties: { feil: { type: "string" } }, required: ["feil"] },
    },
  },
};

const tokenError = (description: string) => ({
  description,
  content: error.content,
});

/** The answers every token-protected endpoint may give besides its own. */
const tokenResponses = {
  "401": {
    ...tokenError(
      "Mangler API-nøkkel, eller nøkkelen er ukjent, utløpt eller trukket tilbake. Svaret har headeren `WWW-Authenticate: Bearer`.",
    ),
    headers: { "WWW-Authenticate": { schema: { type: "string" } } },
  },
  "429": tokenError("For mange kall med denne nøkkelen. Vent et minutt og prøv igjen."),
};

const ownerParameter = {
  name: "ownerId",
  in: "path",
  required: true,
  description:
    "Id-en til eieren (kommunen, fylkeskommunen eller den private eieren). Se `medlemskap` i `/meg`.",
  schema: { type: "string" },
};

/** One owner's register, read with a token, with the same rights as on the page it comes from. */
const ownerEndpoint = (summary: string, description: string, answer: z.ZodType) => ({
  get: {
    summary,
    description,
    security: [{ bearerAuth: [] }],
    parameters: [ownerParameter],
    responses: {
      "200": {
        description: "Eieren og registeret.",
        content: { "application/json": { schema: answerOf(answer) } },
      },
      ...tokenResponses,
      "404": tokenError(
        "Eieren finnes ikke, eller du har ikke tilgang til dette registeret hos den (samme svar, så ingenting avslører at den finnes).",
      ),
    },
  },
});

/**
 * The public HTTP API, described as OpenAPI 3.1 (`/api/v1/openapi.json`). The request bodies are
 * generated from the Zod schemas the routes validate with, so the description cannot drift from
 * what is checked.
 */
export function openApiDocument(publicUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Oppvern API",
      version: "1",
      description:
        "Åpne data fra Oppvern: katalogen over personopplysninger i skole og barnehage, klassifisering av en kort beskrivelse, og spørsmålsbanken for kartlegging. Med en personlig API-nøkkel (lages på /profil) kan du også lese eierens registre, med de samme tilgangene som du har på sidene.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "En personlig API-nøkkel som begynner med `oppv_`, laget på /profil. Send den som `Authorization: Bearer <nøkkel>`. En innlogging i nettleseren (informasjonskapsel) gjelder ikke her.",
        },
      },
    },
    paths: {
      "/meg": {
        get: {
          summary: "Hvem nøkkelen tilhører, og rollene deres",
          description: "Rollene slik de er nå. Eier-id-ene brukes i adressene til registrene nedenfor.",
          security: [{ bearerAuth: [] }],
          responses: {
            "200": {
              description: "Personen og medlemskapene.",
              content: { "application/json": { schema: answerOf(ZMeAnswer) } },
            },
            ...tokenResponses,
          },
        },
      },
      "/eiere/{ownerId}/behandlinger": ownerEndpoint(
        "Eierens behandlingsoversikt",
        "For koordinatoren og personvernombudet hos eieren og lederne på enhetene, som på /behandlinger.",
        ZProcessingsAnswer,
      ),
      "/eiere/{ownerId}/tiltak": ownerEndpoint(
        "Tiltakene i eierens handlingsplan",
        "For koordinatoren og personvernombudet hos eieren og lederne på enhetene, som på /handlingsplan.",
        ZMeasuresAnswer,
      ),
      "/eiere/{ownerId}/systemer": ownerEndpoint(
        "Eierens systemer og leverandører",
        "For koordinatoren og personvernombudet hos eieren og lederne på enhetene, som på /systemer.",
        ZServicesAnswer,
      ),
      "/klassifiser": {
        post: {
          summary: "Klassifiser en kort beskrivelse av en opplysning",
          description:
            "Sier om beskrivelsen er en personopplysning, og hvilken kategori den har. Ingenting lagres eller logges. Begrenset antall kall per minutt.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: bodyOf(ZClassifyRequest) } },
          },
          responses: {
            "200": {
              description: "Svaret, med reglene som ga det.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: [
                      "personopplysning",
                      "kategori",
                      "saerligeKategorier",
                      "usikker",
                      "begrunnelse",
                      "treff",
                    ],
                    properties: {
                      personopplysning: { type: "boolean" },
                      kategori: { type: "string", enum: [...KATEGORIER] },
                      saerligeKategorier: {
                        type: "array",
                        items: { type: "string", enum: [...SAERLIGE_KATEGORIER] },
                      },
                      usikker: { type: "boolean" },
                      begrunnelse: { type: "array", items: { type: "string" } },
                      treff: {
                        type: "array",
                        items: { type: "string" },
                        description: "Id-ene til treffene i katalogen.",
                      },
                    },
                  },
                },
              },
            },
            "400": error,
            "405": error,
            "429": { description: "For mange kall. Vent litt og prøv igjen." },
          },
        },
      },
      "/katalog": {
        get: {
          summary: "Katalogen over personopplysninger",
          responses: {
            "200": {
              description: "Katalogens versjon og oppføringer.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["versjon", "oppforinger"],
                    properties: {
                      versjon: { type: "string" },
                      oppforinger: { type: "array", items: { type: "object" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      "/sporsmalsbank": {
        get: {
          summary: "Spørsmålsbanken for kartlegging, gjeldende versjon",
          responses: {
            "200": {
              description:
                "Versjon, utgivelsesdato, hvilke spørsmål som erstatter eldre, og områdene med spørsmål.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["versjon", "utgitt", "erstatter", "omrader"],
                    properties: {
                      versjon: { type: "string" },
                      utgitt: { type: "string" },
                      erstatter: { type: "object", additionalProperties: { type: "string" } },
                      omrader: { type: "array", items: { type: "object" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
