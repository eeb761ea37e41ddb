import { z } from "zod";
import { KATEGORIER, SAERLIGE_KATEGORIER } from "../classifier/catalogue.ts";
import { ZClassifyRequest } from "../classifier/schemas.ts";

/** A JSON Schema of a request body, from the same Zod schema the API checks it with. */
const bodyOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input" });

const error = {
  description: "Feil i forespørselen. `feil` sier hva som må rettes.",
  content: {
    "application/json": {
      schema: { type: "object", properties: { feil: { type: "string" } }, required: ["feil"] },
    },
  },
};

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
        "Åpne data fra Oppvern: katalogen over personopplysninger i skole og barnehage, klassifisering av en kort beskrivelse, og spørsmålsbanken for kartlegging.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths: {
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
