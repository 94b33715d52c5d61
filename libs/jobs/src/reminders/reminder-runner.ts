import { logRetriedFailure } from '@kinerja/platform';
import type { Logger } from 'pino';
import type { DispatchResult, OutboxDispatcher } from '../notifications/outbox-dispatcher';
import type { Addressee, ReminderRecorder } from '../notifications/reminder-recorder';
import type { ReminderDelivery } from './facts/delivery';
import type { OfficeDirectory, Recipient } from './facts/office-directory';
import type { OfficeHistoryReader } from './facts/office-history.reader';
import { pkOpenedByYear, reportFacts } from './facts/report-facts';
import { renderReminder } from './messages/render-reminder';
import { isoDate, localDate, OFFICE_TIME_ZONES, OfficeTimeZone } from './plan/office-time';
import { approvalDigestCopies } from './plan/approval-digest-copies';
import { leaveOutAnnounced, leaveOutMonthsSent, pkYearsToRead, planReminders, reportYearsToRead } from './plan/plan-reminders';
import type { OfficeReminderSettings, PlannedReminder } from './plan/reminder-plan.types';

export interface ReminderRunSummary {
  offices: number;
  /** Reminders due now, sent before or not. */
  due: number;
  /** Keys recorded by this run (the others had been recorded before). */
  recorded: string[];
  mail: DispatchResult;
}

/**
 * One run: for each active office (of a zone, or all), everything due up to `now` is planned from
 * PostgreSQL and recorded if it was not yet; then the outbox is sent. Running it again, twice at
 * once, or after a gap changes nothing that was already done: that is the whole catch-up story.
 */
export class ReminderRunner {
  constructor(
    private readonly directory: OfficeDirectory,
    private readonly history: OfficeHistoryReader,
    private readonly recorder: ReminderRecorder,
    private readonly dispatcher: OutboxDispatcher,
    private readonly logger: Logger,
  ) {}

  async run(now: Date, zone: OfficeTimeZone | null = null): Promise<ReminderRunSummary> {
    const offices = await this.directory.activeOffices(zone ?? undefined);
    const summary: ReminderRunSummary = { offices: offices.length, due: 0, recorded: [], mail: { sent: 0, skipped: 0, failed: 0 } };
    // One read for every office: the local dates `now` falls on in the office time zones.
    const dates = OFFICE_TIME_ZONES.map((z) => localDate(now, z)).sort((a, b) => isoDate(a).localeCompare(isoDate(b)));
    const holidays = await this.directory.holidays(dates[0], dates[dates.length - 1]);
    for (const office of offices) {
      try {
        const { due, recorded } = await this.runOffice(office, now, holidays);
        summary.due += due;
        summary.recorded.push(...recorded);
      } catch (error) {
        // One office's bad data must not keep the others from their reminders; the next run retries it.
        logRetriedFailure(this.logger, error, 'Reminder run failed for an office', { satker: office.satker });
      }
    }
    summary.mail = await this.dispatcher.dispatchDue(now);
    if (summary.recorded.length > 0 || summary.mail.failed > 0) this.logger.info({ ...summary, at: now.toISOString() }, 'Reminders run');
    return summary;
  }

  /** `holidays`: the national holidays among the office's local date (read here when not given). */
  async runOffice(office: OfficeReminderSettings, now: Date, holidays?: ReadonlySet<string>): Promise<{ due: number; recorded: string[] }> {
    const today = localDate(now, office.timeZone);
    const names = await this.directory.subbagianNames(office.satker);
    // The PK streams of a few years (cheap) with the reports of this year and last, in one read; the
    // reports of an older year only when its PK, approved late, or a dispensasi makes some of its
    // months due now (a second read, rare).
    const usual = [today.year - 1, today.year];
    const history = await this.history.read(office.satker, { pk: pkYearsToRead(office, today), reports: usual }, names);
    const opened = pkOpenedByYear(history, office.timeZone);
    const years = reportYearsToRead(office, today, opened);
    const older = years.filter((y) => !usual.includes(y));
    if (older.length > 0) await this.history.read(office.satker, { pk: [], reports: older }, names, history);
    const facts = reportFacts(history, today, years, office.timeZone);
    // Only the years whose reports are planned: a catch-up key names the months of its deadline, and
    // must not depend on a year read for nothing.
    const pkOpened = new Map([...opened].filter(([year]) => years.includes(year)));
    const daysOff = holidays ?? (await this.directory.holidays(today, today));
    const due = planReminders({ office, now, reports: facts, pkOpened, holidays: daysOff });
    // What an earlier run recorded is left out in one read: most of an hourly catch-up's work was
    // finding, one transaction each, that the key was taken. The recorder still claims each key
    // (a run alongside this one), so this only saves the attempts.
    // A range's per-month keys too: the months a planner before grouping already reminded are left out.
    // A dispensasi notice's claims too: the grants of its day already announced are left out.
    const taken = await this.directory.recordedKeys(office.satker, due.flatMap(keysOf));
    const recorded: string[] = [];
    for (const planned of due) {
      let reminder = leaveOutAnnounced(planned, taken);
      if (reminder) reminder = leaveOutMonthsSent(reminder, taken);
      while (reminder) {
        const done = await this.recordOne(office, reminder, now);
        if (done) recorded.push(done);
        if (done || !reminder.claims) break;
        // Not recorded: another run recorded a notice of the same day meanwhile, holding some of the
        // grants this one lists. Planned again without those (a run alongside this one, each of two
        // grant jobs seeing a different set: the grants the other did not list are still announced).
        // Nothing newly recorded (a Kasubbag notice left for a vacant subbagian): done with it.
        for (const key of await this.directory.recordedKeys(office.satker, keysOf(reminder))) taken.add(key);
        const next = leaveOutAnnounced(reminder, taken);
        if (next === reminder) break;
        reminder = next;
      }
    }
    return { due: due.length, recorded };
  }

  /** Records one reminder for whoever receives it now; its key, or null when it was not recorded. */
  private async recordOne(office: OfficeReminderSettings, reminder: PlannedReminder, now: Date): Promise<string | null> {
    // The audience's active users or, when it has none, those of the role that stands in for it.
    const found = await this.directory.delivery(office.satker, reminder.audience);
    const { delivery } = found;
    const recipients = reminder.kind === 'APPROVAL_DIGEST' && delivery.role === 'SEKRETARIS'
      ? await this.digestAddressees(office, reminder, found.recipients, found.ketua)
      : found.recipients;
    // A dispensasi announced to a subbagian with no active Kasubbag would reach the Sekretaris (or
    // the Ketua) a second time: the Sekretaris announcement of the same grant already goes to them
    // and lists every report it reaches. Not recorded, so a Kasubbag appointed before the new
    // deadline still gets it at the next run.
    if (reminder.kind === 'DEADLINE_EXTENDED' && reminder.audience.role === 'KASUBBAG' && delivery.role !== 'KASUBBAG') return null;
    const done = await this.recorder.record(reminder, renderReminder(reminder, office, delivery), recipients, now, delivery);
    if (!done) return null;
    // Logged by the run that recorded it, so once per reminder; the row (0 recipients) stays visible.
    if (done.recipients === 0) {
      this.logger.warn(
        { satker: office.satker, key: done.key, kind: reminder.kind, audience: reminder.audience, vacantRoles: delivery.vacantRoles },
        'Reminder recorded with no recipient: nobody active in the office can receive it',
      );
    }
    return done.key;
  }

  /**
   * The digest's Sekretaris, each with their own copy: without the reports they submitted themselves
   * (none for one left with nothing), and the Ketua for the reports no Sekretaris may approve
   * (`approvalDigestCopies`): the office's active Ketua as the delivery read them.
   */
  private async digestAddressees(office: OfficeReminderSettings, digest: PlannedReminder, sekretaris: Recipient[], ketua: Recipient[]): Promise<Addressee[]> {
    const readers = await Promise.all(sekretaris.map(async (person) => ({ person, accounts: await this.directory.accountsOf(person.userId) })));
    const copies = approvalDigestCopies(digest, readers);
    const asSekretaris: ReminderDelivery = { role: 'SEKRETARIS', vacantRoles: [] };
    const asKetua: ReminderDelivery = { role: 'KETUA', vacantRoles: [] };
    const addressees: Addressee[] = copies.sekretaris.map(({ person, copy }) =>
      copy === digest ? person : { ...person, copy: { reminder: copy, message: renderReminder(copy, office, asSekretaris), delivery: asSekretaris } },
    );
    const found = copies.noOtherSekretaris;
    if (found) {
      // The Ketua is told who the Sekretaris is: some reports may have been sent from another account of theirs.
      const stuck: PlannedReminder = { ...found, digestCopy: { of: 'NO_OTHER_SEKRETARIS', sekretarisNames: sekretaris.map((s) => s.fullName) } };
      const message = renderReminder(stuck, office);
      addressees.push(...ketua.map((person) => ({ ...person, copy: { reminder: stuck, message, delivery: asKetua } })));
    }
    return addressees;
  }
}

/** Every key under which a planned reminder may already be recorded: its own, those it supersedes, those it claims. */
function keysOf(r: PlannedReminder): string[] {
  return [r.key, ...(r.supersedes ?? []).map((s) => s.key), ...(r.claims ?? []).map((c) => c.key)];
}
