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
