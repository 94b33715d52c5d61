import { DomainError } from '../shared/domain-error';
import { checkCatatanAuthorOffice } from './catatan-reviu-author.check';

describe('Who may settle a review note: the Inspektorat of its author\'s office or of an office above', () => {
  const byProvince = { satker: 'kpu-prov-papua', name: 'Sekretariat KPU Provinsi Papua', above: ['kpu-ri'] };

  const refusal = (actorSatker: string) => {
    try {
      checkCatatanAuthorOffice(actorSatker, byProvince, 'menutupnya');
    } catch (error) {
      return error as DomainError;
    }
    return null;
  };

  it('given a finding by the province, when the province or the root settles it, then it is allowed', () => {
    expect(refusal('kpu-prov-papua')).toBeNull();
    expect(refusal('kpu-ri')).toBeNull();
  });

  it('given a finding by the province, when a kabupaten below it settles it, then it is forbidden with a stable code and an Indonesian message naming the office by its name (its code in details)', () => {
    const error = refusal('kpu-kab-jayapura');
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error?.code, kind: error?.kind, details: error?.details }).toEqual({
      code: 'CATATAN_REVIU.AUTHOR_OFFICE_ABOVE', kind: 'forbidden', details: { authorSatker: 'kpu-prov-papua' },
    });
    expect(error?.message).toBe('Catatan reviu ini ditulis oleh Inspektorat Sekretariat KPU Provinsi Papua; hanya Inspektorat satker tersebut atau satker di atasnya yang dapat menutupnya.');
  });

  it('given a finding by the province, when a sibling province settles it, then it is forbidden', () => {
    expect(refusal('kpu-prov-maluku')?.code).toBe('CATATAN_REVIU.AUTHOR_OFFICE_ABOVE');
  });
});
