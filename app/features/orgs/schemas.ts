import { z } from "zod";
import { isValidOrgNumber, normaliseOrgNumber } from "./org-number.ts";

export const ownerTypes = ["kommune", "fylkeskommune", "privat"] as const;
export const unitTypes = ["barnehage", "grunnskole", "videregaende", "sfo", "ppt", "annen"] as const;
export const roles = [
  "ansatt",
  "leder",
  "koordinator",
  "personvernombud",
  "veileder",
  "programansvarlig",
  "admin",
] as const;

const name = z.string().trim().min(2, "error.name.short").max(120, "error.name.long");

export const ZOwnerForm = z.object({
  name,
  ownerType: z.enum(ownerTypes, { message: "error.ownerType" }),
  orgNumber: z
    .string()
    .trim()
    .min(1, "error.orgNumber.missing")
    .transform(normaliseOrgNumber)
    .refine((v) => /^\d{9}$/.test(v), "error.orgNumber.format")
    .refine(isValidOrgNumber, "error.orgNumber.checksum"),
});
export type TOwnerForm = z.infer<typeof ZOwnerForm>;

export const ZUnitForm = z.object({
  name,
  unitType: z.enum(unitTypes, { message: "error.unitType" }),
});
export type TUnitForm = z.infer<typeof ZUnitForm>;

export const ZNetworkForm = z.object({ name });

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .email("error.email.invalid")
  .max(200, "error.email.invalid");

export const ZInviteForm = z.object({
  email: ZEmail,
  name: z.string().trim().max(120, "error.name.long").optional().default(""),
  role: z.enum(roles, { message: "error.role" }),
  organisationId: z.string().min(1, "error.organisation"),
});
export type TInviteForm = z.infer<typeof ZInviteForm>;
