import { z } from "zod";

/** The publish form: which network, and that the publisher has read the text for names of people. */
export const ZPublish = z.object({
  nettverk: z.string().min(1, "shared.networkRequired"),
  // The fields we share are free text: only the publisher can see that no one is named in them.
  bekreft: z.literal("ja", { error: "shared.confirmRequired" }),
});
