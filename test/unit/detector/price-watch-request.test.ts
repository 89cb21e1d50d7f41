import { describe, expect, it } from 'vitest';
import { parseSkillRequest } from '../../../main/skills/detector/request-parser.ts';
import { parseAmount } from '../../../main/skills/detector/price-watch-request.ts';

function need(text: string) {
  const parsed = parseSkillRequest(text);
  if (!parsed.isRequest) throw new Error(`not a request: ${parsed.reason.en}`);
  return parsed.need;
}
function reason(text: string) {
  const parsed = parseSkillRequest(text);
  if (parsed.isRequest) throw new Error(`parsed as a ${parsed.need.kind}`);
  return parsed.reason;
}

describe('price-watch requests', () => {
  it('turns an English request into a price watch with the page, the threshold and the currency', () => {
    expect(need('Check the price of the Lego set at https://shop.example.com/lego/42115 and tell me when it drops below $100')).toEqual({
      kind: 'price-watch',
      subject: 'lego set',
      subjectKey: 'lego-set',
      unit: 'USD',
      cadence: { type: 'none' },
      language: 'en',
      source: 'request',
      text: 'Check the price of the Lego set at https://shop.example.com/lego/42115 and tell me when it drops below $100',
      priceWatch: { url: 'https://shop.example.com/lego/42115', below: 100 },
    });
  });

  it('turns a Polish request into one, with Polish amounts and "zł"', () => {
    expect(need('Sprawdzaj cenę roweru pod adresem https://sklep.example.pl/rowery/123 i daj znać, gdy spadnie poniżej 1 999,99 zł')).toMatchObject({
      kind: 'price-watch',
      subject: 'roweru',
      unit: 'zł',
      language: 'pl',
      priceWatch: { url: 'https://sklep.example.pl/rowery/123', below: 1999.99 },
    });
  });

  it('keeps the schedule said in the request for later, and the address with its query and port', () => {
    expect(need('Watch the Lego set price at https://shop.example.com:8443/p/1?color=red every hour, tell me when it is under 80 euro.')).toMatchObject({
      subject: 'lego set',
      unit: 'EUR',
      cadence: { type: 'interval', everyMinutes: 60 },
      priceWatch: { url: 'https://shop.example.com:8443/p/1?color=red', below: 80 },
    });
  });

  it('names the watch after the site when the request names no thing, and wins over a trigger word like "track"', () => {
    expect(need('Tell me when the price at https://www.example.com/item drops under 50')).toMatchObject({ subject: 'example.com', unit: null, priceWatch: { below: 50 } });
    expect(need('Track the price of coffee beans at https://beans.example.com/b/1 and tell me when it is less than 45 zł')).toMatchObject({
      kind: 'price-watch',
      subject: 'coffee beans',
    });
  });

  it('says what is missing: the address, the threshold, one address only, a real web address', () => {
    expect(reason('Check the price of milk and tell me when it drops below 3 zł').en).toMatch(/^It does not give the address of the page with the price/);
    expect(reason('Sprawdzaj cenę mleka i daj znać, gdy spadnie poniżej 3 zł').pl).toMatch(/^Brakuje adresu strony z ceną/);
    expect(reason('Check the price at https://shop.example.com/x every day').en).toMatch(/^It does not say below what price to tell you/);
    expect(reason('Compare the price at https://a.example.com/x and https://b.example.com/x, tell me when it drops below 5').en).toMatch(/several addresses/);
    expect(reason('Check the price at https://user:secret@shop.example.com/x and tell me when it drops below 5').en).toBe(
      '“https://user:secret@shop.example.com/x” is not a web address a skill can visit (http or https, with a host name, without a user name or password).',
    );
    expect(reason("Don't check the price at https://shop.example.com/x below 5").en).toMatch(/^This asks not to do something/);
  });

  it('leaves requests without a price to the other kinds, address or not', () => {
    expect(need('Track my water at https://example.com')).toMatchObject({ kind: 'tracker', subject: 'water' });
    expect(need('Remind me to read https://blog.example.com every Monday')).toMatchObject({ kind: 'reminder' });
  });
});

describe('amounts as people write them', () => {
  it.each([
    ['100', 100],
    ['1 299,99', 1299.99],
    ['1,299.99', 1299.99],
    ['1.299', 1299],
    ['12,5', 12.5],
    ['100.', 100],
  ])('%s is %d', (said, value) => expect(parseAmount(said)).toBe(value));

  it('is not a price at zero', () => expect(parseAmount('0,00')).toBeNull());
});
