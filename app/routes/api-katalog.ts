import { data } from "react-router";
import { catalogueVersion, getCatalogue } from "../features/classifier/catalogue.server.ts";

/** GET /api/v1/katalog: the personal-data catalogue, public. */
export function loader() {
  return data(
    { versjon: catalogueVersion, oppforinger: getCatalogue() },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
