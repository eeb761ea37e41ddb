import { defineConfig } from "vitest/config";

/** Browser journeys against the production server (node server.ts), in Debian's Chromium. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    // Journeys with several browser contexts take about a minute on a busy 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // A page that has just been asked for a save or a navigation gets ten seconds to show the
    // result (the default is one), in every journey: on a shared VM that runs slow, one second
    // has failed good runs.
    expect: { poll: { timeout: 10_000 } },
  },
});
