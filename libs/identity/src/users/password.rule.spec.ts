import { DomainError } from '@kinerja/domain';
import { assertAcceptablePassword } from './password.rule';

function refusal(password: string, username = 'kasubbag.pdi'): DomainError | null {
  try {
    assertAcceptablePassword(password, username);
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('what makes a password acceptable', () => {
  it('given eight characters or more, then it is accepted', () => {
    expect(refusal('delapan8')).toBeNull();
  });

  it('given seven characters, then it is refused as too weak with the minimum stated', () => {
    const error = refusal('tujuh77');
    expect(error?.code).toBe('USER.PASSWORD_TOO_WEAK');
    expect(error?.details).toEqual({ minLength: 8 });
  });

  it('counts characters, not bytes: eight accented letters are enough', () => {
    expect(refusal('éééééééé')).toBeNull();
  });

  it('given the username itself, in any case, then it is refused', () => {
    expect(refusal('Kasubbag.PDI')?.code).toBe('USER.PASSWORD_TOO_WEAK');
  });
});
