import { DomainError } from '@kinerja/domain';
import { AUDIT_EVENT_TYPES } from '@kinerja/projections/audit-trail/audit-trail.query';
import { refuseUnmatchableFilters } from './audit-filter';
import { criteriaOf } from './audit.dto';

function refusal(input: Parameters<typeof refuseUnmatchableFilters>[0]): DomainError {
  try {
    refuseUnmatchableFilters(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('audit trail filters that can never match', () => {
  it('given from later than to, then VALIDATION.FAILED on `to`, saying which is later', () => {
    const error = refusal({ from: '2025-02-01T00:00:00+07:00', to: '2025-01-01T00:00:00+07:00' });
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.details.fields).toEqual([{ field: 'to', constraint: 'isAfterFrom', message: expect.stringContaining('from (2025-02-01T00:00:00+07:00) lebih lambat daripada to (2025-01-01T00:00:00+07:00)') }]);
    expect(error.message).toContain('to harus sesudah from');
  });

  it('given from and to at the same instant (in different zones), then refused too: to is exclusive', () => {
    const error = refusal({ from: '2025-01-01T07:00:00+07:00', to: '2025-01-01T00:00:00Z' });
    expect(error.details.fields).toEqual([expect.objectContaining({ field: 'to', constraint: 'isAfterFrom', message: expect.stringContaining('saat yang sama') })]);
  });

  it('given from before to, or only one of them, then accepted', () => {
    expect(() => refuseUnmatchableFilters({ from: '2025-01-01T00:00:00+07:00', to: '2025-01-01T00:00:01+07:00' })).not.toThrow();
    expect(() => refuseUnmatchableFilters({ from: '2025-01-01T00:00:00+07:00' })).not.toThrow();
    expect(() => refuseUnmatchableFilters({ to: '2025-01-01T00:00:00+07:00' })).not.toThrow();
  });

  it('given an unknown event type, then it is named with the types Kinerja records, and a near miss in case is pointed out', () => {
    const error = refusal({ type: 'RealisasiApproved,realisasireturned,Dihapus' });
    expect(error.code).toBe('VALIDATION.FAILED');
    const [problem] = error.details.fields as Array<{ field: string; constraint: string; message: string }>;
    expect(problem).toMatchObject({ field: 'type', constraint: 'isKnownEventType' });
    expect(problem.message).toContain('tidak dikenal: realisasireturned (maksud Anda RealisasiReturned? huruf besar dan kecil dibedakan), Dihapus.');
    expect(problem.message).not.toContain('tidak dikenal: RealisasiApproved');
    for (const type of ['PkDrafted', 'RealisasiApproved', 'IntegrityAlertResolved', 'ReminderSent']) expect(problem.message).toContain(type);
  });

  it('given a list of commas only, then refused rather than read as no filter at all', () => {
    expect(refusal({ type: ',,' }).details.fields).toEqual([expect.objectContaining({ field: 'type', message: expect.stringContaining('paling sedikit satu') })]);
  });

  it('given every recorded type, then accepted; both problems at once are both named', () => {
    expect(() => refuseUnmatchableFilters({ type: AUDIT_EVENT_TYPES.join(',') })).not.toThrow();
    const both = refusal({ from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z', type: 'X' });
    expect((both.details.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['to', 'type']);
  });

  it('is checked whenever the query criteria are made, so every route of the trail and its exports refuses alike', () => {
    expect(() => criteriaOf({ type: 'Dihapus' })).toThrow(DomainError);
    expect(criteriaOf({ type: 'RealisasiApproved,,RealisasiApproved' }).eventTypes).toEqual(['RealisasiApproved']);
  });
});
