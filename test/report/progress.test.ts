import { Progress, progressWanted } from '../../lib/util/progress';

function fakeStream(isTTY: boolean): { isTTY: boolean; text: string; write(t: string): boolean } {
  return { isTTY, text: '', write(t: string) { this.text += t; return true; } };
}

describe('progress', () => {
  test('shown only on a terminal, not for JSON, not when CI is set', () => {
    expect(progressWanted(fakeStream(true), false, {})).toBe(true);
    expect(progressWanted(fakeStream(false), false, {})).toBe(false);
    expect(progressWanted(fakeStream(true), true, {})).toBe(false);
    expect(progressWanted(fakeStream(true), false, { CI: 'true' })).toBe(false);
  });

  test('nothing is drawn during the first second; then counts, then the line is cleared', () => {
    let t = 0;
    const s = fakeStream(true);
    const p = new Progress({ stream: s, enabled: true, now: () => t });
    p.start('work', 4);
    t = 500;
    p.tick();
    expect(s.text).toBe('');
    t = 1200;
    p.tick();
    expect(s.text).toBe('\r\x1b[Kwork 2/4 50%');
    t = 1250;
    p.tick();
    expect(s.text).toBe('\r\x1b[Kwork 2/4 50%');
    p.done();
    expect(s.text.endsWith('\r\x1b[K')).toBe(true);
  });

  test('a fast task writes nothing at all, and a disabled one never writes', () => {
    let t = 0;
    const fast = fakeStream(true);
    const p = new Progress({ stream: fast, enabled: true, now: () => t });
    p.start('quick', 2);
    p.tick();
    p.tick();
    p.done();
    expect(fast.text).toBe('');
    const off = fakeStream(true);
    const q = new Progress({ stream: off, json: true, now: () => t });
    q.start('json', 1);
    t = 5000;
    q.tick();
    q.done();
    expect(off.text).toBe('');
  });
});

test('the one-second delay counts from the first task, also on a clock that starts at 0', () => {
  let t = 0;
  const s = fakeStream(true);
  const p = new Progress({ stream: s, enabled: true, now: () => t });
  p.start('first', 1);
  t = 1200;
  p.tick();
  p.done();
  s.text = '';
  t = 1300;
  p.start('second', 2);
  expect(s.text).toBe('\r\x1b[Ksecond 0/2 0%');
});
