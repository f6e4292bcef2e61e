// The Felix settings of this work given as calico-node's environment (`--felix`), Felix's spelling:
// IptablesFilterDenyAction oneof(DROP,REJECT) and the two BoolParams (felix/config/config_params.go).
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { parseFelixEnv } from '../../lib/model/felix';

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
