import type { DpiaConclusion } from "../../db/schema.ts";

/** Everything a reader needs of a DPIA and its risks; an approval keeps one as its version. */
export interface DpiaSnapshot {
  title: string;
  processing: string | null;
  /** The service of the systems register; absent in versions approved before DPIAs named one. */
  service?: string | null;
  criteria: string[];
  listItems: string[];
  conclusion: DpiaConclusion;
  screeningNote: string;
  what: string;
  purpose: string;
  who: string;
  dataTypes: string;
  systems: string;
  retention: string;
  necessity: string;
  proportionality: string;
  measures: string;
  advice: string;
  adviceBy: string | null;
  adviceAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  risks: {
    threat: string;
    likelihood: number;
    consequence: number;
    measure: string;
    likelihoodAfter: number;
    consequenceAfter: number;
  }[];
}
