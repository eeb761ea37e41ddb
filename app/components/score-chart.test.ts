import { describe, expect, it } from "vitest";
import { wrapLabel } from "./score-chart.tsx";

describe("the score chart's labels", () => {
  it("are wrapped between words so that no line is longer than it may be", () => {
    const lines = wrapLabel("Risikovurdering og personvernkonsekvensvurdering (DPIA)", 34);
    expect(lines).toEqual(["Risikovurdering og", "personvernkonsekvensvurdering", "(DPIA)"]);
    expect(wrapLabel("Teknisk sikkerhet", 34)).toEqual(["Teknisk sikkerhet"]);
    for (const line of wrapLabel("Oversikt over behandlinger og systemer i barnehagen", 20))
      expect(line.length).toBeLessThanOrEqual(20);
  });
});
