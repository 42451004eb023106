import { describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { isAllowedOrigin } from './origin';

describe('isAllowedOrigin', () => {
  const sameOrigin = testConfig();
  const host = 'college.example:3000';

  it('without PUBLIC_ORIGIN: the request’s own host, as a browser writes an Origin', () => {
    expect(isAllowedOrigin('http://college.example:3000', host, sameOrigin)).toBe(true);
    expect(isAllowedOrigin('http://college.example:3000/', host, sameOrigin)).toBe(true);
    for (const origin of [
      undefined,
      'null',
      'http://evil.example',
      'http://college.example:3000.evil.example',
      'http://evil.example@college.example:3000', // user-info: no browser sends it
      'http://college.example:3000/path',
      'not a url',
    ])
      expect(isAllowedOrigin(origin, host, sameOrigin)).toBe(false);
  });

  it('with PUBLIC_ORIGIN: only those origins, scheme included', () => {
    const config = { ...sameOrigin, allowedOrigins: ['https://ler.college.edu'] };
    expect(isAllowedOrigin('https://ler.college.edu', 'anything', config)).toBe(true);
    expect(isAllowedOrigin('http://ler.college.edu', 'ler.college.edu', config)).toBe(false);
  });
});
