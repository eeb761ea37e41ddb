import { data } from "react-router";
import { openApiDocument } from "../features/api/openapi.server.ts";
import { getServices } from "../lib/route.server.ts";
import type { Route } from "./+types/api-openapi";

/** GET /api/v1/openapi.json: the description of the public API, public. */
export function loader({ context }: Route.LoaderArgs) {
  return data(openApiDocument(getServices(context).config.publicUrl), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
