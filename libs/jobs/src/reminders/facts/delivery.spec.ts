import { chooseDelivery, DeliveryRole } from './delivery';

const people = (byRole: Partial<Record<DeliveryRole, string[]>>) => (role: DeliveryRole) => byRole[role] ?? [];
const kul = { role: 'KASUBBAG' as const, subbagian: 'KUL' };
const sekretaris = { role: 'SEKRETARIS' as const };

describe('who a reminder reaches when its audience has nobody active', () => {
  it('given an active Kasubbag, when their reminder is addressed, then it goes to them alone', () => {
    expect(chooseDelivery(kul, people({ KASUBBAG: ['budi'], SEKRETARIS: ['siti'], KETUA: ['ali'] }))).toEqual({
      delivery: { role: 'KASUBBAG', vacantRoles: [] }, recipients: ['budi'],
    });
  });

  it('given a subbagian with no active Kasubbag, then every active Sekretaris receives it instead', () => {
    expect(chooseDelivery(kul, people({ SEKRETARIS: ['siti', 'plh'], KETUA: ['ali'] }))).toEqual({
      delivery: { role: 'SEKRETARIS', vacantRoles: ['KASUBBAG'] }, recipients: ['siti', 'plh'],
    });
  });

  it('given no active Kasubbag nor Sekretaris, then the Ketua receives it', () => {
    expect(chooseDelivery(kul, people({ KETUA: ['ali'] }))).toEqual({ delivery: { role: 'KETUA', vacantRoles: ['KASUBBAG', 'SEKRETARIS'] }, recipients: ['ali'] });
  });

  it('given an office with no active Sekretaris, then a Sekretaris reminder goes to the Ketua, never to a Kasubbag', () => {
    expect(chooseDelivery(sekretaris, people({ KASUBBAG: ['budi'], KETUA: ['ali'] }))).toEqual({
      delivery: { role: 'KETUA', vacantRoles: ['SEKRETARIS'] }, recipients: ['ali'],
    });
  });

  it('given nobody active in the chain, then nobody receives it and every vacancy is named', () => {
    expect(chooseDelivery(kul, people({}))).toEqual({ delivery: { role: null, vacantRoles: ['KASUBBAG', 'SEKRETARIS', 'KETUA'] }, recipients: [] });
    expect(chooseDelivery(sekretaris, people({ KASUBBAG: ['budi'] }))).toEqual({ delivery: { role: null, vacantRoles: ['SEKRETARIS', 'KETUA'] }, recipients: [] });
  });
});
