import type { Config } from "@react-router/dev/config";

// FRAMEWORK_ROUTES=one builds the same page as the only route; otherwise every route of Oppvern.
export default {
  ssr: true,
  buildDirectory: process.env.FRAMEWORK_ROUTES === "one" ? "build/one" : "build/all",
} satisfies Config;
