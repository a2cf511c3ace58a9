import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { Loading } from '../../ui/Loading';
import {
  portalWheelKeys,
  savePortalWheel,
  usePortalWheel,
  type PortalRelation,
  type PortalWheel,
  type PortalWheelAnswer,
  type PortalWheelBody,
} from './api';
import { Section, useDate } from './parts';
import { WheelIcon } from './icons';
import { AreaIcon } from './wheel-icons';

/** Field errors shown at an area; everything else goes to the form's message. */
const SHOWN = fieldMatcher(['ratings.*.rating', 'ratings.*.areaKey']);

/** The steps of the scale, lowest first. */
const stepsOf = (scale: PortalWheel['scale']) => {
  const steps: number[] = [];
  for (let v = scale.min; v <= scale.max; v++) steps.push(v);
  return steps;
};

/**
 * The form: per area a picture, the name, the child's own description and one big radio button per
 * step of the scale (a fieldset with the area's name as legend, so the arrow keys move between the
 * steps). A child who may keep answers from their guardians gets a checkbox per area.
 */
function WheelForm({ child, relation, wheel }: { child: string; relation: PortalRelation; wheel: PortalWheel }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const qc = useQueryClient();
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const errorFor = useFieldErrors({}, error);
  const steps = stepsOf(wheel.scale);
  const stepLabel = (value: number) => {
    const anchor = wheel.scale.anchors.find((a) => a.value === value);
    return anchor ? t('portal.wheel.step', { value, text: localize(anchor.labelSv, anchor.labelEn) }) : String(value);
  };
  const mayHide = relation === 'self' && wheel.canKeepPrivate;

  const save = async () => {
    setError(null);
    setStatus('');
    const rated = wheel.areas.filter((a) => (ratings[a.key] ?? '') !== '');
    if (rated.length === 0) {
      setNothing(true);
      return;
    }
    setNothing(false);
    // Every area in wheel order (null = no answer), so that an error's index is the area's.
    const body: PortalWheelBody = {
      ratings: wheel.areas.map((a) => ({ areaKey: a.key, rating: (ratings[a.key] ?? '') === '' ? null : Number(ratings[a.key]) })),
    };
    // An area without an answer has nothing to hide.
    if (mayHide) body.privateAreaKeys = rated.filter((a) => hidden.has(a.key)).map((a) => a.key);
    setSaving(true);
    try {
      const saved = await savePortalWheel(child, body);
      qc.setQueryData(portalWheelKeys.wheel(child), saved);
      setRatings({});
      setHidden(new Set());
      setStatus(t(`portal.wheel.saved.${relation}`));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="portal-form portal-wheel-form"
      noValidate
      aria-labelledby="portal-wheel-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Heading level={3} data-size="sm" id="portal-wheel-form-title">
        {t(`portal.wheel.formTitle.${relation}`)}
      </Heading>
      <Paragraph>{t(`portal.wheel.howTo.${relation}`)}</Paragraph>
      {mayHide && <Paragraph>{t('portal.wheel.privateHelp')}</Paragraph>}
      <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={4} />
      {wheel.areas.map((area, i) => {
        const name = `portal-wheel-${area.key}`;
        // undefined: nothing chosen yet; '': "Jag vill inte svara".
        const value = ratings[area.key];
        const areaError = errorFor(`ratings.${i}.rating`) ?? errorFor(`ratings.${i}.areaKey`);
        return (
          <Fieldset key={area.key} className="portal-wheel-area" data-area={area.key}>
            <Fieldset.Legend>
              <span className="portal-wheel-area__title">
                <AreaIcon areaKey={area.key} />
                <span>{localize(area.labelSv, area.labelEn)}</span>
              </span>
            </Fieldset.Legend>
            {area.descriptionSv && <Fieldset.Description>{localize(area.descriptionSv, area.descriptionEn)}</Fieldset.Description>}
            <div className="portal-wheel-steps">
              {steps.map((step) => (
                <Radio
                  key={step}
                  name={name}
                  value={String(step)}
                  label={stepLabel(step)}
                  checked={value === String(step)}
                  aria-invalid={areaError ? true : undefined}
                  onChange={() => {
                    setRatings((old) => ({ ...old, [area.key]: String(step) }));
                    setNothing(false);
                    setStatus('');
                  }}
                />
              ))}
              <Radio
                name={name}
                value=""
                label={t('portal.wheel.skip')}
                checked={value === ''}
                onChange={() => setRatings((old) => ({ ...old, [area.key]: '' }))}
              />
            </div>
            {mayHide && (
              <Checkbox
                className="portal-wheel-private"
                label={t('portal.wheel.private')}
                checked={hidden.has(area.key)}
                onChange={(e) => {
                  const on = e.target.checked;
                  setHidden((old) => {
                    const next = new Set(old);
                    if (on) next.add(area.key);
                    else next.delete(area.key);
                    return next;
                  });
                }}
              />
            )}
            {areaError && <ValidationMessage>{areaError}</ValidationMessage>}
          </Fieldset>
        );
      })}
      {nothing && (
        <ValidationMessage id="portal-wheel-nothing" role="alert">
          {t('portal.wheel.chooseOne')}
        </ValidationMessage>
      )}
      <div>
        <Button type="submit" className="portal-touch" loading={saving} aria-describedby={nothing ? 'portal-wheel-nothing' : undefined}>
          {t('portal.wheel.save')}
        </Button>
      </div>
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
    </form>
  );
}

/** Whose answer it is, as the signed-in person sees it. */
function whoseAnswer(a: PortalWheelAnswer): 'mine' | 'child' | 'guardian' {
  if (a.mine) return 'mine';
  return a.perspective === 'child' ? 'child' : 'guardian';
}

/** "Dina tidigare svar": every earlier answer, newest first, with the child's private areas marked for the child. */
function EarlierAnswers({ relation, wheel }: { relation: PortalRelation; wheel: PortalWheel }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const date = useDate();
  const anchor = (value: number) => {
    const a = wheel.scale.anchors.find((x) => x.value === value);
    return a ? localize(a.labelSv, a.labelEn) : '';
  };
  return (
    <>
      <Heading level={3} data-size="sm" id="portal-wheel-earlier">
        {t(`portal.wheel.earlier.${relation}`)}
      </Heading>
      {wheel.answers.length === 0 ? (
        <Paragraph>{t(`portal.wheel.noAnswers.${relation}`)}</Paragraph>
      ) : (
        <ul className="portal-list" aria-labelledby="portal-wheel-earlier">
          {wheel.answers.map((a) => {
            const hidden = new Set(a.privateAreaKeys);
            return (
              <li key={a.id} className="portal-item">
                <p className="portal-item__title">
                  {t('portal.wheel.answerTitle', { date: date(a.date), who: t(`portal.wheel.who.${whoseAnswer(a)}`) })}
                </p>
                <ul className="portal-plain-list portal-wheel-ratings">
                  {a.ratings.map((r) => (
                    <li key={r.areaKey}>
                      {t('portal.wheel.rated', { area: localize(r.labelSv, r.labelEn), value: r.rating, text: anchor(r.rating) })}
                      {hidden.has(r.areaKey) && (
                        <>
                          {' '}
                          <Tag data-size="sm" data-color="info" className="portal-wheel-tag">
                            {t('portal.wheel.privateTag')}
                          </Tag>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/**
 * "Mitt hjul" (the child) / "Barnets hjul" (a guardian): today's answer in the wheel, and earlier
 * answers. The child's private areas never reach a guardian (the server leaves them out).
 */
export function PortalWheelSection({ child, relation }: { child: string; relation: PortalRelation }) {
  const { t } = useTranslation();
  const wheel = usePortalWheel(child);
  const data = wheel.data;
  return (
    <Section id="portal-wheel" icon={<WheelIcon />} title={t(`portal.wheel.title.${relation}`)}>
      <Paragraph>{t(`portal.wheel.intro.${relation}`)}</Paragraph>
      {wheel.isPending && <Loading text={t('portal.loading')} />}
      {wheel.isError && <FormAlert error={wheel.error} level={3} />}
      {data && !data.hasCase && <Paragraph>{t('portal.wheel.noCase')}</Paragraph>}
      {data && data.hasCase && data.areas.length > 0 && <WheelForm child={child} relation={relation} wheel={data} />}
      {data && <EarlierAnswers relation={relation} wheel={data} />}
    </Section>
  );
}
