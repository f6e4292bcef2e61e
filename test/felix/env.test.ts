// The Felix settings of this work given as calico-node's environment (`--felix`), Felix's spelling:
// IptablesFilterDenyAction oneof(DROP,REJECT) and the two BoolParams (felix/config/config_params.go).
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { parseFelixEnv } from '../../lib/model/felix';
import { FELIX_FIELDS } from '../../lib/model/felix/fields';

describe('--felix: IptablesFilterDenyAction, AllowVXLANPacketsFromWorkloads, AllowIPIPPacketsFromWorkloads', () => {
  it('reads Felix\'s spellings into the FelixConfiguration fields', () => {
    expect(parseFelixEnv(['FELIX_IPTABLESFILTERDENYACTION=REJECT', 'AllowVXLANPacketsFromWorkloads=yes', 'allowipippacketsfromworkloads=F'])).toEqual({
      iptablesFilterDenyAction: 'Reject', allowVXLANPacketsFromWorkloads: true, allowIPIPPacketsFromWorkloads: false,
    });
  });

  it.each([
    ['IptablesFilterDenyAction=DENY', '--felix IptablesFilterDenyAction: got "DENY"; allowed: DROP or REJECT'],
    ['AllowIPIPPacketsFromWorkloads=constructor', '--felix AllowIPIPPacketsFromWorkloads: got "constructor"; allowed: true, false, 1, 0, yes, no, y, n, t or f'],
  ])('refuses %s', (entry, message) => {
    expect(() => parseFelixEnv([entry])).toThrow(message);
  });

  it('the environment wins over FelixConfiguration default', () => {
    const felix = `apiVersion: projectcalico.org/v3
kind: FelixConfiguration
metadata: {name: default}
spec: {iptablesFilterDenyAction: Drop, allowIPIPPacketsFromWorkloads: true}
`;
    const model = buildEngineModel(parseEngineInputs([{ file: 'felix.yaml', text: felix }], { felix: ['IptablesFilterDenyAction=REJECT'] }));
    expect(model.felix).toMatchObject({ filterDenyAction: 'Reject', allowIPIPPacketsFromWorkloads: true, allowVXLANPacketsFromWorkloads: false, vxlanPort: 4789 });
  });
});

describe('--felix: every Felix setting by its config name', () => {
  /** A value of each kind as calico-node's environment writes it, and what it reads as. */
  const SAMPLES = {
    string: ['x', 'x'], integer: ['0x10', 16], boolean: ['yes', true], strings: ['203.0.113.0/24, 198.51.100.0/24', ['203.0.113.0/24', '198.51.100.0/24']],
    protoPorts: ['tcp:22,udp:198.51.100.0/24:68', [{ protocol: 'tcp', port: 22 }, { protocol: 'udp', port: 68, net: '198.51.100.0/24' }]],
    portRange: ['99:100', '99:100'],
  } as const;

  it.each(FELIX_FIELDS.filter((f) => f.use !== 'no-effect' && !['defaultEndpointToHostAction', 'iptablesFilterDenyAction'].includes(f.field ?? '')).map((f) => [f.param, f]))(
    'FELIX_%s sets its FelixConfiguration field', (param, f) => {
      if (f.use === 'no-effect') throw new Error('filtered out');
      const [text, value] = SAMPLES[f.kind];
      expect(parseFelixEnv([`FELIX_${param.toUpperCase()}=${text}`])).toEqual({ [f.field ?? '']: value });
    });

  it('the settings that change no rule, environment-only ones too, are accepted and dropped', () => {
    const names = FELIX_FIELDS.filter((f) => f.use === 'no-effect').map((f) => `FELIX_${f.param.toUpperCase()}=anything`);
    expect(names.length).toBeGreaterThan(100);
    expect(parseFelixEnv([...names, 'FELIX_DATASTORETYPE=kubernetes', 'TyphaK8sServiceName=calico-typha'])).toEqual({});
  });

  it('an unknown name names the nearest one; integers are read as Felix reads them (0x, 0o, 0b, a leading 0)', () => {
    expect(() => parseFelixEnv(['FELIX_IPTABLESMARKMAK=0xff'])).toThrow(
      '--felix "FELIX_IPTABLESMARKMAK=0xff": expected KEY=VALUE with KEY one of Felix\'s settings (e.g. DefaultEndpointToHostAction), got "IPTABLESMARKMAK" (did you mean "IptablesMarkMask"?)');
    expect(() => parseFelixEnv(['KubeIPVSSupportEnabled=true'])).toThrow('got "KubeIPVSSupportEnabled"');
    expect(parseFelixEnv(['IptablesMarkMask=0xffff0000', 'VXLANPort=010', 'MaxIpsetSize=0b11', 'MetadataPort=0o17'])).toEqual({
      iptablesMarkMask: 0xffff0000, vxlanPort: 8, maxIpsetSize: 3, metadataPort: 15,
    });
    expect(() => parseFelixEnv(['VXLANPort=47x'])).toThrow('--felix VXLANPort: got "47x"; allowed: an integer (decimal, or 0x hexadecimal)');
  });

  it('a value the plan does not render is refused by the FelixConfiguration validator, naming --felix', () => {
    expect(() => buildEngineModel(parseEngineInputs([], { felix: ['FELIX_CHAININSERTMODE=append'] }))).toThrow(/--felix.*spec\.chainInsertMode: not modelled: with Append/);
    expect(buildEngineModel(parseEngineInputs([], { felix: ['FELIX_CHAININSERTMODE=insert', 'FELIX_VXLANPORT=8472'] })).felix.vxlanPort).toBe(8472);
  });
});
