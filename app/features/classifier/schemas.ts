import { z } from "zod";
import { MAX_TEXT_LENGTH } from "./classify.ts";

/** The classifier form and API: one short description. Messages are message-catalogue keys. */
export const ZClassifyForm = z.object({
  tekst: z
    .string({ error: "classifier.empty" })
    .trim()
    .min(1, "classifier.empty")
    .max(MAX_TEXT_LENGTH, "classifier.tooLong"),
});

export const ZClassifyRequest = ZClassifyForm.extend({
  sprak: z.enum(["nb", "nn"]).optional(),
});
