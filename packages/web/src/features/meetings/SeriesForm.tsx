import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FormAlert } from '../../ui/FormAlert';
import { SelectField } from '../../ui/SelectField';
import { fieldMatcher, unmatchedFieldErrors, useFieldErrors } from '../../ui/formErrors';
import { optionalText } from '../admin/api';
import { todaySv } from '../cases/api';
import { createSeries, meetingKeys } from './api';

interface SeriesValues {
  startDate: string;
  untilDate: string;
  intervalWeeks: string;
  weekday: string;
  startTime: string;
  endTime: string;
  location: string;
}

const DEFAULTS: SeriesValues = { startDate: '', untilDate: '', intervalWeeks: '1', weekday: '', startTime: '', endTime: '', location: '' };
const SHOWN = fieldMatcher(['startDate', 'untilDate', 'intervalWeeks', 'weekday', 'startTime', 'endTime', 'location']);
const INTERVALS = [1, 2, 3, 4] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const required = { required: 'validation.required' };

/** "Planera mötesserie": only for the team's samordnare. */
export function SeriesForm({ teamId, onCreated }: { teamId: string; onCreated: (untilDate: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const { register, handleSubmit, formState, reset } = useForm<SeriesValues>({ defaultValues: DEFAULTS });
  const errorFor = useFieldErrors(formState.errors, error);
  const today = todaySv();

  const onSubmit = async (v: SeriesValues) => {
    setError(null);
    setSaved('');
    try {
      const created = await createSeries(teamId, {
        startDate: v.startDate,
        untilDate: v.untilDate,
        intervalWeeks: Number(v.intervalWeeks),
        weekday: Number(v.weekday),
        startTime: v.startTime,
        endTime: v.endTime,
        location: optionalText(v.location),
      });
      onCreated(v.untilDate);
      await qc.invalidateQueries({ queryKey: meetingKeys.team(teamId) });
      reset(DEFAULTS);
      setSaved(t('meetings.series.saved', { count: created.meetings.length }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="series-heading" className="section">
      <Heading level={2} data-size="md" id="series-heading">
        {t('meetings.series.title')}
      </Heading>
      <Paragraph>{t('meetings.series.intro')}</Paragraph>
      <form className="form" noValidate aria-labelledby="series-heading" onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <FormAlert error={error} unmatched={unmatchedFieldErrors(error, SHOWN)} level={3} />
        <div className="form__inline">
          <Textfield
            label={t('meetings.series.startDate')}
            type="date"
            min={today}
            error={errorFor('startDate')}
            {...register('startDate', required)}
          />
          <Textfield
            label={t('meetings.series.untilDate')}
            type="date"
            min={today}
            error={errorFor('untilDate')}
            {...register('untilDate', required)}
          />
        </div>
        <div className="form__inline">
          <SelectField label={t('meetings.series.interval')} error={errorFor('intervalWeeks')} {...register('intervalWeeks', required)}>
            {INTERVALS.map((n) => (
              <option key={n} value={String(n)}>
                {t(`meetings.intervals.${n}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('meetings.series.weekday')} error={errorFor('weekday')} {...register('weekday', { required: 'validation.choose' })}>
            <option value="">{t('common.choose')}</option>
            {WEEKDAYS.map((d) => (
              <option key={d} value={String(d)}>
                {t(`meetings.weekdays.${d}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__inline">
          <Textfield label={t('meetings.startTime')} type="time" error={errorFor('startTime')} {...register('startTime', required)} />
          <Textfield label={t('meetings.endTime')} type="time" error={errorFor('endTime')} {...register('endTime', required)} />
        </div>
        <Textfield
          label={t('meetings.series.location')}
          description={t('meetings.series.locationHelp')}
          autoComplete="off"
          error={errorFor('location')}
          {...register('location')}
        />
        <div className="form__actions">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('meetings.series.submit')}
          </Button>
        </div>
        <div role="status">{saved && <Paragraph>{saved}</Paragraph>}</div>
      </form>
    </section>
  );
}
