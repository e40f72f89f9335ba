import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApplicationActor, ApplicationStatus } from './application-status';
import { InterviewBookingView, StaffInterviewView } from './interviews/interview.types';
import { FamilyContact } from './family-contact';

@ObjectType({ simpleResolvers: true, description: 'One choice of a choice question.' })
export class ProcedureChoice {
  @Field(() => String, { description: 'The value to send as the answer.' }) value!: string;
  @Field(() => String, { description: 'What the family sees (request locale; ja-easy may carry furigana as 漢字{かな}).' }) label!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A question of a procedure, typed, with its help text.' })
export class ProcedureQuestion {
  @Field(() => ID, { description: 'Question id (camelCase), also the CSV column of the export.' }) id!: string;
  @Field(() => String, { description: 'text, kana, date, yen, count, year, boolean, choice, phone, email or postalCode.' }) type!: string;
  @Field(() => String, { description: 'The question (request locale).' }) label!: string;
  @Field(() => String, { description: 'Help shown under the question (request locale).' }) help!: string;
  @Field(() => Boolean, { description: 'Needed before the application can be submitted.' }) required!: boolean;
  @Field(() => Int, { nullable: true, description: 'text: the longest answer in characters.' }) maxLength?: number | null;
  @Field(() => Boolean, { description: 'text: the answer may span several lines.' }) multiline!: boolean;
  @Field(() => Int, { nullable: true, description: 'yen, count, year: the smallest answer.' }) min?: number | null;
  @Field(() => Int, { nullable: true, description: 'yen, count, year: the largest answer.' }) max?: number | null;
  @Field(() => [ProcedureChoice], { description: 'choice: the choices (empty otherwise).' }) choices!: ProcedureChoice[];
  @Field(() => Boolean, { description: 'Whether the record pre-fills this answer.' }) prefillable!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A document to attach to an application.' })
export class ProcedureDocument {
  @Field(() => ID, { description: 'Document id (kebab-case).' }) id!: string;
  @Field(() => String, { description: 'The document’s name (request locale).' }) name!: string;
  @Field(() => String, { description: 'What it is and where to get it (request locale).' }) description!: string;
  @Field(() => Boolean, { description: 'Needed for the application.' }) required!: boolean;
  @Field(() => Boolean, { description: 'The original must still be brought to the counter; the upload is a copy to prepare.' }) bringOriginal!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A procedure the family can start online (seeds/procedures), as the municipality offers it.' })
export class Procedure {
  @Field(() => ID, { description: 'Procedure id of docs/design.md, e.g. cra-status-report.' }) id!: string;
  @Field(() => String, { description: 'The programme id of the catalogue.' }) programmeId!: string;
  @Field(() => String, { description: 'The procedure’s name (request locale).' }) name!: string;
  @Field(() => String, { description: 'One or two sentences on what it is (request locale).' }) summary!: string;
  @Field(() => String, { description: 'pre-application, application, notification or consultation-booking.' }) legalKind!: string;
  @Field(() => String, { description: 'What the submission legally is, and what still has to happen (request locale).' }) legalNature!: string;
  @Field(() => String, { nullable: true, description: 'Deadlines and rules to know first, e.g. the 15-day rule (request locale).' }) deadlineNote?:
    string | null;
  @Field(() => String, { nullable: true, description: 'First day of the yearly window, MM-DD (e.g. 08-01 for the 現況届).' }) windowFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Last day of the yearly window, MM-DD.' }) windowTo?: string | null;
  @Field(() => String, { description: 'required, optional or none.' }) interview!: string;
  @Field(() => Boolean, { description: 'A legally signed online filing exists (ぴったりサービス).' }) signedFilingOnline!: boolean;
  @Field(() => String, { nullable: true, description: 'The municipality’s ぴったりサービス page for the signed filing, when it has one.' }) pittariUrl?:
    string | null;
  @Field(() => String, { description: 'What happens after submitting (request locale).' }) whatHappensNext!: string;
  @Field(() => [ProcedureQuestion], { description: 'The questions, in order.' }) questions!: ProcedureQuestion[];
  @Field(() => [ProcedureDocument], { description: 'Documents to attach.' }) documents!: ProcedureDocument[];
}

@ObjectType({ simpleResolvers: true, description: 'One answer of an application.' })
export class ApplicationAnswer {
  @Field(() => String, { description: 'The question id.' }) question!: string;
  @Field(() => String, { nullable: true, description: 'The canonical answer (yen as digits, dates YYYY-MM-DD, true/false, a choice value).' }) value?:
    string | null;
  @Field(() => Boolean, { description: 'Still the value the record pre-filled (the family has not changed it).' }) prefilled!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A change of status or a message, with who and when.' })
export class ApplicationHistoryEntry {
  @Field(() => ApplicationStatus, { description: 'The status after the change.' }) status!: ApplicationStatus;
  @Field(() => ApplicationActor, { description: 'Who made it.' }) actor!: ApplicationActor;
  @Field(() => Date, { description: 'When.' }) at!: Date;
  @Field(() => String, { nullable: true, description: 'A request for information, a reason, or the family’s reply.' }) message?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'An application as the family sees it on its page.' })
export class FamilyApplication {
  @Field(() => ID, { description: 'The application id.' }) id!: string;
  @Field(() => String, { description: 'The procedure id.' }) procedureId!: string;
  @Field(() => String, { description: 'The procedure’s name (request locale).' }) procedureName!: string;
  @Field(() => ApplicationStatus, { description: 'Where it stands.' }) status!: ApplicationStatus;
  @Field(() => Int, { description: 'Pass it back when saving, so two tabs do not overwrite each other.' }) version!: number;
  @Field(() => [ApplicationAnswer], { description: 'The answers so far.' }) answers!: ApplicationAnswer[];
  @Field(() => String, { nullable: true, description: 'The number to quote, once submitted.' }) receiptNumber?: string | null;
  @Field(() => Boolean, { description: 'Whether the family must come to an interview, given its answers.' }) interviewNeeded!: boolean;
  @Field(() => Date, { description: 'When it was started.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was first submitted.' }) submittedAt?: Date | null;
  @Field(() => [ApplicationHistoryEntry], { description: 'Every change, oldest first.' }) history!: ApplicationHistoryEntry[];
}

@ObjectType({ simpleResolvers: true, description: 'What the family keeps after submitting.' })
export class ApplicationReceipt {
  @Field(() => String, { description: 'The number to quote (e.g. A7Q2-9M4X).' }) receiptNumber!: string;
  @Field(() => Date, { description: 'When it was received.' }) submittedAt!: Date;
  @Field(() => String, { description: 'The procedure’s name (request locale).' }) procedureName!: string;
  @Field(() => String, { description: 'What happens next (request locale).' }) whatHappensNext!: string;
  @Field(() => String, { description: 'What the submission legally is (request locale).' }) legalNature!: string;
  @Field(() => Boolean, { description: 'Whether an interview is needed; book it on the family page.' }) interviewNeeded!: boolean;
  @Field(() => [String], { description: 'Documents whose original must still be brought (request locale).' }) bringOriginals!: string[];
  @Field(() => String, { nullable: true, description: 'Where to make the signed filing online, when the municipality has such a page.' }) pittariUrl?:
    string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The family’s own page: its applications and the messages from staff.' })
export class FamilyPage {
  @Field(() => String, { description: 'The record’s reference number.' }) referenceNumber!: string;
  @Field(() => String, { description: 'The municipality (全国地方公共団体コード).' }) municipalityCode!: string;
  @Field(() => [FamilyApplication], { description: 'Applications, newest first (at most 50).' }) applications!: FamilyApplication[];
  @Field(() => [Procedure], { description: 'Procedures the family can start here.' }) procedures!: Procedure[];
  @Field(() => [InterviewBookingView], { description: 'Booked interviews (at most 20).' }) interviews!: InterviewBookingView[];
  @Field(() => FamilyContact, { description: 'Whether and how the family may be contacted; it changes this itself (updateFamilyContact).' })
  contact!: FamilyContact;
}

@ObjectType({ simpleResolvers: true, description: 'A signed-in family session.' })
export class FamilySessionPayload {
  @Field(() => String, { description: 'Pass it as `session` to the family operations; valid two hours.' }) session!: string;
  @Field(() => Date, { description: 'When it ends.' }) expiresAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'The answer to a sign-in request; the same whether or not a code was sent.' })
export class FamilySignInRequestPayload {
  @Field(() => String, { description: 'What to do next (request locale).' }) message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A one-time hand-off from the intake receipt to the family page.' })
export class FamilyHandoffPayload {
  @Field(() => String, {
    nullable: true,
    description:
      'Put it in the fragment of the family page’s link (`#yorisoi-intake=…`); it signs nobody in by itself. Null when the intake gave no e-mail or phone.',
  })
  token!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it can no longer be used (15 minutes).' }) expiresAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'A hand-off spent: a code was sent to the contact the intake gave.' })
export class FamilyHandoffSignInPayload {
  @Field(() => String, { description: 'The reference number to sign in with, with the code.' }) referenceNumber!: string;
  @Field(() => String, { description: 'What to do next (request locale).' }) message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A pre-filled answer the family changed: what the record would get when staff accept.' })
export class RecordChange {
  @Field(() => String, { description: 'The question id.' }) question!: string;
  @Field(() => String, { description: 'The record field (section.field).' }) path!: string;
  @Field(() => String, { nullable: true, description: 'What the record holds now.' }) recordValue?: string | null;
  @Field(() => String, { nullable: true, description: 'What the family answered.' }) answer?: string | null;
  @Field(() => Boolean, { description: 'Whether accepting writes it to the record (derived fields such as the number of children are changed by staff).' })
  writable!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A document the family attached, as staff see it (the file itself: GET /applications/documents/<id> with the staff token; audited).',
})
export class StaffApplicationDocument {
  @Field(() => ID, { description: 'The uploaded file’s id, for the download route.' }) id!: string;
  @Field(() => String, { description: 'The procedure’s document id (e.g. bank-book).' }) documentId!: string;
  @Field(() => String, { description: 'What the document is (request locale).' }) name!: string;
  @Field(() => String, { description: 'image/jpeg, image/png or application/pdf, by content.' }) contentType!: string;
  @Field(() => Int, { description: 'Size in bytes.' }) size!: number;
  @Field(() => Date, { description: 'When it was uploaded.' }) uploadedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'An application in the staff queue.' })
export class StaffApplication {
  @Field(() => ID, { description: 'The application id.' }) id!: string;
  @Field(() => String, { description: 'The procedure id.' }) procedureId!: string;
  @Field(() => String, { description: 'The procedure’s name (request locale).' }) procedureName!: string;
  @Field(() => ApplicationStatus, { description: 'Where it stands.' }) status!: ApplicationStatus;
  @Field(() => Int, { description: 'Pass it back with a decision.' }) version!: number;
  @Field(() => String, { nullable: true, description: 'The receipt number the family quotes.' }) receiptNumber?: string | null;
  @Field(() => ID, { description: 'The family’s record.' }) recordId!: string;
  @Field(() => String, { description: 'The record’s reference number.' }) referenceNumber!: string;
  @Field(() => Date, { nullable: true, description: 'When it was first submitted.' }) submittedAt?: Date | null;
  @Field(() => Int, { description: 'Open days (開庁日) since submission.' }) ageOpenDays!: number;
  @Field(() => Int, { description: 'The municipality’s target in open days.' }) targetDays!: number;
  @Field(() => Boolean, { description: 'Older than the target and not decided.' }) overdue!: boolean;
  @Field(() => Boolean, { description: 'Whether an interview is needed.' }) interviewNeeded!: boolean;
  @Field(() => [ApplicationAnswer], { nullable: true, description: 'The answers (reading them is audited); null in lists.' }) answers?:
    ApplicationAnswer[] | null;
  @Field(() => [RecordChange], { nullable: true, description: 'Pre-filled answers the family changed; null in lists.' }) recordChanges?: RecordChange[] | null;
  @Field(() => [ApplicationHistoryEntry], { description: 'Every change, oldest first.' }) history!: ApplicationHistoryEntry[];
  @Field(() => [StaffApplicationDocument], { nullable: true, description: 'Documents attached, oldest first; null in lists.' }) documents?:
    StaffApplicationDocument[] | null;
  @Field(() => [StaffInterviewView], { nullable: true, description: 'Interview bookings of this application, cancelled ones included; null in lists.' })
  interviews?: StaffInterviewView[] | null;
}
