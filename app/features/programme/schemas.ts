import { z } from "zod";
import { dateField } from "../../lib/forms.ts";

/** A new programme: what it is called, when it runs, and which of the network's owners take part. */
export const ZProgramme = z
  .object({
    navn: z.string().trim().min(1, "programme.nameRequired").max(200, "programme.tooLong"),
    nettverk: z.string().min(1, "programme.networkRequired"),
    start: dateField("programme.dateFormat").default(""),
    slutt: dateField("programme.dateFormat").default(""),
    eiere: z.array(z.string()).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.start && v.slutt && v.slutt < v.start)
      ctx.addIssue({ code: "custom", path: ["slutt"], message: "programme.endBeforeStart" });
  });

/** When and where one gathering is held. */
export const ZGathering = z.object({
  samling: z.coerce.number().int().min(0).max(4),
  dato: dateField("programme.dateFormat").default(""),
  sted: z.string().trim().max(200, "programme.tooLong").default(""),
});

/** The most points an agenda can have, and the longest point. */
export const AGENDA_POINTS = 20;
export const AGENDA_POINT_LENGTH = 200;

/**
 * A gathering's agenda: one point per line (blank lines are dropped). An empty agenda goes back to
 * the template's suggestion.
 */
export const ZAgenda = z.object({
  agenda: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(AGENDA_POINT_LENGTH, "programme.agenda.pointTooLong"))
        .max(AGENDA_POINTS, "programme.agenda.tooMany"),
    ),
});

/** A guidance group: its name, its guide and its owners (checked against the programme's by the route). */
export const ZGroup = z.object({
  navn: z.string().trim().min(1, "groups.error.nameRequired").max(100, "programme.tooLong"),
  veileder: z.string().min(1, "groups.error.guideRequired"),
  eiere: z.array(z.string()).default([]),
});

/** What an owner shares with the programme: a ticked box shares, none ticked shares nothing. */
export const ZShare = z.object({
  eier: z.string().min(1),
  fremdrift: z.literal("ja").optional(),
  resultater: z.literal("ja").optional(),
});

/** A comment's text, new or corrected by its author. */
export const ZCommentText = z.object({
  tekst: z.string().trim().min(1, "groups.error.commentRequired").max(2000, "groups.error.commentTooLong"),
});

/** A short comment from the guide, or the owner's answer. */
export const ZComment = ZCommentText.extend({ eier: z.string().min(1) });

/** The owners that attended a gathering (1–4: gathering 0 is the guides' own). */
export const ZAttendance = z.object({
  deltok: z.array(z.string()).default([]),
});

/** A link in the programme's resource library: a web address with a title, for someone, maybe for one gathering. */
export const ZResourceLink = z.object({
  tittel: z.string().trim().min(1, "resources.error.titleRequired").max(120, "programme.tooLong"),
  adresse: z
    .string()
    .trim()
    .min(1, "resources.error.urlRequired")
    .max(2000, "programme.tooLong")
    .refine((v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, "resources.error.url"),
  beskrivelse: z.string().trim().max(500, "resources.error.descriptionTooLong").default(""),
  for: z.enum(["alle", "veiledere", "deltakere"], { message: "resources.error.audience" }),
  samling: z
    .string()
    .default("")
    .refine((v) => v === "" || /^[0-4]$/.test(v), "resources.error.gathering")
    .transform((v) => (v === "" ? null : Number(v))),
});
