import { periodsOf } from './plan-reminders';
import type { PlannedReminder, ReportFact } from './reminder-plan.types';

/** A Sekretaris who receives the digest, with every account counted as them (maker-checker: `samePerson`). */
export interface DigestSekretaris<P> {
  person: P;
  /** Their own account id and their other accounts (by e-mail, by full name in the office). */
  accounts: ReadonlySet<string>;
}

export interface DigestCopies<P> {
  /** Each Sekretaris with something to approve and their copy (without what they submitted themselves). */
  sekretaris: Array<{ person: P; copy: PlannedReminder }>;
  /** The Ketua's copy: the reports no Sekretaris may approve, each submitted by every one of them (the only one); null when none. */
  noOtherSekretaris: PlannedReminder | null;
}

/**
 * The approval digest per Sekretaris: nobody is asked to approve a report whose last submission is
 * theirs (REALISASI.OWN_SUBMISSION would refuse it). Each gets the digest without those, counted apart
 * (`ownLeftOut`); one left with nothing gets none. A report every Sekretaris submitted — an office
 * whose only Sekretaris is the Kasubbag made Plh who sent it — has nobody who may approve it: it goes
 * to the Ketua (`noOtherSekretaris`), who answers for the office and can have the Admin appoint another.
 * The key stays the digest's: these are copies of one reminder, recorded once.
 */
export function approvalDigestCopies<P>(digest: PlannedReminder, sekretaris: ReadonlyArray<DigestSekretaris<P>>): DigestCopies<P> {
  const isOwn = (s: DigestSekretaris<P>, report: ReportFact) => report.submittedBy != null && s.accounts.has(report.submittedBy);
  const copies = sekretaris.flatMap((s) => {
    const others = digest.reports.filter((report) => !isOwn(s, report));
    if (others.length === 0) return [];
    const ownLeftOut = digest.reports.length - others.length;
    return [{ person: s.person, copy: ownLeftOut === 0 ? digest : copyOf(digest, others, { of: 'OTHERS', ownLeftOut }) }];
  });
  const stuck = digest.reports.filter((report) => sekretaris.length > 0 && sekretaris.every((s) => isOwn(s, report)));
  return { sekretaris: copies, noOtherSekretaris: stuck.length > 0 ? copyOf(digest, stuck, { of: 'NO_OTHER_SEKRETARIS' }) : null };
}

function copyOf(digest: PlannedReminder, reports: ReportFact[], digestCopy: NonNullable<PlannedReminder['digestCopy']>): PlannedReminder {
  return { ...digest, reports, periods: periodsOf(reports), digestCopy };
}
