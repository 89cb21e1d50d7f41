// The SSRF guard against a hostile skill: no name, spelling or redirect reaches this computer, the
// local network or a cloud metadata service; the address checked is the address connected to; and
// nothing in the environment (a proxy) changes where a request goes.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/skills/http/index.ts';
import { fakeResolver, json, policyFor, testClient, useServers } from '../unit/http/servers.ts';

const PUBLIC_ONLY = 'a skill may reach only public addresses, and local ones its owner allowed for it';

/** Every address class a public-looking name may resolve to, and how the refusal names it. */
const REFUSED_ADDRESSES: [string, string][] = [
  ['127.0.0.1', 'a loopback address (this computer)'],
  ['127.255.0.9', 'a loopback address (this computer)'],
  ['10.1.2.3', 'a private network address'],
  ['172.16.5.4', 'a private network address'],
  ['192.168.1.20', 'a private network address'],
  ['169.254.10.10', 'a link-local address'],
  ['100.64.0.1', 'a carrier-grade NAT address'],
  ['224.0.0.251', 'a multicast address'],
  ['0.0.0.0', 'the unspecified address'],
  ['255.255.255.255', 'the broadcast address'],
  ['240.0.0.1', 'a reserved address'],
  ['192.0.2.10', 'a reserved address'],
  ['169.254.169.254', 'a cloud metadata address'],
  ['169.254.170.2', 'a cloud metadata address'],
  ['100.100.100.200', 'a cloud metadata address'],
  ['168.63.129.16', 'a cloud metadata address'],
  ['::1', 'a loopback address (this computer)'],
  ['::', 'the unspecified address'],
  ['fe80::1', 'a link-local address'],
  ['fd12:3456:789a::1', 'a private network address (IPv6 unique local)'],
  ['ff02::1', 'a multicast address'],
  ['fd00:ec2::254', 'a cloud metadata address'],
  ['2001:db8::1', 'a reserved address'],
  ['::ffff:127.0.0.1', 'a loopback address (this computer)'],
  ['::ffff:10.0.0.1', 'a private network address'],
  ['::ffff:169.254.169.254', 'a cloud metadata address'],
  ['::7f00:1', 'a reserved address'],
  ['2002:7f00:1::1', 'a loopback address (this computer)'],
  ['2002:c0a8:114::1', 'a private network address'],
  ['64:ff9b::a9fe:a9fe', 'a cloud metadata address'],
  ['64:ff9b::a00:1', 'a private network address'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'a Teredo tunnel address'],
];

describe('SSRF guard', () => {
  const serve = useServers();

  it.each(REFUSED_ADDRESSES)('a name resolving to %s is refused (%s) before any connection', async (address, words) => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://api.example.test:${server.port}`;
    const { resolve } = fakeResolver({ 'api.example.test': [address] });
    const result = await createHttpClient({ resolve }).send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.error).toBe(`api.example.test resolves to ${address}, ${words}: ${PUBLIC_ONLY}`);
    expect(result.record).toMatchObject({ address: null, status: null });
    expect(server.connections).toBe(0);
  });

  it.each([
    ['decimal', 'http://2130706433'],
    ['hexadecimal', 'http://0x7f.1'],
    ['octal', 'http://0177.0.0.1'],
    ['short', 'http://127.1'],
    ['dotted', 'http://127.0.0.1'],
  ])('the loopback address written in %s form is refused, even when approved', async (_form, base) => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const result = await createHttpClient().send({ url: `${base}:${server.port}/`, method: 'GET', headers: {}, body: null }, policyFor([`http://127.0.0.1:${server.port}`]));
    expect(result.error).toBe(`127.0.0.1 is a loopback address (this computer): ${PUBLIC_ONLY}`);
    expect(server.connections).toBe(0);
  });

  it.each([
    ['http://[::1]', 'http://[::1]', '::1 is a loopback address (this computer)'],
    ['http://[::ffff:127.0.0.1]', 'http://[::ffff:7f00:1]', '::ffff:7f00:1 is a loopback address (this computer)'],
    ['http://169.254.169.254', 'http://169.254.169.254', '169.254.169.254 is a cloud metadata address'],
    ['http://[fd00:ec2::254]', 'http://[fd00:ec2::254]', 'fd00:ec2::254 is a cloud metadata address'],
  ])('the IP literal %s is refused', async (url, capability, words) => {
    const result = await createHttpClient().send({ url: `${url}/latest/meta-data/`, method: 'GET', headers: {}, body: null }, policyFor([capability]));
    expect(result.error).toBe(`${words}: ${PUBLIC_ONLY}`);
  });

  it.each(['localhost', 'api.localhost', 'localhost.'])('the name %s is refused without asking DNS', async (name) => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://${name}:${server.port}`;
    const { resolve, asked } = fakeResolver({ [name]: ['93.184.216.34'] });
    const result = await createHttpClient({ resolve }).send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.error).toBe(`${name} is a name for this computer: ${PUBLIC_ONLY}`);
    expect(asked).toEqual([]);
    expect(server.connections).toBe(0);
  });

  it('a name with one public and one private address is refused, not sent to the public one', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const origin = `http://api.example.test:${server.port}`;
    const { resolve } = fakeResolver({ 'api.example.test': ['127.0.0.1', '10.0.0.7'] });
    const result = await testClient({ resolve }).send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.error).toBe(`api.example.test resolves to 10.0.0.7, a private network address: ${PUBLIC_ONLY}`);
    expect(server.connections).toBe(0);
  });

  it('DNS rebinding: the connection goes to the address that was checked, not to a later answer', async () => {
    const checked = await serve((_request, response) => json(response, 200, { server: 'checked' }));
    const rebound = await serve((_request, response) => json(response, 200, { server: 'rebound' }), { host: '127.0.0.2', port: checked.port });
    const origin = `http://rebind.example.test:${checked.port}`;
    let answers = 0;
    const { resolve, asked } = fakeResolver({ 'rebind.example.test': () => (answers++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const result = await testClient({ resolve }).send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.response?.body).toBe('{"server":"checked"}');
    expect(result.record.address).toBe('127.0.0.1');
    expect(asked).toEqual(['rebind.example.test']);
    expect(rebound.connections).toBe(0);
    expect(checked.requests[0]!.headers.host).toBe(`rebind.example.test:${checked.port}`);
  });

  it('a local address the owner allowed for this skill is reached on that port only', async () => {
    const box = await serve((_request, response) => json(response, 200, { lights: 'on' }));
    const origin = `http://127.0.0.1:${box.port}`;
    const client = createHttpClient();
    const allowed = await client.send({ url: `${origin}/api/states`, method: 'GET', headers: {}, body: null }, policyFor([origin], { localAllowances: [{ address: '::ffff:127.0.0.1', port: box.port }] }));
    const otherPort = await client.send({ url: `${origin}/api/states`, method: 'GET', headers: {}, body: null }, policyFor([origin], { localAllowances: [{ address: '127.0.0.1', port: box.port + 1 }] }));
    expect(allowed.response?.body).toBe('{"lights":"on"}');
    expect(otherPort.error).toBe(`127.0.0.1 is a loopback address (this computer): ${PUBLIC_ONLY}`);
    expect(box.requests).toHaveLength(1);
  });

  it('a cloud metadata address is refused even when the owner allowed it', async () => {
    const { resolve } = fakeResolver({ 'metadata.example.test': ['169.254.169.254'] });
    const result = await createHttpClient({ resolve }).send(
      { url: 'http://metadata.example.test/latest/meta-data/iam/', method: 'GET', headers: {}, body: null },
      policyFor(['http://metadata.example.test'], { localAllowances: [{ address: '169.254.169.254', port: 80 }] }),
    );
    expect(result.error).toBe(`metadata.example.test resolves to 169.254.169.254, a cloud metadata address: ${PUBLIC_ONLY}`);
  });

  it('the test seam lets loopback through and nothing else', async () => {
    const { resolve } = fakeResolver({ 'api.example.test': ['10.0.0.1'] });
    const result = await testClient({ resolve }).send({ url: 'http://api.example.test/', method: 'GET', headers: {}, body: null }, policyFor(['http://api.example.test']));
    expect(result.error).toBe(`api.example.test resolves to 10.0.0.1, a private network address: ${PUBLIC_ONLY}`);
  });

  it('proxy settings in the environment do not change where a request goes', async () => {
    const proxy = await serve((_request, response) => json(response, 200, { via: 'proxy' }));
    const target = await serve((_request, response) => json(response, 200, { via: 'direct' }));
    const origin = `http://127.0.0.1:${target.port}`;
    const clientModule = pathToFileURL(path.resolve(import.meta.dirname, '../../main/skills/http/index.ts')).href;
    const script = `
      import http from 'node:http';
      const { createHttpClient, DEFAULT_HTTP_LIMITS } = await import(${JSON.stringify(clientModule)});
      // Control: in this process Node's own agent does use the proxy.
      const control = await new Promise((resolve) => http.get(${JSON.stringify(`${origin}/control`)}, (response) => {
        let body = ''; response.on('data', (chunk) => (body += chunk)); response.on('end', () => resolve(body));
      }).on('error', (error) => resolve(error.code)));
      const policy = { origins: [${JSON.stringify(origin)}], secretHosts: new Map(), secretValue: async () => null, localAllowances: [], limits: DEFAULT_HTTP_LIMITS, deadline: Date.now() + 10000 };
      const result = await createHttpClient({ testing: { allowLoopback: true } }).send({ url: ${JSON.stringify(`${origin}/guarded`)}, method: 'GET', headers: {}, body: null }, policy);
      console.log(JSON.stringify({ control, guarded: result.response?.body ?? result.error }));
    `;
    const proxyUrl = `http://127.0.0.1:${proxy.port}`;
    const env = { PATH: process.env.PATH ?? '', NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxyUrl, http_proxy: proxyUrl, HTTPS_PROXY: proxyUrl, https_proxy: proxyUrl };
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '--eval', script], { env, cwd: path.resolve(import.meta.dirname, '../..'), timeout: 15_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
    expect(JSON.parse(output)).toEqual({ control: '{"via":"proxy"}', guarded: '{"via":"direct"}' });
    expect(target.requests.map((request) => request.url)).toEqual(['/guarded']);
  });
});
