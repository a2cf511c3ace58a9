/**
 * The wellbeing wheel (Barnets bästa-hjulet, välbefinnandehjulet, Må-bra-hjulet; DOMAIN §5).
 *
 * It comes from GIRFEC's Wellbeing Wheel, "SHANARRI" (TSI-boken 001:581–590): eight areas, each
 * a slice of the wheel, used in conversations with children and guardians at BVC, preschool and
 * school (001:587) and as a shared language across services (004:379). The seeds do not list
 * the Swedish labels and local versions differ (003:857 speaks of seven slices), so the areas
 * and the scale are data a tenant may edit; this file holds the default set and the rules for
 * admin edits. An area that is no longer used is retired, never deleted, so that earlier
 * assessments and plans keep their meaning.
 */
import type { FieldError } from '../consent/types.ts';

export interface WheelArea {
  /** Stable key, stored with every rating: lower case a–z, digits and '_' (e.g. 'ma_bra'). */
  key: string;
  labelSv: string;
  labelEn: string;
  /** For professionals. */
  descriptionSv: string;
  descriptionEn: string;
  /** Lättläst: short sentences a ten-year-old understands, in the child's own voice. */
  childDescriptionSv: string;
  childDescriptionEn: string;
  /** Order around the wheel, clockwise from the top. */
  position: number;
  /** Retired areas stay for history but take no new ratings or plan sections. */
  retired?: boolean;
}

export interface WheelScaleAnchor {
  value: number;
  labelSv: string;
  labelEn: string;
  childLabelSv: string;
  childLabelEn: string;
}

export interface WheelScale {
  min: number;
  max: number;
  /** Exactly one anchor per whole step from min to max. */
  anchors: WheelScaleAnchor[];
}

export const DEFAULT_WHEEL_AREA_KEYS = ['trygg', 'ma_bra', 'utvecklas', 'omvardad', 'aktiv', 'respekterad', 'ansvarstagande', 'delaktig'] as const;
export type DefaultWheelAreaKey = (typeof DEFAULT_WHEEL_AREA_KEYS)[number];

/**
 * The default eight areas. Professional descriptions follow the Scottish Government's SHANARRI
 * indicator wording, shortened and in Swedish; the child descriptions are written in first
 * person, as in the children's versions of the wheel.
 */
export const DEFAULT_WHEEL_AREAS: readonly Readonly<WheelArea>[] = Object.freeze(
  [
    {
      key: 'trygg',
      labelSv: 'Trygg',
      labelEn: 'Safe',
      descriptionSv: 'Barnet är skyddat från våld, övergrepp, försummelse och annan skada – hemma, i förskolan eller skolan och i samhället.',
      descriptionEn: 'The child is protected from violence, abuse, neglect and other harm – at home, at preschool or school and in the community.',
      childDescriptionSv: 'Jag känner mig trygg hemma, i skolan och på fritiden.',
      childDescriptionEn: 'I feel safe at home, at school and in my free time.',
      position: 1,
    },
    {
      key: 'ma_bra',
      labelSv: 'Må bra',
      labelEn: 'Healthy',
      descriptionSv:
        'Barnet har så god fysisk och psykisk hälsa som möjligt, får den hälso- och sjukvård det behöver och stöd att göra hälsosamma val.',
      descriptionEn:
        'The child has the best possible physical and mental health, gets the health care they need and support to make healthy choices.',
      childDescriptionSv: 'Jag mår bra i kroppen och i huvudet. Jag får hjälp när jag är sjuk eller ledsen.',
      childDescriptionEn: 'My body and my mind feel good. I get help when I am ill or sad.',
      position: 2,
    },
    {
      key: 'utvecklas',
      labelSv: 'Utvecklas',
      labelEn: 'Achieving',
      descriptionSv:
        'Barnet får stöd och vägledning i sitt lärande och utvecklar kunskaper, förmågor och självförtroende hemma, i förskolan eller skolan och i samhället.',
      descriptionEn:
        'The child is supported and guided in learning and develops knowledge, skills and confidence at home, at preschool or school and in the community.',
      childDescriptionSv: 'Jag lär mig nya saker. Jag får hjälp när något är svårt.',
      childDescriptionEn: 'I learn new things. I get help when something is hard.',
      position: 3,
    },
    {
      key: 'omvardad',
      labelSv: 'Omvårdad',
      labelEn: 'Nurtured',
      descriptionSv:
        'Barnet har ett hem och vuxna som ger omsorg, med extra stöd till familjen när det behövs, eller ett annat lämpligt boende när det inte går.',
      descriptionEn:
        'The child has a home and adults who give care, with extra help for the family when needed, or another suitable place to live when that is not possible.',
      childDescriptionSv: 'Det finns vuxna som tar hand om mig. Jag har det bra där jag bor.',
      childDescriptionEn: 'There are grown-ups who look after me. Where I live is a good place for me.',
      position: 4,
    },
    {
      key: 'aktiv',
      labelSv: 'Aktiv',
      labelEn: 'Active',
      descriptionSv:
        'Barnet har möjlighet att leka, röra sig och delta i fritidsaktiviteter som idrott, kultur och friluftsliv, vilket bidrar till hälsa och utveckling.',
      descriptionEn:
        'The child has opportunities to play, move and take part in leisure activities such as sport, culture and outdoor life, which support health and development.',
      childDescriptionSv: 'Jag kan leka och röra på mig. Jag gör saker jag tycker om på fritiden.',
      childDescriptionEn: 'I can play and move about. I do things I like in my free time.',
      position: 5,
    },
    {
      key: 'respekterad',
      labelSv: 'Respekterad',
      labelEn: 'Respected',
      descriptionSv: 'Barnet blir lyssnat på och får, tillsammans med sina vårdnadshavare, vara delaktigt i beslut som rör barnet.',
      descriptionEn: 'The child is listened to and, together with their guardians, is involved in decisions that affect them.',
      childDescriptionSv: 'Vuxna lyssnar på mig. Jag får säga vad jag tycker om saker som handlar om mig.',
      childDescriptionEn: 'Grown-ups listen to me. I can say what I think about things that are about me.',
      position: 6,
    },
    {
      key: 'ansvarstagande',
      labelSv: 'Ansvarstagande',
      labelEn: 'Responsible',
      descriptionSv:
        'Barnet får möjlighet och uppmuntran att ta aktiv och ansvarsfull del hemma, i skolan och i samhället, med vägledning och tydliga ramar från vuxna.',
      descriptionEn:
        'The child has opportunities and encouragement to take an active and responsible part at home, at school and in the community, with guidance and clear limits from adults.',
      childDescriptionSv: 'Jag får hjälpa till och ta ansvar för saker. Jag vet vad som gäller.',
      childDescriptionEn: 'I get to help and take care of some things. I know the rules.',
      position: 7,
    },
    {
      key: 'delaktig',
      labelSv: 'Delaktig',
      labelEn: 'Included',
      descriptionSv:
        'Barnet får hjälp att komma över sociala, pedagogiska, fysiska och ekonomiska hinder och är en accepterad del av gemenskapen där det bor och lär sig.',
      descriptionEn:
        'The child gets help to overcome social, educational, physical and economic barriers and is accepted as part of the community where they live and learn.',
      childDescriptionSv: 'Jag får vara med. Jag har kompisar och känner mig som en del av gruppen.',
      childDescriptionEn: 'I get to join in. I have friends and feel part of the group.',
      position: 8,
    },
  ].map((a) => Object.freeze(a)),
);

/** The default scale: 1–5, each step described for professionals and, in plain words, for children. */
export const DEFAULT_WHEEL_SCALE: Readonly<WheelScale> = Object.freeze({
  min: 1,
  max: 5,
  anchors: Object.freeze([
    Object.freeze({
      value: 1,
      labelSv: 'Mycket svårt / Behöver mycket stöd',
      labelEn: 'Very difficult / Needs a lot of support',
      childLabelSv: 'Det är jättesvårt',
      childLabelEn: 'It is really hard',
    }),
    Object.freeze({
      value: 2,
      labelSv: 'Svårt / Behöver stöd',
      labelEn: 'Difficult / Needs support',
      childLabelSv: 'Det är ganska svårt',
      childLabelEn: 'It is quite hard',
    }),
    Object.freeze({
      value: 3,
      labelSv: 'Både och / Behöver visst stöd',
      labelEn: 'Mixed / Needs some support',
      childLabelSv: 'Det är både bra och dåligt',
      childLabelEn: 'It is both good and bad',
    }),
    Object.freeze({ value: 4, labelSv: 'Bra', labelEn: 'Good', childLabelSv: 'Det är ganska bra', childLabelEn: 'It is quite good' }),
    Object.freeze({ value: 5, labelSv: 'Mycket bra', labelEn: 'Very good', childLabelSv: 'Det är jättebra', childLabelEn: 'It is really good' }),
  ]) as WheelScaleAnchor[],
});

export const AREA_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const MAX_AREA_LABEL_LENGTH = 60;
export const MAX_AREA_DESCRIPTION_LENGTH = 500;
export const MIN_SCALE_STEPS = 2;
export const MAX_SCALE_STEPS = 10;
export const MAX_SCALE_LABEL_LENGTH = 80;

function error(field: string, message: string, messageEn: string): FieldError {
  return { field, message, messageEn };
}

/** The areas that take new ratings and plan sections, in wheel order. */
export function activeAreas(areas: readonly WheelArea[]): WheelArea[] {
  return areas.filter((a) => !a.retired).sort((a, b) => a.position - b.position);
}

/** The anchor describing a whole step of the scale, or null when the value is not a step. */
export function anchorFor(scale: WheelScale, value: number): WheelScaleAnchor | null {
  return scale.anchors.find((a) => a.value === value) ?? null;
}

/**
 * Rules for an admin's new or edited area. `existingKeys` are the keys of the tenant's other
 * areas, retired ones included (a retired key is never reused, since old ratings carry it);
 * when editing an area, leave its own key out.
 */
export function validateAreaDefinition(area: WheelArea, existingKeys: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const key = typeof area.key === 'string' ? area.key : '';
  if (!AREA_KEY_PATTERN.test(key))
    errors.push(
      error(
        'key',
        'Nyckeln ska vara 2–40 tecken: små bokstäver a–z, siffror och understreck, och börja med en bokstav.',
        'The key must be 2–40 characters: lower-case a–z, digits and underscores, starting with a letter.',
      ),
    );
  else if (existingKeys.includes(key))
    errors.push(error('key', 'Det finns redan ett område med den nyckeln.', 'An area with this key already exists.'));

  for (const [field, nameSv, nameEn] of [
    ['labelSv', 'Det svenska namnet', 'The Swedish label'],
    ['labelEn', 'Det engelska namnet', 'The English label'],
  ] as const) {
    const value = (area[field] ?? '').trim();
    if (value.length === 0) errors.push(error(field, `${nameSv} måste fyllas i.`, `${nameEn} is required.`));
    else if (value.length > MAX_AREA_LABEL_LENGTH)
      errors.push(
        error(field, `${nameSv} får vara högst ${MAX_AREA_LABEL_LENGTH} tecken.`, `${nameEn} may be at most ${MAX_AREA_LABEL_LENGTH} characters.`),
      );
  }
  for (const field of ['descriptionSv', 'descriptionEn', 'childDescriptionSv', 'childDescriptionEn'] as const) {
    if ((area[field] ?? '').trim().length > MAX_AREA_DESCRIPTION_LENGTH)
      errors.push(
        error(
          field,
          `Beskrivningen får vara högst ${MAX_AREA_DESCRIPTION_LENGTH} tecken.`,
          `The description may be at most ${MAX_AREA_DESCRIPTION_LENGTH} characters.`,
        ),
      );
  }
  if (!Number.isInteger(area.position) || area.position < 0)
    errors.push(error('position', 'Ordningen måste vara ett heltal, noll eller större.', 'The position must be a whole number, zero or more.'));
  return errors;
}

/**
 * Rules for a scale: whole numbers, min below max, 2–10 steps, and exactly one anchor with all
 * four labels for every step, so that every rating can be explained to the child and the family.
 */
export function validateScale(scale: WheelScale): FieldError[] {
  const errors: FieldError[] = [];
  const { min, max } = scale;
  if (!Number.isInteger(min)) errors.push(error('min', 'Skalans lägsta värde måste vara ett heltal.', 'The lowest value must be a whole number.'));
  if (!Number.isInteger(max)) errors.push(error('max', 'Skalans högsta värde måste vara ett heltal.', 'The highest value must be a whole number.'));
  if (errors.length > 0) return errors;
  if (min >= max)
    return [error('max', 'Skalans högsta värde måste vara större än det lägsta.', 'The highest value must be greater than the lowest.')];
  const steps = max - min + 1;
  if (steps < MIN_SCALE_STEPS || steps > MAX_SCALE_STEPS)
    return [
      error(
        'max',
        `Skalan ska ha mellan ${MIN_SCALE_STEPS} och ${MAX_SCALE_STEPS} steg.`,
        `The scale must have between ${MIN_SCALE_STEPS} and ${MAX_SCALE_STEPS} steps.`,
      ),
    ];

  const anchors = scale.anchors ?? [];
  const seen = new Set<number>();
  anchors.forEach((anchor, i) => {
    if (!Number.isInteger(anchor.value) || anchor.value < min || anchor.value > max)
      errors.push(
        error(
          `anchors.${i}.value`,
          `Steget måste vara ett heltal mellan ${min} och ${max}.`,
          `The step must be a whole number from ${min} to ${max}.`,
        ),
      );
    else if (seen.has(anchor.value)) errors.push(error(`anchors.${i}.value`, 'Steget är beskrivet två gånger.', 'The step is described twice.'));
    else seen.add(anchor.value);
    for (const field of ['labelSv', 'labelEn', 'childLabelSv', 'childLabelEn'] as const) {
      const text = (anchor[field] ?? '').trim();
      if (text.length === 0) errors.push(error(`anchors.${i}.${field}`, 'Beskrivningen av steget måste fyllas i.', 'The step label is required.'));
      else if (text.length > MAX_SCALE_LABEL_LENGTH)
        errors.push(
          error(
            `anchors.${i}.${field}`,
            `Beskrivningen av steget får vara högst ${MAX_SCALE_LABEL_LENGTH} tecken.`,
            `The step label may be at most ${MAX_SCALE_LABEL_LENGTH} characters.`,
          ),
        );
    }
  });
  const missing: number[] = [];
  for (let v = min; v <= max; v++) if (!seen.has(v)) missing.push(v);
  if (missing.length > 0)
    errors.push(
      error(
        'anchors',
        `Varje steg behöver en beskrivning. Det saknas för: ${missing.join(', ')}.`,
        `Every step needs a label. Missing for: ${missing.join(', ')}.`,
      ),
    );
  return errors;
}
