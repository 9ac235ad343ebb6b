import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQuery } from './search.ts';

describe('typeahead query building', () => {
  it('requires every word and treats the last one as a prefix', () => {
    expect(luceneQuery('Kirill Dm')).toBe('+kirill +(dm^2 dm*)');
    expect(luceneQuery('  dmit ')).toBe('+(dmit^2 dmit*)');
  });

  it('splits on anything but letters and digits, so no syntax reaches Lucene', () => {
    expect(luceneQuery('al-Sharaa')).toBe('+al +(sharaa^2 sharaa*)');
    expect(luceneQuery('"[* AND OR~ title:x')).toBe('+and +or +title +(x^2 x*)');
    expect(luceneQuery('Zelenskyy’s')).toBe('+zelenskyy +(s^2 s*)');
    expect(luceneQuery('Дмитриев')).toBe('+(дмитриев^2 дмитриев*)');
    expect(luceneQuery('*** --- ')).toBeNull();
    expect(luceneQuery('')).toBeNull();
  });

  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
  });
});
