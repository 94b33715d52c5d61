import { approvalDigestCopies } from './approval-digest-copies';
import { planReminders } from './plan-reminders';
import { at, office, report } from './plan.test-builders';

const sent = (subbagian: string, by: string, local: string) =>
  report({ subbagian, subbagianName: subbagian, status: 'SUBMITTED', submittedAt: at(local).toISOString(), submittedBy: by });
const [digest] = planReminders({
  office: office(), now: at('2025-02-04 08:00'),
  reports: [sent('KUL', 'eko', '2025-02-03 10:00'), sent('PDI', 'pdi', '2025-02-03 11:00')],
}).filter((r) => r.kind === 'APPROVAL_DIGEST');
const who = (name: string, ...accounts: string[]) => ({ person: name, accounts: new Set([name, ...accounts]) });
const subbagianOf = (r: { reports: Array<{ subbagian: string }> }) => r.reports.map((x) => x.subbagian);

describe('the approval digest per Sekretaris: nobody is asked to approve their own submission', () => {
  it('given two Sekretaris, one of whom submitted KUL, then his copy leaves KUL out and counts it; the other gets the digest as planned', () => {
    const { sekretaris, noOtherSekretaris } = approvalDigestCopies(digest, [who('eko'), who('siti')]);
    expect(sekretaris.map((s) => [s.person, subbagianOf(s.copy), s.copy.digestCopy])).toEqual([
      ['eko', ['PDI'], { of: 'OTHERS', ownLeftOut: 1 }],
      ['siti', ['KUL', 'PDI'], undefined],
    ]);
    expect(sekretaris[1].copy).toBe(digest);
    expect(noOtherSekretaris).toBeNull();
  });

  it('given another account of his (same e-mail or full name) submitted it, then it counts as his', () => {
    const { sekretaris } = approvalDigestCopies(digest, [who('eko.plh', 'eko'), who('siti')]);
    expect(subbagianOf(sekretaris[0].copy)).toEqual(['PDI']);
  });

  it('given he is the only Sekretaris, then KUL goes to the Ketua\'s copy, and he keeps PDI', () => {
    const { sekretaris, noOtherSekretaris } = approvalDigestCopies(digest, [who('eko')]);
    expect(sekretaris.map((s) => subbagianOf(s.copy))).toEqual([['PDI']]);
    expect(noOtherSekretaris).toMatchObject({ key: digest.key, digestCopy: { of: 'NO_OTHER_SEKRETARIS' }, periods: [{ year: 2025, month: 1 }] });
    expect(subbagianOf(noOtherSekretaris!)).toEqual(['KUL']);
  });

  it('given every waiting report is his own, then he gets no copy at all', () => {
    const ownOnly = { ...digest, reports: digest.reports.filter((r) => r.subbagian === 'KUL') };
    expect(approvalDigestCopies(ownOnly, [who('eko')]).sekretaris).toEqual([]);
  });
});
