import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkCause } from './network-cause.js';

describe('networkCause', () => {
  it('says a failed lookup in words, the host once', () => {
    const e = { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND openai.com' };
    assert.equal(networkCause(e, 'openai.com'), 'DNS: openai.com not found');
  });

  it('names refusals, resets and TLS, and keeps an unknown code once', () => {
    assert.equal(
      networkCause({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 1.2.3.4:443' }, 'a.org'),
      'connection refused by a.org',
    );
    assert.equal(
      networkCause({ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }, 'a.org'),
      'TLS: certificate has expired',
    );
    assert.equal(networkCause({ code: 'EPROTO', message: 'write EPROTO x' }, 'a.org'), 'write EPROTO x');
    assert.equal(networkCause({ code: 'EPIPE', message: 'broken pipe' }, 'a.org'), 'EPIPE broken pipe');
  });
});
