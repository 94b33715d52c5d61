import { ROLES } from '@kinerja/domain';
import { satkerInScope } from './satker-scope.rule';

// kpu-ri → kpu-prov-jatim → kpu-kab-jember; kpu-prov-bali is a sibling branch.
const chainOfJember = ['kpu-prov-jatim', 'kpu-ri'];

describe('which offices a user may see', () => {
  it.each(ROLES)('given a %s, then their own office is in scope', (role) => {
    expect(satkerInScope({ role, satker: 'kpu-kab-jember' }, 'kpu-kab-jember', chainOfJember)).toBe(true);
  });

  it.each(['KASUBBAG', 'SEKRETARIS', 'KETUA'] as const)('given a %s of the province, then an office below it is not in scope', (role) => {
    expect(satkerInScope({ role, satker: 'kpu-prov-jatim' }, 'kpu-kab-jember', chainOfJember)).toBe(false);
  });

  it.each(['INSPEKTORAT', 'ADMIN'] as const)('given a %s of the province, then an office below it is in scope', (role) => {
    expect(satkerInScope({ role, satker: 'kpu-prov-jatim' }, 'kpu-kab-jember', chainOfJember)).toBe(true);
  });

  it.each(['INSPEKTORAT', 'ADMIN'] as const)('given a %s of the root office, then every office is in scope', (role) => {
    expect(satkerInScope({ role, satker: 'kpu-ri' }, 'kpu-kab-jember', chainOfJember)).toBe(true);
  });

  it.each(ROLES)('given a %s of a sibling province, then an office of another branch is not in scope', (role) => {
    expect(satkerInScope({ role, satker: 'kpu-prov-bali' }, 'kpu-kab-jember', chainOfJember)).toBe(false);
  });

  it.each(ROLES)('given a %s of an office below, then the office above is not in scope', (role) => {
    expect(satkerInScope({ role, satker: 'kpu-kab-jember' }, 'kpu-prov-jatim', ['kpu-ri'])).toBe(false);
  });
});
