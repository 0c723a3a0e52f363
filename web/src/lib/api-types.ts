/**
 * The API's shapes, as the web app names them. Every type here comes from the contract (`@concerta/contracts`):
 * generated from the server's OpenAPI document, or the contract's own values. Nothing is copied by hand; where the web
 * needs a part or a variant of an answer, it is derived from the contract type.
 */
import type * as Api from '@concerta/contracts';

export {
  ROLES, PHASES, CALENDAR_PHASES, BALLOT_KINDS, OUTCOME_RULES, THRESHOLD_RULE, ZONE_KINDS, SEXES, AGE_BANDS,
  ORGANIZATION_TYPES, REGISTRATION_STATUSES, IMPORT_MODES, BODY_KINDS, CHALLENGE_GROUNDS, STANDING_KINDS, PRIORITIZATION_TIES,
} from '@concerta/contracts';
export type {
  Role, Phase, CalendarPhase, BallotKind, OutcomeRule, ProcessRules, ZoneKind, Zone, PlanObjective, ThematicAxis,
  Announcement, Sex, AgeBand, OrganizationType, RegistrationStatus, RegistrationSource, ImportMode, Decision, BodyKind,
  ElectedBodyKind, User, SessionInfo, Municipality, ProcessSummary, MunicipalityDetail, Participation, ParticipationYear,
  Breakdown, Process, PhaseMove, PhaseCheck, Agent, Organization, Registry, ImportReport, ImportJob, ImportProgress, BodyQuota, TrainingSession,
  TrainingList, TrainingStatus, AuditEntry, StoredFile, RegistrationLists, RegistrationChallenge, ChallengeBody, ChallengeGround,
  ChallengeDecision, ListStages, Proposal, ProposalSummary, ProposalList, ProposalVersion, MyProposals, Pledge,
  SubmitProposalBody, PaperProposalBody, EditProposalBody, EvaluationMatrix, MatrixCriterion, CriterionBody, SetMatrixBody,
  AssignmentBoard, AssignBody, UnassignBody, MyAssignments, MyEvaluation, SaveEvaluationBody, SavedEvaluation, ProposalEvaluation,
  PublishedEvaluation, EvaluationProposal,
  PrioritizationSettings, ProvisionalList, ProvisionalListAnswer,
  Workshop, WorkshopList, WorkshopDetail, WorkshopMinutes, WorkshopVote,
  WorkshopAttendance, AttendanceSheet, SessionSheet, CreateWorkshopBody, UpdateWorkshopBody, MinutesBody, VotesBody,
  PersonalHome, Dashboard, DashboardStep, MyTraining, InPersonAgent,
  ClaimCode, ClaimAnswer,
  Coordination, AgreementBody, ReachBody, OversightCommittee, CommitteeCandidateBody, CommitteeElectionBody,
  Vote, MyVote, MyBallot, BallotReceipt, ReceiptCheck, PollingTable, PollingTableDetail, PaperBallot, PaperContent, BallotPart, BallotEnvelope,
  Turnout, VoteResults,
  ApprovalChain, ApprovalSessionBody, ApprovalAnswerBody, AmendmentBody, InvestmentCodeBody,
  ExecutionList, ExecutionProject, ExecutionChanges, ExecutionReportBody, ExecutionReportAnswer, ExecutionMilestoneBody, ExecutionMilestoneUpdateBody, ExecutionDocumentBody, ExecutionImportJob, ExecutionImportReport,
  OversightWorkspace, OversightPiaBody, OversightObservationBody, OversightRequestBody, OversightAnswerBody, OversightCreated, OversightAccountability,
} from '@concerta/contracts';
export type { OutboxItem as Notification, ErrorBody } from '@concerta/contracts';

// --- Parts and variants of the contract's answers ---
export type RoleGrant = Api.User['roles'][number];
export type NamedRef = Api.Municipality['province'];
export type ParticipationHistoryAnswer = Api.ParticipationHistory;
export type Quotas = Api.ProcessRules['quotas'];
export type CalendarEntry = Api.Process['calendar'][number];
export type ZoneEnvelope = Api.Process['zoneEnvelopes'][number];
export type ProcessDetail = Api.Process & { phaseMoves: Api.PhaseMove[] };
/** The settings the process form edits: a new process's body without its year and note. */
export type ProcessSettingsInput = Omit<Api.CreateProcessBody, 'fiscalYear' | 'reason'> & { rules: Api.ProcessRules };
export type Attachment = Api.Announcement['attachments'][number];
export type AnnouncementInput = Api.AnnouncementBody & { reason?: string };
export type ZoneRef = Api.Agent['zone'];
export type RegistryEntry = Api.Registry['entries'][number];
export type RegistrationCounts = Api.Registry['counts']['individuals'];
export type BodyMember = NonNullable<Api.BodyQuota['members']>[number];
export type QuotaState = Api.BodyQuota['status'];
export type Attendee = Api.AttendanceList['attendees'][number];
/** One person recorded as present at any session that takes attendance (training, workshop). */
export type AttendanceEntry = Api.WorkshopAttendance['attendees'][number];
export type CheckInAnswer = Api.CheckInAnswer;
export type SessionInput = Api.CreateSessionBody;
/** The registration forms' state: the request body, with sex, age band and type still unchosen (''). */
export type AgentInput = Omit<Api.AgentBody, 'sex' | 'ageBand'> & { sex: Api.Sex | ''; ageBand: Api.AgeBand | '' };
export type OrganizationInput = Omit<Api.OrganizationBody, 'type'> & { type: Api.OrganizationType | '' };
export type ListedRegistration = Api.RegistrationLists['registrations'][number];
export type ProposalStatus = Api.ProposalSummary['status'];
export type FunderKind = Api.Pledge['funderKind'];
export type Contribution = Api.Pledge['contribution'];
export type Viability = Api.PublishedEvaluation['viability'];
export type AssignmentStatus = Api.MyAssignments['assignments'][number]['status'];
export type ConflictReason = Api.AssignmentBoard['proposals'][number]['conflicts'][number]['reasons'][number];
export type HomePlace = Api.PersonalHome['places'][number];
export type OpenCall = Api.PersonalHome['openCalls'][number];
export type Landing = Api.PersonalHome['landing'];
