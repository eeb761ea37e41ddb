import type { AppServices } from "../../lib/services.ts";

export class EmailTakenError extends Error {}

/**
 * Creates an account whose email address is already proven (by an invitation link or the one-time
 * admin link), using better-auth's own adapter and password hashing.
 */
export async function createVerifiedAccount(
  services: Pick<AppServices, "auth" | "db">,
  options: { name: string; email: string; password: string; locale: string },
): Promise<string> {
  const existing = await services.db
    .selectFrom("user")
    .select("id")
    .where("email", "=", options.email)
    .executeTakeFirst();
  if (existing) throw new EmailTakenError();
  const ctx = await (await services.auth()).$context;
  const user = await ctx.internalAdapter.createUser(
    {
      name: options.name,
      email: options.email,
      emailVerified: true,
      locale: options.locale,
    },
    { method: "email-password" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(options.password),
  });
  return user.id;
}

export const findUserByEmail = (services: Pick<AppServices, "db">, email: string) =>
  services.db
    .selectFrom("user")
    .select(["id", "name", "email"])
    .where("email", "=", email)
    .executeTakeFirst();

export async function setUserLocale(services: Pick<AppServices, "db">, userId: string, locale: string) {
  await services.db.updateTable("user").set({ locale }).where("id", "=", userId).execute();
}
