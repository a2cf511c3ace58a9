import { describe, expect, it } from 'vitest';
import { validateSupportOffer, type SupportOfferInput } from './offer.ts';

const valid: SupportOfferInput = {
  name: 'Föräldraskapsstöd i grupp',
  description: 'Träffar för föräldrar om vardagen med barn.',
  level: 'selective',
  ageMin: 3,
  ageMax: 12,
  areaKeys: ['trygg', 'omvardad'],
  kind: 'service',
  howToGet: 'Ring eller mejla oss, du behöver ingen remiss.',
  contactEmail: 'foraldrastod@exempelby.example',
  contactPhone: null,
  typicalWait: 'Cirka 4 veckor',
  evidenceNote: 'Föräldraskapsstöd är kostnadseffektivt.',
};
const context = { activeAreaKeys: ['trygg', 'omvardad', 'ma_bra'], personalEmails: ['kurator.bjork@exempelby.example'] };

describe('validateSupportOffer', () => {
  it('accepts a complete entry', () => {
    expect(validateSupportOffer(valid, context)).toEqual([]);
  });
  it('refuses an entry without a contact', () => {
    const e = validateSupportOffer({ ...valid, contactEmail: null, contactPhone: ' ' }, context);
    expect(e.map((x) => x.field)).toEqual(['contactEmail']);
    expect(e[0]!.message).toMatch(/funktionsbrevlåda eller ett telefonnummer/);
  });
  it('refuses an age range from 12 to 6 and names it', () => {
    const e = validateSupportOffer({ ...valid, ageMin: 12, ageMax: 6 }, context);
    expect(e).toEqual([expect.objectContaining({ field: 'ageMax', message: 'Åldersspannet är bakvänt: från 12 till 6 år.' })]);
  });
  it("refuses a person's own e-mail as contact", () => {
    const e = validateSupportOffer({ ...valid, contactEmail: 'Kurator.Bjork@exempelby.example' }, context);
    expect(e[0]!.message).toMatch(/persons egen e-postadress/);
  });
  it('refuses unknown areas, bad phone numbers and missing texts', () => {
    const e = validateSupportOffer({ ...valid, areaKeys: ['simma'], contactPhone: 'ring mig', name: ' ', howToGet: '' }, context);
    expect(e.map((x) => x.field).sort()).toEqual(['areaKeys', 'contactPhone', 'howToGet', 'name']);
  });
});
