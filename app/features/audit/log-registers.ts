/** The audit log page's registers and kinds of action (decision 025); shared by the page and the server. */

/** The registers the log page filters by, and the audit log's entities of each. */
export const LOG_REGISTERS = {
  behandlinger: ["processing"],
  systemer: ["digital_service"],
  ros: ["risk_assessment", "ros_risk"],
  dpia: ["dpia"],
  avvik: ["incident"],
  handlingsplan: ["plan_measure", "assessment_round"],
} as const satisfies Record<string, readonly string[]>;

export type LogRegister = keyof typeof LOG_REGISTERS | "annet";
export const LOG_REGISTER_NAMES = [...(Object.keys(LOG_REGISTERS) as LogRegister[]), "annet"] as const;

export function registerOf(entity: string): LogRegister {
  for (const [name, entities] of Object.entries(LOG_REGISTERS))
    if ((entities as readonly string[]).includes(entity)) return name as LogRegister;
  return "annet";
}

/** What kind of thing a row of the log records, as the page says it. */
export type LogKind = "read" | "export" | "create" | "delete" | "change";

export function kindOf(action: string): LogKind {
  if (action === "read" || action === "export") return action;
  const last = action.split(".").at(-1) ?? action;
  if (/^(create|report|invite|grant-role|assign|add-owner|add)$/.test(last)) return "create";
  if (/^(delete|remove|archive|revoke|revoke-role|unassign|remove-owner)$/.test(last)) return "delete";
  return "change";
}
