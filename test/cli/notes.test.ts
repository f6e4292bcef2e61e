// noteLines (lib/cli/output/notes.ts): at cluster size `connectivity` had thousands of notes (one per
// pair listed pod by pod); the first 20 are written, then a count of the rest.
import { noteLines } from '../../lib/cli/output/notes';

const NOTES_SHOWN = 20;

describe('noteLines', () => {
  it('writes every note while there are at most 20', () => {
    const notes = Array.from({ length: NOTES_SHOWN }, (_, i) => `n${i}`);
    expect(noteLines(notes, 'see --focus')).toEqual(notes.map((n) => `note: ${n}\n`));
    expect(noteLines([], 'see --focus')).toEqual([]);
  });
  it('writes the first 20 and counts the others', () => {
    const notes = Array.from({ length: 9537 }, (_, i) => `the pods of w${i} differ towards h: listed pod by pod`);
    const lines = noteLines(notes, '--focus NAME shows those of one workload');
    expect(lines).toHaveLength(21);
    expect(lines[19]).toBe('note: the pods of w19 differ towards h: listed pod by pod\n');
    expect(lines[20]).toBe('note: 9517 more notes like these (9537 in all) not shown; --focus NAME shows those of one workload\n');
  });
});
