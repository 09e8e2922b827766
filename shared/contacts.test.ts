import { emailOf, phoneOf } from './contacts';

describe('contacts notices can reach', () => {
  it('keeps email addresses mail servers deliver to, and refuses the rest with the field named', () => {
    for (const good of ['hang.nguyen@example.vn', 'a+b@bacninh.gov.vn', 'X_Y@mail.co']) expect(emailOf(` ${good} `, 'email')).toBe(good);
    for (const bad of [
      'hang@',
      'a..b@x.com',
      `${'a'.repeat(65)}@x.vn`,
      'a@-x-.com',
      'a@localhost',
      'a@exämple.com',
      'a@x.vn\r\nBcc: b@y.vn',
      'nguyễn@x.vn',
    ])
      expect(() => emailOf(bad, 'input.email')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.email' }) }),
      );
    expect(emailOf('  ', 'email')).toBeNull();
  });

  it('keeps Vietnamese phone numbers without their separators, and refuses the rest', () => {
    expect(phoneOf('0912 345 678', 'phone')).toBe('0912345678');
    expect(phoneOf('+84 912.345.678', 'phone')).toBe('+84912345678');
    expect(phoneOf('0222 3800 037', 'phone')).toBe('02223800037');
    for (const bad of ['0000000000', '12345', '09-12', '+1 202 555 0100', '0912345678901'])
      expect(() => phoneOf(bad, 'input.phone')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'input.phone' }) }));
  });
});
