import { data } from "react-router";
import { currentBank } from "../features/assessment/bank.server.ts";

/** GET /api/v1/sporsmalsbank: the current version of the assessment's question bank, public. */
export function loader() {
  const bank = currentBank();
  return data(
    {
      versjon: bank.versjon,
      utgitt: bank.utgitt,
      erstatter: bank.erstatter,
      omrader: bank.areas.map((a) => ({
        id: a.id,
        tittel: a.tittel,
        beskrivelse: a.beskrivelse,
        sporsmal: a.sporsmal,
      })),
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
