import { deciderSpec } from '../../testing/decider-spec';
import { kasubbagKul, meta, sekretaris } from '../../testing/builders';
import { realisasiDecider } from './realisasi.decider';
import type { RealisasiEvent } from './realisasi.events';
import type { RealisasiContent } from './realisasi.types';
import { sameContentAsRead, textAsRead } from './realisasi-content.compare';
import { approved, content, context, FEB_1, FEB_5, key, returned, saved, submitted } from './realisasi-spec.fixtures';

const spec = deciderSpec(realisasiDecider);
const save = (c: RealisasiContent, recordUnchanged = false) =>
  ({ type: 'SaveRealisasiDraft' as const, data: { key, context, ...c }, metadata: { ...meta(kasubbagKul, FEB_5), ...(recordUnchanged ? { recordUnchanged } : {}) } });
const submitWith = (c: RealisasiContent) => ({ type: 'SubmitRealisasi' as const, data: { key, context, content: c }, metadata: meta(kasubbagKul, FEB_5) });
const opened: RealisasiEvent = { type: 'RealisasiRevisionOpened', data: { revision: 1, reason: 'Salah ketik K1.1', openedBy: kasubbagKul.userId, openedAt: FEB_1 } };

/** The saved content with only white space nobody reads added to its texts: spaces at the ends, a doubled space, a line break. */
const [k11, k12] = content.lines;
const respaced: RealisasiContent = {
  ...content,
  lines: [
    { ...k11, narrative: `  ${k11.narrative.replace(' ', '  ')}\n`, kendala: ' ', solusi: '\t' },
    { ...k12, narrative: `${k12.narrative} \r\n` },
  ],
};

describe('Monthly realisasi: a save that only changes white space in the texts is no change', () => {
  it('reads a text as trimmed, every run of white space (line breaks too) one space', () => {
    expect(textAsRead('  Rapat\n\n3  kali. \t')).toBe('Rapat 3 kali.');
    expect(textAsRead(' \n ')).toBe('');
  });

  it('given two contents differing in white space and line order only, then they say the same; another word or figure does not', () => {
    expect(sameContentAsRead(content, { ...respaced, lines: [...respaced.lines].reverse() })).toBe(true);
    expect(sameContentAsRead(content, { ...content, lines: [{ ...k11, narrative: `${k11.narrative}.` }, k12] })).toBe(false);
    expect(sameContentAsRead(content, { ...content, lines: [{ ...k11, value: '1.5' }, k12] })).toBe(false);
  });

  it('given a draft, when saved again with only white space changed in its texts, then nothing is recorded', () => {
    spec(saved).when(save(respaced)).then([]);
  });

  it('given a returned report, when saved with only white space changed, then nothing is recorded', () => {
    spec(saved, submitted, returned).when(save(respaced)).then([]);
  });

  it('given a correction being drafted, when saved with only white space changed against its draft, then nothing is recorded', () => {
    spec(saved, submitted, approved, opened).when(save(respaced)).then([]);
  });

  it('given a draft, when saved with white space changed by a request that must be recorded (an Idempotency-Key), then it is recorded as typed', () => {
    const events = spec(saved).when(save(respaced, true)).events();
    expect(events).toEqual([{ ...saved, data: { ...saved.data, lines: respaced.lines, savedAt: FEB_5 } }]);
  });

  it('given a draft, when a word of a text changes beside white space, then the save is recorded with the texts as typed', () => {
    const reworded = { ...respaced, lines: [{ ...respaced.lines[0], kendala: 'Hujan deras ' }, respaced.lines[1]] };
    const [event] = spec(saved).when(save(reworded)).events();
    expect(event).toMatchObject({ type: 'RealisasiDraftSaved', data: { lines: reworded.lines } });
  });

  it('given a returned report, when submitted with its content respaced, then only the submission is recorded, not a save that changed nothing', () => {
    const events = spec(saved, submitted, returned).when(submitWith(respaced)).events();
    expect(events).toEqual([{ type: 'RealisasiSubmitted', data: { revision: 0, resubmission: true, submittedBy: kasubbagKul.userId, submittedAt: FEB_5 } }]);
  });

  it('given a returned report, when submitted with a changed figure, then the save is recorded before the submission', () => {
    const changed = { ...content, lines: [{ ...k11, value: '2' }, k12] };
    expect(spec(saved, submitted, returned).when(submitWith(changed)).events().map((e) => e.type)).toEqual(['RealisasiDraftSaved', 'RealisasiSubmitted']);
  });

  it('given a returned report, when the Sekretaris is the one saving, then the refusal still comes first', () => {
    const bySekretaris = { ...save(respaced), metadata: meta(sekretaris, FEB_5) };
    spec(saved, submitted, returned).when(bySekretaris).thenThrows('REALISASI.FORBIDDEN');
  });
});
