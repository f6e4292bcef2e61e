import { parseFilterTable, parseIpSets, walkForward } from '../../bench/measure/iptables-walk';

// A hand-written filter table: FORWARD -> dispatch by interface -> endpoint chain -> policy chain.
const TABLE = [
  '*raw',
  ':PREROUTING ACCEPT [0:0]',
  '-A PREROUTING --jump DROP',
  'COMMIT',
  '*filter',
  ':FORWARD ACCEPT [0:0]',
  ':disp - [0:0]',
  ':tw-a - [0:0]',
  ':pol - [0:0]',
  '-A FORWARD -m comment --comment "to workloads" --out-interface cali+ --jump disp',
  '-A FORWARD --jump ACCEPT',
  '-A disp --out-interface caliA --goto tw-a',
  '-A disp --out-interface caliB --goto tw-a',
  '-A tw-a -m conntrack --ctstate RELATED,ESTABLISHED --jump ACCEPT',
  '-A tw-a --jump MARK --set-mark 0/0x10000',
  '-A tw-a --jump pol',
  '-A tw-a -m mark --mark 0x10000/0x10000 --jump RETURN',
  '-A tw-a --jump DROP',
  '-A pol -p tcp -m set --match-set web src -m multiport --destination-ports 80,8000:8100 --jump MARK --set-mark 0x10000/0x10000',
  '-A pol -m mark --mark 0x10000/0x10000 --jump RETURN',
  '-A pol -p tcp --source 192.0.2.0/24 -m addrtype --src-type LOCAL --jump ACCEPT',
  'COMMIT',
].join('\n');

const SETS = 'create web hash:net family inet\nadd web 10.0.0.0/30\nadd web 10.0.1.7\n';

const pkt = (src: string, dport: number, outIface = 'caliA'): Parameters<typeof walkForward>[2] => ({
  inIface: 'eth0', outIface, src, dst: '10.0.9.9', proto: 'tcp', dport, sport: 40000,
});

describe('walkForward', () => {
  const chains = parseFilterTable(TABLE);
  const sets = parseIpSets(SETS);

  test('reads only the filter table', () => {
    expect([...chains.keys()]).toEqual(['FORWARD', 'disp', 'tw-a', 'pol']);
  });

  test('an allowed packet: counts every rule tested until the RETURN and the final ACCEPT', () => {
    // FORWARD#1 (jump disp), disp#1 (goto tw-a), tw-a#1..3, pol#1 (mark), pol#2 (return),
    // tw-a#4 (return) -> back in FORWARD after the goto returns, FORWARD#2 ACCEPT: 9 rules
    const r = walkForward(chains, sets, pkt('10.0.0.2', 8050));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.rulesTested).toBe(9);
    expect(r.unknown).toEqual([]);
  });

  test('a denied packet: the policy does not match, every rule of pol is tested, then DROP', () => {
    // FORWARD#1, disp#1, tw-a#1..3, pol#1..3, tw-a#4, tw-a#5 DROP: 10 rules; addrtype is unknown
    const r = walkForward(chains, sets, pkt('10.0.0.9', 8050));
    expect(r.verdict).toBe('DROP');
    expect(r.rulesTested).toBe(10);
    expect(r.unknown).toEqual(['--src-type']);
  });

  test('single addresses in a set and port lists: 10.0.1.7 to port 80 is allowed', () => {
    expect(walkForward(chains, sets, pkt('10.0.1.7', 80)).verdict).toBe('ACCEPT');
    expect(walkForward(chains, sets, pkt('10.0.1.7', 81)).verdict).toBe('DROP');
  });

  test('interfaces: a packet to a non-cali interface skips dispatch', () => {
    const r = walkForward(chains, sets, pkt('10.0.0.9', 80, 'eth1'));
    expect(r).toMatchObject({ verdict: 'ACCEPT', rulesTested: 2 });
  });
});
