// Redirects are followed by hand: each hop checked again like a new request, at most five.
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../main/skills/http/index.ts';
import { fakeResolver, json, policyFor, testClient, useServers } from './servers.ts';

const redirect = (response: http.ServerResponse, status: number, location: string) => {
  response.writeHead(status, { location });
  response.end();
};

describe('redirects', () => {
  const serve = useServers();

  it('a relative redirect on the same host is followed and the answer says where it came from', async () => {
    const server = await serve((request, response) => (request.url === '/old' ? redirect(response, 301, '/new?page=2') : json(response, 200, { at: request.url })));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/old`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.response).toMatchObject({ status: 200, url: `${origin}/new?page=2`, body: '{"at":"/new?page=2"}' });
    expect(result.record).toMatchObject({ path: '/old', status: 200, redirects: 1 });
  });

  it('a redirect to a host that was not approved is refused and that host gets nothing', async () => {
    const elsewhere = await serve((_request, response) => json(response, 200, {}));
    const server = await serve((_request, response) => redirect(response, 302, `http://127.0.0.1:${elsewhere.port}/collect`));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin]));
    expect(result.response).toBeNull();
    expect(result.error).toBe(`${origin} redirected to http://127.0.0.1:${elsewhere.port}, which is not among this skill's approved hosts`);
    expect(result.record).toMatchObject({ status: null, redirects: 0 });
    expect(elsewhere.connections).toBe(0);
  });

  it('a redirect to an approved host whose address is loopback is refused: each hop\'s address is checked again', async () => {
    const inside = await serve((_request, response) => json(response, 200, { secret: 'router admin page' }));
    const box = await serve((_request, response) => redirect(response, 302, `http://127.0.0.1:${inside.port}/admin`));
    const boxOrigin = `http://127.0.0.1:${box.port}`;
    // No test seam here: the first hop reaches the box only because its owner allowed that address and port.
    const client = createHttpClient();
    const result = await client.send(
      { url: `${boxOrigin}/`, method: 'GET', headers: {}, body: null },
      policyFor([boxOrigin, `http://127.0.0.1:${inside.port}`], { localAllowances: [{ address: '127.0.0.1', port: box.port }] }),
    );
    expect(box.requests).toHaveLength(1);
    expect(result.error).toBe('127.0.0.1 is a loopback address (this computer): a skill may reach only public addresses, and local ones its owner allowed for it');
    expect(inside.connections).toBe(0);
  });

  it('a redirect to a name that resolves to a private address is refused', async () => {
    const server = await serve((_request, response) => redirect(response, 302, 'http://printer.example.test/'));
    const origin = `http://127.0.0.1:${server.port}`;
    const { resolve } = fakeResolver({ 'printer.example.test': ['192.168.1.40'] });
    const result = await testClient({ resolve }).send({ url: `${origin}/`, method: 'GET', headers: {}, body: null }, policyFor([origin, 'http://printer.example.test']));
    expect(result.error).toBe('printer.example.test resolves to 192.168.1.40, a private network address: a skill may reach only public addresses, and local ones its owner allowed for it');
  });

  it('five redirects are followed; a sixth is refused', async () => {
    const server = await serve((request, response) => {
      const hop = Number(request.url!.slice(1));
      return hop < Number(request.headers['x-stop-at']) ? redirect(response, 302, `/${hop + 1}`) : json(response, 200, { hop });
    });
    const origin = `http://127.0.0.1:${server.port}`;
    const ask = (stopAt: number) => testClient().send({ url: `${origin}/0`, method: 'GET', headers: { 'X-Stop-At': String(stopAt) }, body: null }, policyFor([origin]));

    const five = await ask(5);
    expect(five.response?.body).toBe('{"hop":5}');
    expect(five.record.redirects).toBe(5);

    server.requests.length = 0;
    const endless = await ask(1000);
    expect(endless.error).toBe('more than 5 redirects');
    expect(endless.record).toMatchObject({ status: null, redirects: 5 });
    expect(server.requests).toHaveLength(6);
  });

  it('a 303 after a POST fetches the result with a GET, without the body or its headers', async () => {
    const server = await serve((request, response) => (request.url === '/orders' ? redirect(response, 303, '/orders/7') : json(response, 200, { order: 7 })));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send(
      { url: `${origin}/orders`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"item":"tea"}' },
      policyFor([origin]),
    );
    expect(result.response?.status).toBe(200);
    expect(server.requests[1]).toMatchObject({ method: 'GET', url: '/orders/7', body: '' });
    expect(server.requests[1]!.headers).not.toHaveProperty('content-type');
    expect(server.requests[1]!.headers).not.toHaveProperty('content-length');
    expect(result.record.requestBytes).toBe('{"item":"tea"}'.length);
  });

  it('a 307 resends the same method and body', async () => {
    const server = await serve((request, response) => (request.url === '/v1' ? redirect(response, 307, '/v2') : json(response, 200, {})));
    const origin = `http://127.0.0.1:${server.port}`;
    const result = await testClient().send({ url: `${origin}/v1`, method: 'PUT', headers: {}, body: 'level=3' }, policyFor([origin]));
    expect(server.requests[1]).toMatchObject({ method: 'PUT', url: '/v2', body: 'level=3' });
    expect(result.record.requestBytes).toBe(14);
  });
});
