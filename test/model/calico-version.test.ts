import { CALICO_VERSIONS, CalicoVersionError, DEFAULT_CALICO_VERSION, parseCalicoVersion } from '../../lib/model/calico-version';

describe('declared Calico version', () => {
  it('defaults to the latest release line', () => {
    expect(DEFAULT_CALICO_VERSION).toBe('3.32');
    expect(CALICO_VERSIONS[CALICO_VERSIONS.length - 1]).toBe(DEFAULT_CALICO_VERSION);
  });

  it.each([
    ['3.31', '3.31'],
    ['v3.31', '3.31'],
    ['3.31.7', '3.31'],
    ['3.32', '3.32'],
    [' v3.32.1 ', '3.32'],
  ])('reads %p as %p', (text, line) => {
    expect(parseCalicoVersion(text, '--calico-version')).toBe(line);
  });

  it.each(['3.30', '4', 'latest', '3.32.x', ''])('rejects %p naming where and what is allowed', (text) => {
    expect(() => parseCalicoVersion(text, '--calico-version')).toThrow(CalicoVersionError);
    expect(() => parseCalicoVersion(text, '--calico-version')).toThrow(/--calico-version: Calico version '.*' is not supported; allowed: 3\.31, 3\.32/);
  });
});
