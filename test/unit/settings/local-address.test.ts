import { describe, expect, it } from 'vitest';
import { checkLocalAllowance, formatAllowance, parseAllowanceText } from '../../../main/skills/settings/index.ts';

const reasonFor = (address: string, port: unknown = 8123) => {
  const checked = checkLocalAllowance(address, port);
  return checked.ok ? 'allowed' : checked.reason;
};

describe('which addresses the owner can allow a skill to reach', () => {
  it('allows one device on the local network or this computer, normalised', () => {
    expect(checkLocalAllowance('192.168.1.20', 8123)).toEqual({ ok: true, address: '192.168.1.20', port: 8123 });
    expect(checkLocalAllowance('::ffff:10.0.0.5', '80')).toEqual({ ok: true, address: '10.0.0.5', port: 80 });
    expect(checkLocalAllowance('[FD00:0:0::20]', 443)).toEqual({ ok: true, address: 'fd00::20', port: 443 });
    for (const address of ['172.16.4.4', '127.0.0.1', '169.254.10.1', '100.64.0.9', 'fe80::1', '::1']) expect(reasonFor(address)).toBe('allowed');
  });

  it('refuses public addresses, which need no allowance', () => {
    expect(reasonFor('8.8.8.8')).toBe('public-address');
    expect(reasonFor('2a00:1450:4001::200e')).toBe('public-address');
  });

  it('refuses cloud metadata services in every spelling', () => {
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', 'fd00:ec2::254', '100.100.100.200']) expect(reasonFor(address)).toBe('cloud-metadata');
  });

  it('refuses addresses that are not one device, and tunnels or reserved ranges', () => {
    for (const address of ['0.0.0.0', '::', '255.255.255.255', '224.0.0.251', 'ff02::fb']) expect(reasonFor(address)).toBe('not-one-device');
    for (const address of ['240.0.0.1', '2002:c0a8:0114::1', '192.0.2.1']) expect(reasonFor(address)).toBe('not-local');
  });

  it('refuses unusual spellings, names, zones and bad ports with a message in both languages', () => {
    for (const address of ['0x7f.1', '3232235796', '0177.0.0.1', '192.168.1', 'router.local', 'fe80::1%eth0', '']) expect(reasonFor(address)).toBe('bad-address');
    for (const port of [0, 65_536, 80.5, '80a', null]) expect(reasonFor('192.168.1.20', port)).toBe('bad-port');
    const refused = checkLocalAllowance('router.local', 80);
    expect(refused.ok === false && refused.message.pl).toContain('nie jest adresem IP');
  });

  it('is written and read back as IP:PORT, IPv6 in brackets', () => {
    expect(formatAllowance('fd00::20', 8123)).toBe('[fd00::20]:8123');
    expect(parseAllowanceText('[fd00::20]:8123')).toEqual({ address: 'fd00::20', port: '8123' });
    expect(parseAllowanceText('192.168.1.20:8123')).toEqual({ address: '192.168.1.20', port: '8123' });
    expect(parseAllowanceText('fd00::20')).toBeNull();
  });
});
