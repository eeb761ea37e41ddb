import { describe, expect, it } from "vitest";
import { lix } from "./lix.ts";

describe("LIX", () => {
  it("counts words, sentences and long words as the formula says", () => {
    // 11 words, 2 sentences, 2 long words (personopplysninger, barnehagen)
    const result = lix("Barn har rett til vern. Vi passer på personopplysninger i barnehagen.");
    expect(result.words).toBe(11);
    expect(result.sentences).toBe(2);
    expect(result.longWords).toBe(2);
    expect(result.score).toBeCloseTo(11 / 2 + (100 * 2) / 11, 5);
  });

  it("treats a list item or heading without a full stop as a sentence", () => {
    const result = lix("## Hva er lov\n- navn\n- adresse og telefonnummer");
    expect(result.sentences).toBe(3);
    expect(result.longWords).toBe(2); // adresse, telefonnummer
  });

  it("gives long legal sentences a higher score than short plain ones", () => {
    const plain = lix("Skolen eier ikke opplysningene. Kommunen har ansvaret. Du må vite hva du gjør.");
    const legal = lix(
      "Behandlingsansvarlig virksomhet skal gjennomføre forholdsmessige organisatoriske og tekniske sikkerhetstiltak for personopplysningsbehandlingen.",
    );
    expect(plain.score).toBeLessThan(40);
    expect(legal.score).toBeGreaterThan(50);
  });
});
