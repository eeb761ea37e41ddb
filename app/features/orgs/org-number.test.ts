import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidOrgNumber, normaliseOrgNumber } from "./org-number.ts";

describe("organisasjonsnummer", () => {
  it("accepts real organisation numbers", () => {
    // Oslo kommune, Bergen kommune, Brønnøysundregistrene
    for (const n of ["958935420", "964338531", "974760673"]) expect(isValidOrgNumber(n)).toBe(true);
  });

  it("accepts spaces the way people type them", () => {
    expect(isValidOrgNumber("974 760 673")).toBe(true);
    expect(normaliseOrgNumber("974 760 673")).toBe("974760673");
  });

  it("refuses a wrong check digit, wrong length and letters", () => {
    for (const n of ["974760674", "97476067", "9747606730", "97476067a", ""])
      expect(isValidOrgNumber(n)).toBe(false);
  });

  it("exactly one check digit fits any eight digits, or none when the remainder gives 10", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (first8) => {
        const valid = [..."0123456789"].filter((d) => isValidOrgNumber(first8 + d));
        expect(valid.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
