import type { ColumnType, Generated } from "kysely";

/** Timestamps of our own tables are ISO-8601 UTC strings on both databases (sortable as text). */
type Timestamp = string;
/** better-auth stores dates as Date on PostgreSQL and ISO text on SQLite. */
type AuthDate = ColumnType<Date | string, Date | string, Date | string>;
/** SQLite has no boolean type: 0/1 there, true/false on PostgreSQL. */
type Bool = ColumnType<boolean | number, boolean | number, boolean | number>;

export type OrgKind = "plattform" | "eier" | "enhet" | "nettverk";
export type OwnerType = "kommune" | "fylkeskommune" | "privat";
export type UnitType = "barnehage" | "grunnskole" | "videregaende" | "sfo" | "ppt" | "annen";
export type Role =
  | "ansatt"
  | "leder"
  | "koordinator"
  | "personvernombud"
  | "veileder"
  | "programansvarlig"
  | "admin";

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: Bool;
  image: string | null;
  locale: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

/** When a person last signed in, and when they were warned that their course account would be deleted. */
export interface AccountActivityTable {
  user_id: string;
  last_login_at: Timestamp;
  warned_at: Timestamp | null;
}

export interface SessionTable {
  id: string;
  expiresAt: AuthDate;
  token: string;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: AuthDate | null;
  refreshTokenExpiresAt: AuthDate | null;
  scope: string | null;
  password: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface RateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number, number | bigint, number | bigint>;
}

export interface OrganisationTable {
  id: string;
  kind: OrgKind;
  name: string;
  org_number: string | null;
  owner_type: OwnerType | null;
  unit_type: UnitType | null;
  /** For an enhet: the eier it belongs to. */
  parent_id: string | null;
  created_at: Timestamp;
  archived_at: Timestamp | null;
}

export interface NetworkMemberTable {
  network_id: string;
  owner_id: string;
  created_at: Timestamp;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string;
  name: string | null;
  organisation_id: string;
  role: Role;
  invited_by: string | null;
  locale: string;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  /** The tenant the change belongs to (an eier, a nettverk, or the platform). */
  tenant_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string | null;
  /**
   * Only on a read or an export (decision 025): who, what, which entry and the hour, unique, so
   * that one person's reads of one entry within an hour make one row. Null on changes.
   */
  read_key: string | null;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  error: string | null;
}

export interface SetupTokenTable {
  id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

export interface LearningStepTable {
  learner_key: string;
  user_id: string | null;
  package: string;
  module: number;
  step_id: string;
  seen_at: Timestamp;
}

export interface QuizAttemptTable {
  id: string;
  learner_key: string;
  user_id: string | null;
  package: string;
  module: number;
  /** JSON: { [questionId]: optionId[] } */
  answers: string;
  correct: number;
  total: number;
  passed: number;
  created_at: Timestamp;
}

export type CompletionMode = "individuelt" | "gruppe";

export interface ModuleCompletionTable {
  id: string;
  learner_key: string;
  user_id: string | null;
  package: string;
  module: number;
  mode: CompletionMode;
  completed_at: Timestamp;
}

export interface CertificateTable {
  code: string;
  user_id: string;
  holder_name: string;
  package: string;
  module: number;
  mode: CompletionMode;
  issued_at: Timestamp;
  /** 1 while anyone with the code may verify it at /bevis/<kode>. */
  public: number;
}

export type GroupPhase = "steps" | "question" | "reveal" | "attendance" | "ended";

export interface GroupSessionTable {
  id: string;
  /** Six digits that participants type at /delta; unique among sessions still running. */
  code: string;
  package: string;
  module: number;
  host_user_id: string;
  /** The unit whose staff list the attendance is taken from. */
  unit_id: string | null;
  phase: GroupPhase;
  step_index: number;
  question_index: number;
  timer_ends_at: Timestamp | null;
  /** Grows with every change participants should see. */
  version: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface GroupParticipantTable {
  id: string;
  session_id: string;
  token_hash: string;
  joined_at: Timestamp;
}

export interface GroupAnswerTable {
  session_id: string;
  participant_id: string;
  question_id: string;
  /** JSON array of option ids. */
  option_ids: string;
  answered_at: Timestamp;
}

export interface GroupAttendanceTable {
  session_id: string;
  user_id: string;
  recorded_at: Timestamp;
}

export interface LearningAssignmentTable {
  id: string;
  owner_id: string;
  package: string;
  module: number;
  /** "ansatt", "leder" or "alle" (both). */
  role: string;
  /** One unit, or null for every unit of the owner. */
  unit_id: string | null;
  /** YYYY-MM-DD */
  due_date: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AssignmentReminderTable {
  assignment_id: string;
  user_id: string;
  /** "before" (a week before the due date) or "overdue". */
  kind: string;
  sent_at: Timestamp;
}

export interface ProcessingTable {
  id: string;
  owner_id: string;
  unit_id: string | null;
  template_id: string | null;
  name: string;
  purpose: string;
  /** GDPR art. 6 nr. 1 letter. */
  legal_basis: string;
  /** GDPR art. 9 nr. 2 letter, when special categories are processed. */
  art9_condition: string | null;
  national_basis: string;
  /** JSON array of data subject kinds. */
  data_subjects: string;
  /** JSON array of catalogue ids. */
  data_types: string;
  other_data_types: string;
  recipients: string;
  /** "nei", or where the data goes outside the EEA and on which basis. */
  third_country: string;
  retention: string;
  systems: string;
  security: string;
  status: "utkast" | "aktiv" | "avsluttet";
  review_date: string | null;
  draft: string | null;
  draft_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface IncidentTable {
  id: string;
  owner_id: string;
  unit_id: string | null;
  reported_by: string | null;
  reported_at: Timestamp;
  what_happened: string;
  occurred_on: string | null;
  /** JSON array of data subject kinds. */
  data_subjects: string;
  affected: "en" | "noen" | "mange" | "svaert-mange" | "vet-ikke";
  sensitive: "ja" | "nei" | "vet-ikke";
  done_already: string;
  status: "ny" | "behandles" | "lukket";
  /** JSON array: konfidensialitet, integritet, tilgjengelighet. */
  breach_kinds: string;
  /** The koordinator's view: no risk to the people, a risk (notify), or a high risk (also tell them). */
  risk: "ingen" | "risiko" | "hoy" | null;
  assessment: string;
  /** The day Datatilsynet was notified (YYYY-MM-DD). */
  notified_on: string | null;
  notice_reference: string;
  not_notified_reason: string;
  late_reason: string;
  /** Were the people affected told (art. 34)? */
  informed: "ja" | "nei" | null;
  informed_note: string;
  measures: string;
  closed_at: Timestamp | null;
  reminded_at: Timestamp | null;
  version: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type PlanDecision = "forslag" | "valgt" | "valgt-bort";
export type PlanStatus = "ikke-startet" | "pagar" | "ferdig";

/** One measure of the action plan, from proposal to evaluation (see migration 010). */
/** A guidance programme (veiledertjeneste) run by a network. */
export interface ProgrammeTable {
  id: string;
  network_id: string;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ProgrammeOwnerTable {
  programme_id: string;
  owner_id: string;
  joined_at: string;
}

/** One of a programme's gatherings 0–4: when and where. */
export interface ProgrammeGatheringTable {
  programme_id: string;
  number: number;
  held_on: string | null;
  place: string;
  /** The programme's own agenda, one point per line; null: not written (the template suggests one). */
  agenda: string | null;
}

/** A link the programansvarlig added to a programme's resource library (decision 027). */
export interface ProgrammeResourceTable {
  id: string;
  programme_id: string;
  title: string;
  url: string;
  description: string;
  audience: "alle" | "veiledere" | "deltakere";
  gathering: number | null;
  created_at: string;
  created_by: string | null;
}

/** A guidance group of a programme: a few owners with one guide. */
export interface ProgrammeGroupTable {
  id: string;
  programme_id: string;
  name: string;
  guide_id: string | null;
  created_at: string;
}

/** Which group an owner is in (at most one per programme). */
export interface ProgrammeGroupOwnerTable {
  programme_id: string;
  owner_id: string;
  group_id: string;
}

/** What an owner lets the programme see (1) or not (0); no row shares nothing. */
export interface ProgrammeShareTable {
  programme_id: string;
  owner_id: string;
  progress: number;
  scores: number;
  updated_at: string;
  updated_by: string | null;
}

/** A guide's comment to an owner, or the owner's answer. */
export interface ProgrammeCommentTable {
  id: string;
  programme_id: string;
  owner_id: string;
  author_id: string | null;
  author_name: string;
  side: "veileder" | "eier";
  body: string;
  created_at: string;
  /** When its author last corrected it (null: never). */
  edited_at: string | null;
}

/** An owner that left a programme: what the programme keeps of it is that it left, and when. */
export interface ProgrammeDepartureTable {
  programme_id: string;
  owner_id: string;
  left_at: string;
  left_by: string | null;
}

/** An owner that attended a gathering. */
export interface ProgrammeAttendanceTable {
  programme_id: string;
  number: number;
  owner_id: string;
  recorded_by: string | null;
}

/** A person's API token (decision 022): only the token's hash and its first characters. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A person's secret calendar address for one owner's action plan (only the token's hash). */
export interface CalendarFeedTable {
  token_hash: string;
  user_id: string;
  owner_id: string;
  created_at: string;
}

/** An owner whose koordinator took it out of a network: the network keeps that it left, and when. */
export interface NetworkDepartureTable {
  network_id: string;
  owner_id: string;
  left_at: string;
  left_by: string | null;
}

/** One anonymous answer to a programme's evaluation: no user, only the month (decision 028). */
export interface ProgrammeEvaluationResponseTable {
  id: string;
  programme_id: string;
  role: "veileder" | "deltaker";
  /** `YYYY-MM`. */
  month: string;
  /** JSON: the choice per statement and the two free texts. */
  answers: string;
}

/** That a person has answered a programme's evaluation, without the answer. */
export interface ProgrammeEvaluationRespondentTable {
  programme_id: string;
  user_id: string;
}

/** Whether a programme's evaluation takes answers (no row = open); `open` is 0 or 1. */
export interface ProgrammeEvaluationStateTable {
  programme_id: string;
  open: number;
}

/** An owner invited to join a network, until its koordinator answers. */
export interface NetworkInvitationTable {
  network_id: string;
  owner_id: string;
  invited_by: string | null;
  invited_at: string;
}

export interface PlanMeasureTable {
  id: string;
  owner_id: string;
  round_id: string | null;
  question_id: string | null;
  /** JSON array of "eier" and unit ids. */
  scopes: string;
  title: string;
  description: string;
  weight: number;
  gap: number;
  consequence: number;
  effort: "liten" | "middels" | "stor";
  decision: PlanDecision;
  reason: string;
  rank: number;
  responsible_id: string | null;
  due_on: string | null;
  status: PlanStatus;
  progress_note: string;
  processing_id: string | null;
  /** The service of the systems register the measure is about. */
  service_id: string | null;
  /** The DPIA the measure is about. */
  dpia_id: string | null;
  done_on: string | null;
  effect: string;
  reminded_for: string | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type ServiceProcessor = "ja" | "nei" | "usikker";
export type ServiceDpaStatus = "mangler" | "under-arbeid" | "signert" | "ikke-nodvendig";
export type ServiceTransfer = "nei" | "ja" | "usikker";
export type ServiceDpia = "ikke-vurdert" | "ikke-nodvendig" | "nodvendig" | "gjennomfort";
export type ServiceStatus = "vurderes" | "i-bruk" | "avvist" | "faset-ut";

/** A digital service or learning resource the owner's schools and kindergartens use (or consider). */
export interface DigitalServiceTable {
  id: string;
  owner_id: string;
  name: string;
  supplier: string;
  purpose: string;
  /** 1 when every unit of the owner uses it. */
  all_units: number;
  /** JSON array of unit ids, when not all. */
  unit_ids: string;
  personal_data: string;
  processor: ServiceProcessor;
  dpa_status: ServiceDpaStatus;
  dpa_signed_on: string | null;
  dpa_review_on: string | null;
  transfer: ServiceTransfer;
  transfer_note: string;
  ros_on: string | null;
  ros_note: string;
  dpia: ServiceDpia;
  status: ServiceStatus;
  decision_reason: string;
  version: number;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type RiskAssessmentStatus = "utkast" | "ferdig";

/** A risk assessment (ROS) of a service, a processing or a routine. */
export interface RiskAssessmentTable {
  id: string;
  owner_id: string;
  title: string;
  scope: string;
  processing_id: string | null;
  service_id: string | null;
  participants: string;
  assessed_on: string | null;
  review_on: string | null;
  status: RiskAssessmentStatus;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
  /** The shared assessment this one was adopted from, and its title and owner as they were then. */
  based_on_id: string | null;
  based_on_title: string | null;
  based_on_owner: string | null;
}

/** A snapshot of a finished ROS that an owner published to a network (see migration 017). */
export interface SharedAssessmentTable {
  id: string;
  network_id: string;
  owner_id: string;
  source_id: string | null;
  title: string;
  scope: string;
  service_name: string | null;
  service_supplier: string | null;
  assessed_on: string | null;
  risks: string;
  published_at: string;
  published_by: string | null;
  withdrawn_at: string | null;
}

/** One risk in a ROS: likelihood and consequence 1–5, before and after its measure. */
export interface RosRiskTable {
  id: string;
  owner_id: string;
  assessment_id: string;
  threat: string;
  cause: string;
  existing: string;
  likelihood: number;
  consequence: number;
  measure: string;
  likelihood_after: number | null;
  consequence_after: number | null;
  plan_measure_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DpiaStatus = "utkast" | "til-radgivning" | "godkjent";
export type DpiaConclusion = "trengs" | "vurder" | "ikke";

export interface DpiaTable {
  id: string;
  owner_id: string;
  title: string;
  processing_id: string | null;
  /** The service of the systems register the DPIA is about, if any. */
  service_id: string | null;
  /** JSON array of criterion ids. */
  criteria: string;
  /** JSON array of the ids of Datatilsynet's list. */
  list_items: string;
  conclusion: DpiaConclusion;
  screening_note: string;
  what: string;
  purpose: string;
  who: string;
  data_types: string;
  systems: string;
  retention: string;
  necessity: string;
  proportionality: string;
  measures: string;
  advice: string;
  advice_by: string | null;
  advice_at: Timestamp | null;
  status: DpiaStatus;
  approved_by: string | null;
  approved_at: Timestamp | null;
  version: number;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface DpiaRiskTable {
  id: string;
  owner_id: string;
  dpia_id: string;
  threat: string;
  likelihood: number;
  consequence: number;
  measure: string;
  likelihood_after: number;
  consequence_after: number;
  /** The action plan measure this risk's measure went into, once. */
  plan_measure_id: string | null;
  created_at: Timestamp;
}

export interface DpiaVersionTable {
  id: string;
  owner_id: string;
  dpia_id: string;
  number: number;
  snapshot: string;
  approved_by: string | null;
  approved_at: Timestamp;
}

export interface AssessmentRoundTable {
  id: string;
  owner_id: string;
  title: string;
  bank_version: string;
  deadline: string | null;
  status: "open" | "closed";
  created_by: string | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  /** Moves when what the overview counts can change (migration 035's triggers, decision 029). */
  revision: Generated<number>;
}

export interface AssessmentRoundUnitTable {
  round_id: string;
  unit_id: string;
}

export interface AssessmentRespondentTable {
  round_id: string;
  user_id: string;
  /** "eier" or a unit id. */
  scope: string;
  invited_at: Timestamp;
}

export interface AssessmentAnswerTable {
  round_id: string;
  scope: string;
  question_id: string;
  user_id: string;
  level: number | null;
  not_relevant: Generated<number>;
  reason: Generated<string>;
  comment: Generated<string>;
  evidence_url: Generated<string>;
  updated_at: Timestamp;
}

export interface AssessmentFinalTable {
  round_id: string;
  scope: string;
  question_id: string;
  level: number | null;
  not_relevant: Generated<number>;
  reason: Generated<string>;
  comment: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface AssessmentAreaScoreTable {
  round_id: string;
  owner_id: string;
  area_id: string;
  score: number;
  closed_at: Timestamp;
}

export interface AssessmentPendingTable {
  token_hash: string;
  path: string;
  /** The posted form as JSON [name, value][]. */
  body: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface AssessmentEvidenceTable {
  id: string;
  round_id: string;
  scope: string;
  question_id: string;
  user_id: string | null;
  filename: string;
  mime: string;
  size: number;
  data: Uint8Array;
  created_at: Timestamp;
}

export interface Database {
  assessment_evidence: AssessmentEvidenceTable;
  assessment_pending: AssessmentPendingTable;
  assessment_area_score: AssessmentAreaScoreTable;
  assessment_round: AssessmentRoundTable;
  assessment_round_unit: AssessmentRoundUnitTable;
  assessment_respondent: AssessmentRespondentTable;
  assessment_answer: AssessmentAnswerTable;
  assessment_final: AssessmentFinalTable;
  processing: ProcessingTable;
  incident: IncidentTable;
  plan_measure: PlanMeasureTable;
  dpia: DpiaTable;
  dpia_risk: DpiaRiskTable;
  dpia_version: DpiaVersionTable;
  risk_assessment: RiskAssessmentTable;
  account_activity: AccountActivityTable;
  ros_risk: RosRiskTable;
  shared_assessment: SharedAssessmentTable;
  digital_service: DigitalServiceTable;
  calendar_feed: CalendarFeedTable;
  api_token: ApiTokenTable;
  programme: ProgrammeTable;
  programme_owner: ProgrammeOwnerTable;
  programme_gathering: ProgrammeGatheringTable;
  programme_resource: ProgrammeResourceTable;
  programme_group: ProgrammeGroupTable;
  programme_group_owner: ProgrammeGroupOwnerTable;
  programme_share: ProgrammeShareTable;
  programme_comment: ProgrammeCommentTable;
  programme_attendance: ProgrammeAttendanceTable;
  programme_departure: ProgrammeDepartureTable;
  learning_assignment: LearningAssignmentTable;
  assignment_reminder: AssignmentReminderTable;
  group_session: GroupSessionTable;
  group_participant: GroupParticipantTable;
  group_answer: GroupAnswerTable;
  group_attendance: GroupAttendanceTable;
  learning_step: LearningStepTable;
  quiz_attempt: QuizAttemptTable;
  module_completion: ModuleCompletionTable;
  certificate: CertificateTable;
  app_setting: AppSettingTable;
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  organisation: OrganisationTable;
  network_member: NetworkMemberTable;
  network_invitation: NetworkInvitationTable;
  network_departure: NetworkDepartureTable;
  programme_evaluation_response: ProgrammeEvaluationResponseTable;
  programme_evaluation_respondent: ProgrammeEvaluationRespondentTable;
  programme_evaluation_state: ProgrammeEvaluationStateTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  setup_token: SetupTokenTable;
}
