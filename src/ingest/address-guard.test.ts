import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLiteralHost, isPublicAddress } from './address-guard.js';

describe('address guard', () => {
  it('refuses loopback, private, link-local, unique-local and mapped addresses', () => {
    for (const a of [
      '127.0.0.1',
      '127.8.9.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fc00::1',
      'fd12::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      '100.64.0.1',
    ]) {
      assert.equal(isPublicAddress(a), false, a);
    }
  });
  it('judges an IPv6 address that embeds an IPv4 one by the IPv4 it carries', () => {
    // As a URL spells them: new URL normalises [::127.0.0.1] to [::7f00:1], which ipaddr.js calls unicast.
    for (const a of [
      '::127.0.0.1',
      '::ffff:127.0.0.1',
      '::ffff:0:10.0.0.1',
      '64:ff9b::169.254.169.254',
      '64:ff9b:1::a00:1',
      '2002:a9fe:a9fe::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      '::',
    ]) {
      assert.equal(isPublicAddress(new URL(`http://[${a}]/`).hostname.slice(1, -1)), false, a);
    }
    for (const a of ['64:ff9b::8.8.8.8', '2002:808:808::1']) assert.equal(isPublicAddress(a), true, a);
  });
  it('allows public addresses', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])
      assert.equal(isPublicAddress(a), true, a);
  });
  it('checks bracketed IPv6 literals and honours allowPrivate', () => {
    assert.throws(() => checkLiteralHost('[::1]', false), /refused/);
    assert.doesNotThrow(() => checkLiteralHost('[::1]', true));
    assert.doesNotThrow(() => checkLiteralHost('example.com', false));
  });
});
