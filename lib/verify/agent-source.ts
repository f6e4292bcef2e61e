// The probe agent: a small Python 3 program run inside a namespace with `python3 -c`.
// `serve <json>` listens (TCP accept, UDP echo, IP-in-IP echo on a raw protocol-4 socket) on given
// addresses until stdin closes or its lifetime ends; `probe` reads probes as JSON on stdin, runs them in bounded parallel threads,
// each with its own timeout, and prints the results as one JSON line. Kept as text so the compiled
// CLI needs no extra files.

/** Python source of the agent. */
export const AGENT_SOURCE = String.raw`
import json, os, select, socket, struct, sys, threading, time
from concurrent.futures import ThreadPoolExecutor

def fam(ip):
    return socket.AF_INET6 if ':' in ip else socket.AF_INET

def serve(spec):
    socks = []
    for ip, port in spec.get('tcp', []):
        s = socket.socket(fam(ip), socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((ip, port)); s.listen(256); s.setblocking(False)
        socks.append(('tcp', s))
    for ip, port in spec.get('udp', []):
        s = socket.socket(fam(ip), socket.SOCK_DGRAM)
        s.bind((ip, port)); s.setblocking(False)
        socks.append(('udp', s))
    for ip in spec.get('ipip', []):
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, IPIP)
        s.bind((ip, 0)); s.setblocking(False)
        socks.append(('ipip', s))
    kind = {s.fileno(): (k, s) for k, s in socks}
    sys.stdout.write('READY\n'); sys.stdout.flush()
    end = time.time() + float(spec.get('lifetime', 600))
    stdin = sys.stdin.fileno()
    while time.time() < end:
        r, _, _ = select.select([stdin] + list(kind.keys()), [], [], 1.0)
        for fd in r:
            if fd == stdin:
                if not os.read(stdin, 4096):
                    return
                continue
            k, s = kind[fd]
            try:
                if k == 'tcp':
                    c, _ = s.accept()
                    c.close()
                elif k == 'ipip':
                    data, addr = s.recvfrom(2048)
                    body = data[(data[0] & 0x0f) * 4:]
                    if body.startswith(IPIP_MARK):
                        s.sendto(body, (addr[0], 0))
                else:
                    data, addr = s.recvfrom(2048)
                    s.sendto(data, addr)
            except OSError:
                pass

IPIP = 4
IPIP_MARK = b'nsec-ipip '

def csum(b):
    if len(b) % 2:
        b += b'\0'
    t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    t = (t >> 16) + (t & 0xffff)
    t += t >> 16
    return ~t & 0xffff

def icmp(p, timeout):
    v6 = ':' in p['dst']
    if v6:
        s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        req, rep = 128, 129
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        req, rep = 8, 0
    try:
        s.bind((p['src'], 0))
        ident = p['ident'] & 0xffff
        body = b'nsec-probe'
        hdr = struct.pack('!BBHHH', req, 0, 0, ident, 1)
        if not v6:
            hdr = struct.pack('!BBHHH', req, 0, csum(hdr + body), ident, 1)
        s.sendto(hdr + body, (p['dst'], 0))
        end = time.time() + timeout
        while True:
            left = end - time.time()
            if left <= 0:
                return False, 'timeout'
            s.settimeout(left)
            try:
                data, addr = s.recvfrom(4096)
            except socket.timeout:
                return False, 'timeout'
            if addr[0] != p['dst']:
                continue
            off = 0 if v6 else (data[0] & 0x0f) * 4
            if len(data) < off + 8:
                continue
            t, _, _, i, _ = struct.unpack('!BBHHH', data[off:off + 8])
            if t == rep and i == ident:
                return True, 'echo-reply'
    finally:
        s.close()

def tcp(p, timeout):
    s = socket.socket(fam(p['dst']), socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.bind((p['src'], 0))
        s.connect((p['dst'], p['port']))
        return True, 'connected'
    except ConnectionRefusedError:
        return False, 'refused'
    except socket.timeout:
        return False, 'timeout'
    except OSError as e:
        return False, 'error: %s' % e.strerror
    finally:
        s.close()

def udp(p, timeout):
    s = socket.socket(fam(p['dst']), socket.SOCK_DGRAM)
    try:
        s.bind((p['src'], 0))
        s.connect((p['dst'], p['port']))
        msg = ('nsec-probe %s' % p['id']).encode()
        end = time.time() + timeout
        tries = 0
        while tries < 3:
            tries += 1
            s.send(msg)
            left = min(end - time.time(), timeout / 3)
            if left <= 0:
                break
            s.settimeout(left)
            try:
                if s.recv(2048) == msg:
                    return True, 'echo'
            except socket.timeout:
                pass
            except ConnectionRefusedError:
                return False, 'refused'
        return False, 'timeout'
    except OSError as e:
        return False, 'error: %s' % e.strerror
    finally:
        s.close()

def ipip(p, timeout):
    # An IP protocol 4 packet (its payload a marker, not a real inner packet); the listener echoes it.
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, IPIP)
    try:
        s.bind((p['src'], 0))
        msg = IPIP_MARK + p['id'].encode()
        s.sendto(msg, (p['dst'], 0))
        end = time.time() + timeout
        while True:
            left = end - time.time()
            if left <= 0:
                return False, 'timeout'
            s.settimeout(left)
            try:
                data, addr = s.recvfrom(4096)
            except socket.timeout:
                return False, 'timeout'
            if addr[0] == p['dst'] and data[(data[0] & 0x0f) * 4:] == msg:
                return True, 'echo'
    finally:
        s.close()

def run(p, timeout):
    try:
        ok, detail = {'tcp': tcp, 'udp': udp, 'icmp': icmp, 'ipip': ipip}[p['proto']](p, timeout)
    except Exception as e:
        ok, detail = False, 'error: %s' % e
    return {'id': p['id'], 'ok': ok, 'detail': detail}

def probe(spec):
    timeout = float(spec['timeout'])
    with ThreadPoolExecutor(max_workers=int(spec['parallel'])) as pool:
        results = list(pool.map(lambda p: run(p, timeout), spec['probes']))
    sys.stdout.write(json.dumps({'results': results}) + '\n')

if sys.argv[1] == 'serve':
    serve(json.loads(sys.argv[2]))
else:
    probe(json.loads(sys.stdin.read()))
`;
